"""facetweld.calculators.EAM against LAMMPS (`pair_style eam`, the same Au_u3.eam and
configuration: energy, per-atom energies, forces, stress), against ASE's own EAM calculator, and
its stress against ASE's finite-difference stress; clusters without a cell and slabs."""
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
    """Energy (eV), forces (eV/Å), stress (eV/Å³, ASE sign and Voigt order) and per-atom
    energies (eV, `compute pe/atom`) from `run 0`."""
    from ase.io import write

    write(workdir / "data.lmp", atoms, format="lammps-data", units="metal", atom_style="atomic")
    (workdir / "in.static").write_text(
        "units metal\natom_style atomic\nboundary p p p\nread_data data.lmp\n"
        "mass 1 196.97\n"
        f"pair_style eam\npair_coeff 1 1 {potential}\nneighbor 1.0 bin\n"
        "compute pv all pressure NULL virial\ncompute pe all pe/atom\n"
        "thermo_style custom step pe vol c_pv[1] c_pv[2] c_pv[3] c_pv[6] c_pv[5] c_pv[4]\n"
        "thermo_modify format float %.17g\n"
        "dump d all custom 1 forces.dump id fx fy fz c_pe\n"
        "dump_modify d format float %.17g sort id\nrun 0\n")
    subprocess.run([lmp, "-in", "in.static", "-log", "log.lammps", "-screen", "none"],
                   cwd=workdir, check=True)
    lines = (workdir / "log.lammps").read_text().splitlines()
    row = lines[next(i for i, l in enumerate(lines) if l.split()[:1] == ["Step"]) + 1].split()
    energy, volume = float(row[1]), float(row[2])
    pressure_bar = np.array([float(x) for x in row[3:9]])  # xx yy zz yz xz xy
    dump = (workdir / "forces.dump").read_text().splitlines()
    start = next(i for i, l in enumerate(dump) if l.startswith("ITEM: ATOMS")) + 1
    rows = np.array([[float(x) for x in l.split()[1:5]] for l in dump[start:start + len(atoms)]])
    assert abs(volume - atoms.get_volume()) < 1e-9 * volume
    return energy, rows[:, :3], -pressure_bar / LAMMPS_NKTV2P, rows[:, 3]


@pytest.mark.parametrize("make", [perturbed_bulk, strained_slab], ids=["bulk", "slab111"])
def test_energy_forces_stress_equal_lammps(make, lmp, au_u3, tmp_path):
    atoms = make()
    atoms.calc = EAM(au_u3)
    energy, forces, stress, atom_energies = run_lammps(atoms, lmp, au_u3, tmp_path)
    n = len(atoms)
    # DESIGN.md anchor: energy and forces within 1e-8 relative of LAMMPS.
    assert atoms.get_potential_energy() == pytest.approx(energy, rel=1e-10)
    assert np.abs(atoms.get_potential_energies() - atom_energies).max() < 1e-9
    assert np.ptp(atom_energies) > 0.01  # the perturbation makes the atoms differ
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


def test_slab_open_along_z_has_the_stress_of_its_cell_and_unknown_species_is_an_input_error(
        lmp, au_u3, tmp_path):
    """pbc (T, T, F): the stress is −W/V over the cell as given, vacuum included (ASE's and
    LAMMPS's convention); with 12 Å of vacuum, more than the cut-off, it equals LAMMPS's on the
    same box periodic along z."""
    import facetweld

    atoms = strained_slab()
    _, _, stress, _ = run_lammps(atoms, lmp, au_u3, tmp_path)
    atoms.pbc = (True, True, False)
    atoms.calc = EAM(au_u3)
    assert np.abs(atoms.get_stress() - stress).max() < 1e-9
    assert np.abs(stress).max() > 1e-3  # the in-plane strain makes a real stress
    cu = bulk("Cu", "fcc", a=3.6)
    cu.calc = EAM(au_u3)
    with pytest.raises(facetweld.InputError, match="Cu"):
        cu.get_potential_energy()


def test_cluster_without_a_cell_equals_lammps_in_a_box(lmp, au_u3, tmp_path):
    """ase.cluster gives no cell (ASE's default for nanoparticles); the calculator boxes the
    cluster with the cut-off and 1 Å of vacuum on each side. LAMMPS on a periodic box with 20 Å
    of vacuum (no image within reach) gives the same energies and forces."""
    from ase.calculators.calculator import PropertyNotImplementedError
    from ase.cluster import Octahedron

    cluster = Octahedron("Au", 5, cutoff=1, latticeconstant=4.08)
    cluster.rattle(stdev=0.05, seed=2)
    assert cluster.cell.rank == 0 and not cluster.pbc.any()
    cluster.calc = EAM(au_u3)
    positions = cluster.positions.copy()
    boxed = cluster.copy()
    boxed.center(vacuum=10.0)
    boxed.pbc = True
    energy, forces, _, atom_energies = run_lammps(boxed, lmp, au_u3, tmp_path)
    assert cluster.get_potential_energy() == pytest.approx(energy, rel=1e-10)
    assert np.abs(cluster.get_forces() - forces).max() < 1e-8
    assert np.abs(cluster.get_potential_energies() - atom_energies).max() < 1e-9
    assert cluster.get_potential_energies().sum() == pytest.approx(energy, rel=1e-12)
    assert np.array_equal(cluster.positions, positions)  # the caller's atoms are not moved
    with pytest.raises(PropertyNotImplementedError, match="cell"):
        cluster.get_stress()


def test_cluster_without_atoms_or_with_a_non_finite_position_is_an_input_error(au_u3):
    """The boxing of a cell-less cluster names the bad atom itself (a NaN would otherwise move
    every atom) and refuses an empty one."""
    import facetweld
    from ase import Atoms

    for atoms, match in ((Atoms(), "no atoms"),
                         (Atoms("Au2", positions=[[0, 0, 0], [np.nan, 0, 0]]), "atom 1 .*non-finite"),
                         (Atoms("Au2", positions=[[0, 0, 0], [0, np.inf, 0]]), "atom 1 .*non-finite")):
        atoms.calc = EAM(au_u3)
        with pytest.raises(facetweld.InputError, match=match):
            atoms.get_potential_energy()


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
