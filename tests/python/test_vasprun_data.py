"""facetweld.vasp.read_vasprun against pymatgen 2022.11.7 (and ASE 3.22 where it reads the file),
value by value, on every vasprun.xml of the corpus.

Tolerances: vasprun.xml prints 6-8 significant digits, and facetweld, pymatgen and ASE all convert
the same printed decimal with a correctly rounded float(): every value read straight from the file
(eigenvalues, occupations, k-points, weights, DOS, forces, stress, cells, fractional positions,
F = e_fr_energy) must be bit for bit equal, so those comparisons use no tolerance. Values computed
from the printed ones carry rounding of the arithmetic only: Cartesian positions (fractional x
cell, summed in another order by each code) to 1e-12 Å, E(σ→0) = F + (e_0 − e_fr of the last SCF
step) to 1e-10 eV, ASE's stress (kbar x −0.1 GPa) to 1e-15 eV/Å³.
"""
import gzip
import shutil
import warnings

import numpy as np
import pytest

import facetweld
from facetweld.vasp import read_vasprun

from conftest import corpus_dir


def vasprun_cases():
    corpus = corpus_dir()
    found = sorted(corpus.glob("*/vasprun.xml")) + sorted(corpus.glob("*/vasprun.xml.gz"))
    return [str(p.relative_to(corpus)) for p in found]


CASES = vasprun_cases()


def test_every_corpus_vasprun_is_compared():
    assert len(CASES) == 9, CASES  # the corpus (MANIFEST.md) holds nine vasprun.xml files


_cache = {}


def load(corpus, case):
    """(ours, pymatgen Vasprun with DOS and eigenvalues, ASE trajectory), parsed once per case."""
    if case not in _cache:
        from ase.io import read
        from pymatgen.io.vasp.outputs import Vasprun

        path = corpus / case
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref = Vasprun(str(path), parse_dos=True, parse_eigen=True, parse_potcar_file=False)
            frames = read(str(path), index=":", format="vasp-xml")
        _cache[case] = (read_vasprun(path), ref, frames)
    return _cache[case]


@pytest.mark.parametrize("case", CASES)
def test_kpoints_eigenvalues_and_occupations_equal_pymatgen(corpus, case):
    from pymatgen.electronic_structure.core import Spin

    ours, ref, _ = load(corpus, case)
    assert np.array_equal(ours.kpoints, np.array(ref.actual_kpoints))
    assert np.array_equal(ours.kpoint_weights, np.array(ref.actual_kpoints_weights))
    spins = [Spin.up, Spin.down][:len(ref.eigenvalues)]
    assert ours.eigenvalues_eV.shape == (len(spins),) + ref.eigenvalues[Spin.up].shape[:2]
    for s, spin in enumerate(spins):
        assert np.array_equal(ours.eigenvalues_eV[s], ref.eigenvalues[spin][:, :, 0])
        assert np.array_equal(ours.occupations[s], ref.eigenvalues[spin][:, :, 1])


@pytest.mark.parametrize("case", CASES)
def test_band_gap_and_edges_equal_pymatgen(corpus, case):
    ours, ref, _ = load(corpus, case)
    assert ours.eigenvalue_band_properties == ref.eigenvalue_band_properties
    # band_gap_eV is 0 for a metal where pymatgen reports its edge difference (MANIFEST item 10)
    gap = ref.eigenvalue_band_properties[0]
    assert ours.band_gap_eV == (0.0 if ours.band_edges["metallic"] else gap)


@pytest.mark.parametrize("case", CASES)
def test_fermi_level_and_dos_equal_pymatgen(corpus, case):
    from pymatgen.electronic_structure.core import Orbital, OrbitalType, Spin

    ours, ref, _ = load(corpus, case)
    assert ours.efermi_eV == ref.efermi
    if not hasattr(ref, "tdos"):
        assert ours.total_dos is None and ours.pdos is None
        return
    spins = list(ref.tdos.densities)
    assert np.array_equal(ours.dos_energies_eV, ref.tdos.energies)
    assert ours.total_dos.shape == (len(spins), len(ref.tdos.energies))
    for s, spin in enumerate([Spin.up, Spin.down][:len(spins)]):
        assert np.array_equal(ours.total_dos[s], ref.tdos.densities[spin])
        assert np.array_equal(ours.integrated_dos[s], ref.idos.densities[spin])
    if not ref.pdos:
        assert ours.pdos is None
        return
    assert ours.pdos.shape[0] == len(ref.pdos)
    lm = any("x" in name for name in ours.pdos_orbitals)
    for ion, by_orbital in enumerate(ref.pdos):
        assert len(by_orbital) == len(ours.pdos_orbitals)
        for j in range(len(ours.pdos_orbitals)):  # pymatgen numbers the columns in file order
            orbital = Orbital(j) if lm else OrbitalType(j)
            for s, spin in enumerate([Spin.up, Spin.down][:len(spins)]):
                assert np.array_equal(ours.pdos[ion, s, :, j], by_orbital[orbital][spin])


