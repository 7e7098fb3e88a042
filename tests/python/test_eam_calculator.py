"""facetweld.calculators.EAM against LAMMPS (`pair_style eam`, the same Au_u3.eam and
configuration), against ASE's own EAM calculator, and its stress against ASE's finite-difference
stress."""
import subprocess

import numpy as np
import pytest
from ase.build import bulk, fcc111

from facetweld.calculators import EAM

# LAMMPS metal units: P[bar] = W/V * nktv2p (its eV/Å³ → bar factor, force.cpp).
LAMMPS_NKTV2P = 1.6021765e6


def perturbed_bulk(seed=7):
    atoms = bulk("Au", "fcc", a=4.08, cubic=True).repeat((3, 3, 3))
    atoms.rattle(stdev=0.1, seed=seed)
    return atoms


def strained_slab():
    atoms = fcc111("Au", size=(5, 6, 5), a=4.08, vacuum=6.0, orthogonal=True)
    atoms.pbc = True  # a slab in a periodic box, as LAMMPS (boundary p p p) sees it
    atoms.rattle(stdev=0.05, seed=3)
    atoms.set_cell(atoms.cell.array * [1.01, 0.99, 1.0], scale_atoms=True)
    return atoms


def run_lammps(atoms, lmp, potential, workdir):
    """Energy (eV), forces (eV/Å) and stress (eV/Å³, ASE sign and Voigt order) from `run 0`."""
    from ase.io import write

    write(workdir / "data.lmp", atoms, format="lammps-data", units="metal", atom_style="atomic")
    (workdir / "in.static").write_text(
        "units metal\natom_style atomic\nboundary p p p\nread_data data.lmp\n"
        "mass 1 196.97\n"
        f"pair_style eam\npair_coeff 1 1 {potential}\nneighbor 1.0 bin\n"
        "compute pv all pressure NULL virial\n"
        "thermo_style custom step pe vol c_pv[1] c_pv[2] c_pv[3] c_pv[6] c_pv[5] c_pv[4]\n"
        "thermo_modify format float %.17g\n"
        "dump d all custom 1 forces.dump id fx fy fz\n"
        "dump_modify d format float %.17g sort id\nrun 0\n")
    subprocess.run([lmp, "-in", "in.static", "-log", "log.lammps", "-screen", "none"],
                   cwd=workdir, check=True)
    lines = (workdir / "log.lammps").read_text().splitlines()
    row = lines[next(i for i, l in enumerate(lines) if l.split()[:1] == ["Step"]) + 1].split()
    energy, volume = float(row[1]), float(row[2])
    pressure_bar = np.array([float(x) for x in row[3:9]])  # xx yy zz yz xz xy
    dump = (workdir / "forces.dump").read_text().splitlines()
    start = next(i for i, l in enumerate(dump) if l.startswith("ITEM: ATOMS")) + 1
    forces = np.array([[float(x) for x in l.split()[1:4]] for l in dump[start:start + len(atoms)]])
    assert abs(volume - atoms.get_volume()) < 1e-9 * volume
    return energy, forces, -pressure_bar / LAMMPS_NKTV2P


@pytest.mark.parametrize("make", [perturbed_bulk, strained_slab], ids=["bulk", "slab111"])
def test_energy_forces_stress_equal_lammps(make, lmp, au_u3, tmp_path):
    atoms = make()
    atoms.calc = EAM(au_u3)
    energy, forces, stress = run_lammps(atoms, lmp, au_u3, tmp_path)
    n = len(atoms)
    # DESIGN.md anchor: energy and forces within 1e-8 relative of LAMMPS.
    assert atoms.get_potential_energy() == pytest.approx(energy, rel=1e-10)
    assert np.abs(atoms.get_forces() - forces).max() < 1e-8
    assert np.abs(forces).max() > 0.05  # the perturbation produces real forces
    assert np.abs(atoms.get_stress() - stress).max() < 1e-9
    assert -3.95 < energy / n < -3.6  # below the Au_u3 cohesive energy 3.93 eV: a real EAM number


def test_forces_and_stress_are_derivatives_of_the_energy(au_u3):
    atoms = perturbed_bulk(seed=11)
    atoms.calc = EAM(au_u3)
    numeric_forces = atoms.calc.calculate_numerical_forces(atoms, d=1e-5)
    assert np.abs(atoms.get_forces() - numeric_forces).max() < 1e-5
    numeric_stress = atoms.calc.calculate_numerical_stress(atoms, d=1e-6)
    assert np.abs(atoms.get_stress() - numeric_stress).max() < 1e-6


def test_agrees_with_ase_eam_calculator(au_u3):
    """ASE's EAM (its own funcfl reader and scipy splines, not LAMMPS's) on the same file.

    ASE builds r·phi from Z(r) with CODATA's Bohr·Hartree = 14.3996 eV·Å, LAMMPS (and so facetweld)
    with 27.2 × 0.529 = 14.3888 eV·Å; with LAMMPS's constant put into ASE's tables the two agree to
    the difference of their splines (ASE: scipy interpolating cubic; LAMMPS: 4th-order knot
    slopes), which shows in the forces at the 1e-4 eV/Å level."""
    from ase.calculators.eam import EAM as AseEAM
    from ase.units import Bohr, Hartree

    atoms = perturbed_bulk(seed=5)
    ours = atoms.copy()
    ours.calc = EAM(au_u3)
    reference = AseEAM(potential=au_u3, elements=["Au"])
    reference.rphi_data *= 27.2 * 0.529 / (Bohr * Hartree)
    reference.set_splines()
    atoms.calc = reference
    n = len(atoms)
    assert ours.get_potential_energy() / n == pytest.approx(atoms.get_potential_energy() / n,
                                                            abs=1e-7)
    assert np.abs(ours.get_forces() - atoms.get_forces()).max() < 2e-4
    assert np.abs(atoms.get_forces()).max() > 0.5


def test_open_cell_has_no_stress_and_unknown_species_is_an_input_error(au_u3):
    import facetweld

    atoms = perturbed_bulk()
    atoms.pbc = (True, True, False)
    atoms.calc = EAM(au_u3)
    atoms.get_potential_energy()
    from ase.calculators.calculator import PropertyNotImplementedError

    with pytest.raises(PropertyNotImplementedError):
        atoms.get_stress()
    cu = bulk("Cu", "fcc", a=3.6)
    cu.calc = EAM(au_u3)
    with pytest.raises(facetweld.InputError, match="Cu"):
        cu.get_potential_energy()


def test_empty_and_overlapping_structures_are_input_errors(au_u3):
    """Issue 13: nothing from the Python API reaches the engines that the CLI would refuse."""
    import facetweld
    from ase import Atoms

    empty = Atoms(cell=[4.0, 4.0, 4.0], pbc=True)
    empty.calc = EAM(au_u3)
    with pytest.raises(facetweld.InputError, match="no atoms"):
        empty.get_potential_energy()
    squeezed = Atoms("Au", cell=[1.0, 1.0, 1.0], pbc=True)  # a POSCAR scale of -1
    squeezed.calc = EAM(au_u3)
    with pytest.raises(facetweld.InputError, match="overlap"):
        squeezed.get_potential_energy()
