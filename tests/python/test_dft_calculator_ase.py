"""facetweld.calculators.NativeDFT with ASE's conventions (issue 22): energies in eV when given as
bare numbers, ASE's kpts forms with ASE's Monkhorst–Pack meaning, occupations, the stress
against ASE's finite differences, and an ASE cell relaxation landing where ABINIT's pressure
vanishes on the same pseudopotential and settings."""
import json
import os

import numpy as np
import pytest
from ase.build import bulk
from ase.calculators.calculator import kpts2sizeandoffsets
from ase.dft.kpoints import monkhorst_pack
from ase.units import GPa

import facetweld
from conftest import REPO
from facetweld.calculators import NativeDFT

AU_PSP8 = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8"
HARTREE_EV = 27.211386245988  # CODATA 2018, as core/units
CHEAP = dict(ecut_Ha=8, xc="pbe", toldfe_Ha=1e-10)


@pytest.fixture(autouse=True)
def au_psp8_installed():
    """tools/setup.sh always installs abinit-data: a missing file fails, it never skips."""
    if not os.path.exists(AU_PSP8):
        pytest.fail(f"{AU_PSP8} missing: tools/setup.sh installs Debian's abinit-data")


def test_bare_energies_are_ev_as_in_ase_and_units_are_kept_where_written():
    calc = NativeDFT({"Au": AU_PSP8}, ecut=400, toldfe=1e-6)
    assert calc.parameters["ecut_Ha"] == pytest.approx(400 / HARTREE_EV, rel=1e-12)
    assert calc.parameters["toldfe_Ha"] == pytest.approx(1e-6 / HARTREE_EV, rel=1e-12)
    assert NativeDFT({"Au": AU_PSP8}, ecut="20Ha").parameters["ecut_Ha"] == 20
    assert NativeDFT({"Au": AU_PSP8}, ecut_Ha=20).parameters["ecut_Ha"] == 20
    smeared = NativeDFT({"Au": AU_PSP8}, smearing=("gaussian", 0.27211386245988))
    assert smeared.parameters["smearing"] == "gaussian:0.01Ha"
    with pytest.raises(facetweld.InputError, match="ecut"):
        NativeDFT({"Au": AU_PSP8}, ecut=20)  # 20 eV = 0.73 Ha: below the table's 2 Ha
    with pytest.raises(facetweld.InputError, match="smearing"):
        NativeDFT({"Au": AU_PSP8}, smearing=("gaussian",))


@pytest.mark.parametrize("kpts, mesh, shift", [
    ((4, 4, 4), [4, 4, 4], [0, 0, 0]),  # facetweld's (and QE's automatic) Γ-centred mesh
    ({"size": (4, 4, 4)}, [4, 4, 4], [1, 1, 1]),  # ASE's Monkhorst–Pack: even n misses Γ
    ({"size": (3, 3, 3)}, [3, 3, 3], [0, 0, 0]),  # odd n contains Γ
    ({"size": (4, 4, 2), "gamma": True}, [4, 4, 2], [0, 0, 0]),
    ({"size": (3, 3, 1), "gamma": False}, [3, 3, 1], [1, 1, 1]),  # no Γ: even n = 1 at ½
])
def test_ase_kpts_forms_give_the_mesh_and_shift_ase_means(kpts, mesh, shift):
    calc = NativeDFT({"Au": AU_PSP8}, kpts=kpts)
    assert list(calc.parameters["kpts"]) == mesh
    assert list(calc.parameters["kshift"]) == shift


def test_monkhorst_pack_points_are_those_of_ase():
    """End to end: every irreducible k-point of an ASE {"size": (2, 2, 2)} run lies on ASE's own
    monkhorst_pack((2, 2, 2)) grid (modulo reciprocal lattice vectors), which misses Γ."""
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, kpts={"size": (2, 2, 2)}, **CHEAP)
    atoms.get_potential_energy()
    grid = monkhorst_pack((2, 2, 2))
    for k in atoms.calc.get_ibz_k_points():
        distance = np.abs((grid - k + 0.5) % 1.0 - 0.5).sum(axis=1).min()
        assert distance < 1e-10, f"{k} is not on ASE's Monkhorst-Pack grid {grid.tolist()}"


def test_kpts_density_follows_the_cell_as_ase_computes_it():
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, kpts={"density": 1.5, "gamma": True}, **CHEAP)
    atoms.get_potential_energy()
    size, _ = kpts2sizeandoffsets(density=1.5, gamma=True, atoms=atoms)
    assert list(atoms.calc.parameters["kpts"]) == list(size)
    assert list(atoms.calc.parameters["kshift"]) == [0, 0, 0]