@pytest.mark.parametrize("case", CASES)
def test_ionic_steps_equal_pymatgen(corpus, case):
    ours, ref, _ = load(corpus, case)
    steps = ref.ionic_steps
    assert len(ours.structures) == len(steps)
    for k, step in enumerate(steps):
        assert ours.free_energies_eV[k] == step["e_fr_energy"], k
        assert np.array_equal(ours.forces_eV_per_A[k], np.array(step["forces"])), k
        if "stress" in step:
            assert np.array_equal(ours.stresses_kbar[k], np.array(step["stress"])), k
        else:
            assert np.isnan(ours.stresses_kbar[k]).all(), k
        structure = step["structure"]
        assert np.array_equal(ours.cells_A[k], structure.lattice.matrix), k
        assert np.array_equal(ours.positions_fractional[k], structure.frac_coords), k
        pmg = ours.structures[k].to_pymatgen()
        assert [s.symbol for s in pmg.species] == [s.symbol for s in structure.species]
        assert np.allclose(pmg.cart_coords, structure.cart_coords, rtol=0, atol=1e-12), k


@pytest.mark.parametrize("case", CASES)
def test_trajectory_equals_ase(corpus, case):
    ours, _, frames = load(corpus, case)
    mine = ours.to_ase_trajectory()
    assert len(mine) == len(frames)
    for k, (a, b) in enumerate(zip(mine, frames)):
        # VASP's two-character field holds "X " for Xe: ASE keeps the dummy symbol X, facetweld
        # (like pymatgen) reads Xe
        assert a.get_chemical_symbols() == [
            "Xe" if s == "X" else s for s in b.get_chemical_symbols()]
        assert np.array_equal(a.cell.array, b.cell.array), k
        assert np.allclose(a.positions, b.positions, rtol=0, atol=1e-12), k
        # raw forces: ASE's frames carry the initial structure's selective-dynamics constraints
        assert np.array_equal(a.get_forces(apply_constraint=False),
                              b.get_forces(apply_constraint=False)), k
        assert a.get_potential_energy(force_consistent=True) == b.get_potential_energy(
            force_consistent=True), k
        # ASE: F + (e_0 − e_fr) of the last SCF step, the same formula facetweld applies
        assert a.get_potential_energy() == pytest.approx(b.get_potential_energy(), abs=1e-10), k
        if b.calc.results.get("stress") is not None:
            assert np.allclose(a.get_stress(), b.get_stress(), rtol=0, atol=1e-15), k


@pytest.mark.parametrize("case", CASES)
def test_structures_are_structure_objects(corpus, case):
    ours, ref, _ = load(corpus, case)
    assert isinstance(ours.final_structure, facetweld.Structure)
    assert isinstance(ours.initial_structure, facetweld.Structure)
    final = ours.final_structure.to_pymatgen()
    assert np.array_equal(final.lattice.matrix, ref.final_structure.lattice.matrix)
    assert np.allclose(final.cart_coords, ref.final_structure.cart_coords, rtol=0, atol=1e-12)
    assert ours.final_energy_eV == ours.energies_sigma0_eV[-1]
    assert ours.complete is True and ours.missing == []


def test_truncated_file_keeps_what_it_had(corpus, tmp_path):
    """Cut inside the projected DOS of the last of 28 steps: 27 steps, the last eigenvalues and
    the structures stay; the step and its DOS are reported missing."""
    source = corpus / "custodian_FeO_ldau_spin_relax" / "vasprun.xml"
    text = source.read_bytes()
    cut = text.index(b'<set comment="ion 2">', text.index(b"<partial>")) + 200
    path = tmp_path / "vasprun.xml"
    path.write_bytes(text[:cut])
    full, ours = read_vasprun(source), read_vasprun(path)
    assert ours.complete is False
    assert any("ionic step 28: file ends inside it" in m for m in ours.missing), ours.missing
    assert len(ours.structures) == 27
    assert np.array_equal(ours.forces_eV_per_A, full.forces_eV_per_A[:27])
    assert np.array_equal(ours.eigenvalues_eV, full.eigenvalues_eV)
    assert ours.total_dos is None  # its <dos> block never closed
    assert isinstance(ours.final_structure, facetweld.Structure)


def test_malformed_dos_row_is_reported_not_fatal(corpus, tmp_path):
    source = corpus / "aiida_Si_spin_relax_vasp620" / "vasprun.xml"
    text = source.read_text()
    row = text.index("<r>", text.index("<total>"))
    path = tmp_path / "vasprun.xml"
    path.write_text(text[:row] + "<r> 1.0 2.0 </r>\n" + text[row:])
    ours = read_vasprun(path)
    assert ours.complete is False
    assert any("DOS ending at line" in m and "expected energy, total, integrated" in m
               for m in ours.missing), ours.missing
    assert ours.total_dos is None
    assert ours.eigenvalues_eV is not None


def test_not_a_vasprun_raises_input_error(tmp_path):
    path = tmp_path / "vasprun.xml"
    path.write_text("<html></html>")
    with pytest.raises(facetweld.InputError, match="not vasprun.xml"):
        read_vasprun(path)
    with pytest.raises(facetweld.InputError, match="file not found|cannot open"):
        read_vasprun(tmp_path / "missing.xml")


def test_gzip_and_plain_give_the_same_arrays(corpus, tmp_path):
    gz = corpus / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz"
    plain = tmp_path / "vasprun.xml"
    with gzip.open(gz) as src, open(plain, "wb") as dst:
        shutil.copyfileobj(src, dst)
    a, b = read_vasprun(gz), read_vasprun(plain)
    for key in ("eigenvalues_eV", "occupations", "total_dos", "pdos", "forces_eV_per_A"):
        assert np.array_equal(getattr(a, key), getattr(b, key)), key