@pytest.mark.parametrize("kwargs, match", [
    (dict(kpts=[[0, 0, 0], [0.5, 0, 0]]), "explicit list"),
    (dict(kpts={"size": (2, 2, 2), "shift": 1}), "unknown key 'shift'"),
    (dict(kpts={"size": (2, 2, 2), "density": 3}), "exactly one"),
    (dict(kpts={"density": float("nan")}), "positive number"),
    (dict(kpts={"density": 0}), "positive number"),
    (dict(kpts={"size": (2, 2, 2)}, kshift=(1, 1, 1)), "kshift"),
])
def test_kpts_that_facetweld_cannot_take_are_input_errors(kwargs, match):
    with pytest.raises(facetweld.InputError, match=match):
        NativeDFT({"Au": AU_PSP8}, **kwargs)


def valence_electrons(psp8_path):
    """zion of a psp8 file (its second line: zatom, zion, pspd)."""
    with open(psp8_path) as f:
        f.readline()
        return float(f.readline().split()[1])


def test_occupations_hold_the_valence_electrons_and_follow_the_fermi_level():
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, kpts=(4, 4, 4), smearing="fermi-dirac:0.01Ha", **CHEAP)
    atoms.get_potential_energy()
    calc = atoms.calc
    weights, fermi = calc.get_k_point_weights(), calc.get_fermi_level()
    width_eV = 0.01 * HARTREE_EV
    total = 0.0
    for k, weight in enumerate(weights):
        occupations, bands = calc.get_occupation_numbers(k), calc.get_eigenvalues(k)
        assert occupations.shape == bands.shape
        fermi_dirac = 2.0 / (1.0 + np.exp((bands - fermi) / width_eV))
        assert np.abs(occupations - fermi_dirac).max() < 1e-9
        total += weight * occupations.sum()
    assert total == pytest.approx(valence_electrons(AU_PSP8), abs=1e-8)
    with pytest.raises(IndexError):
        calc.get_occupation_numbers(spin=1)


def test_stress_equals_ase_finite_differences_of_the_free_energy():
    """ASE's calculate_numerical_stress (central differences of F under ±1e-5 strain, small enough
    to keep the set of plane waves: the fixed-basis derivative the analytic stress is; at 1e-4 one
    shear of this cell moves a G vector across the cut-off sphere and its difference jumps) on a
    sheared, strained cell, every Voigt component."""
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.set_cell(atoms.cell.array @ np.array([[1.01, 0.02, 0.0], [0.0, 0.99, 0.01],
                                                [0.0, 0.0, 1.0]]), scale_atoms=True)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, kpts=(2, 2, 2), ecut_Ha=10, xc="pbe",
                           toldfe_Ha=1e-12, density_tolerance=1e-9)
    analytic = atoms.get_stress()
    numeric = atoms.calc.calculate_numerical_stress(atoms, d=1e-5)
    assert np.abs(analytic).max() / GPa > 1.0  # the strain makes a real stress
    assert np.abs(analytic - numeric).max() / GPa < 0.01, (analytic / GPa, numeric / GPa)


def abinit_zero_pressure_a():
    """Where ABINIT 9.6.2's pressure vanishes on tests/data/dft/eos_au (Au.psp8, PBE, 30 Ha,
    6×6×6, FD 0.01 Ha, 14 bands): a quadratic through the three points around the root."""
    with open(REPO / "tests" / "data" / "dft" / "eos_au" / "abinit_eos.json") as f:
        points = json.load(f)["points"]
    a = np.array([p["a_A"] for p in points])
    pressure = np.array([p["pressure_GPa"] for p in points])
    i = int(np.argmax(pressure < 0))  # first point past the root
    roots = np.roots(np.polyfit(a[i - 2:i + 1], pressure[i - 2:i + 1], 2))
    return float(roots[np.argmin(np.abs(roots - a[i]))].real)


def test_ase_cell_relaxation_lands_where_abinit_pressure_vanishes():
    """An ASE UnitCellFilter + BFGS relaxation of bulk Au with NativeDFT on ABINIT's settings ends
    at ABINIT's zero-pressure lattice constant (4.1243 Å). At 30 Ha this lies 0.034 Å below the
    E(V) minimum (4.1583 Å): the semicore basis is incomplete and E(V) at a fixed cut-off carries
    the Pulay stress that the fixed-basis stress does not (docs/dft.md, Stress)."""
    from ase.constraints import UnitCellFilter
    from ase.optimize import BFGS

    atoms = bulk("Au", "fcc", a=4.15)
    atoms.calc = NativeDFT({"Au": AU_PSP8},
                           ecut_Ha=30, kpts=(6, 6, 6), smearing="fermi-dirac:0.01Ha",
                           xc="-101130", nbands=14, toldfe_Ha=1e-10)
    BFGS(UnitCellFilter(atoms), logfile=None).run(fmax=1e-3, steps=20)
    a_relaxed = (4.0 * atoms.get_volume()) ** (1.0 / 3.0)
    assert np.abs(atoms.get_stress()).max() / GPa < 0.02
    assert a_relaxed == pytest.approx(abinit_zero_pressure_a(), abs=5e-4)
