"""read_eigenval, read_doscar, read_xdatcar against pymatgen 2022.11.7 and ASE 3.22 on every real
such file in tests/data, and against the vasprun.xml of the same run.

The corpus has one EIGENVAL and one DOSCAR (aiida_Si_spin_relax_vasp620, the files its SOURCE.txt
lists) and tests/data/vasp-extra one XDATCAR. Tolerances: a value read from the same printed
decimal by two parsers that both round correctly is bit for bit equal (no tolerance). Against the
vasprun.xml of the same run the print formats differ, so the tolerance is half a unit in the last
printed digit of each file added: EIGENVAL prints energies and occupations with 6 decimals,
vasprun.xml with 4 (0.5e-6 + 0.5e-4 eV); DOSCAR prints energies with 3 decimals and densities
with 4 significant digits (0.2131E-06: up to 5e-4 relative), vasprun.xml both with 4 decimals.
"""
import warnings

import numpy as np
import pytest

import facetweld
from facetweld.vasp import read_doscar, read_eigenval, read_vasprun, read_xdatcar

from conftest import REPO

SI = "aiida_Si_spin_relax_vasp620"
XDATCARS = sorted((REPO / "tests" / "data" / "vasp-extra").glob("*/XDATCAR"))


def test_every_real_file_is_found(corpus):
    assert sorted(p.parent.name for p in corpus.glob("*/EIGENVAL")) == [SI]
    assert sorted(p.parent.name for p in corpus.glob("*/DOSCAR")) == [SI]
    assert len(XDATCARS) == 1


def test_eigenval_equals_pymatgen_and_the_vasprun_of_the_run(corpus):
    from pymatgen.electronic_structure.core import Spin
    from pymatgen.io.vasp.outputs import Eigenval

    path = corpus / SI / "EIGENVAL"
    ours, ref = read_eigenval(path), Eigenval(str(path))
    assert ours.complete and ours.missing == []
    assert ours.nelect == ref.nelect
    assert np.array_equal(ours.kpoints, np.array(ref.kpoints))
    assert np.array_equal(ours.kpoint_weights, np.array(ref.kpoints_weights))
    for s, spin in enumerate([Spin.up, Spin.down]):
        assert np.array_equal(ours.eigenvalues_eV[s], ref.eigenvalues[spin][:, :, 0])
        assert np.array_equal(ours.occupations[s], ref.eigenvalues[spin][:, :, 1])
    run = read_vasprun(corpus / SI / "vasprun.xml")
    assert ours.eigenvalues_eV.shape == run.eigenvalues_eV.shape
    assert np.abs(ours.eigenvalues_eV - run.eigenvalues_eV).max() <= 0.5e-6 + 0.5e-4
    assert np.abs(ours.occupations - run.occupations).max() <= 0.5e-6 + 0.5e-4
    assert np.array_equal(ours.kpoint_weights > 0, run.kpoint_weights > 0)


def test_doscar_equals_ase_and_the_vasprun_of_the_run(corpus):
    from ase.calculators.vasp import VaspDos

    path = corpus / SI / "DOSCAR"
    ours, ref = read_doscar(path), VaspDos(str(path))
    assert ours.complete and ours.missing == []
    total = ref._total_dos  # rows: E, up, down, integrated up, integrated down
    assert np.array_equal(ours.dos_energies_eV, total[0])
    assert np.array_equal(ours.total_dos, total[1:3])
    assert np.array_equal(ours.integrated_dos, total[3:5])
    assert np.array_equal(ours.projected_columns, ref._site_dos[:, 1:, :].transpose(0, 2, 1))

    run = read_vasprun(corpus / SI / "vasprun.xml")
    assert ours.efermi_eV == run.efermi_eV
    assert np.abs(ours.dos_energies_eV - run.dos_energies_eV).max() <= 0.5e-3 + 0.5e-4

    def close(mine, theirs, factor=1):
        """mine (DOSCAR) x factor equals theirs (vasprun.xml) to the printed digits of both."""
        return (np.abs(factor * mine - theirs) <= factor * 5e-4 * np.abs(mine) + 0.5e-4 + 1e-12).all()

    assert ours.pdos.shape == run.pdos.shape and close(ours.pdos, run.pdos)
    # This VASP 6.2.0 run (5 ionic steps) wrote a total DOS and integral into vasprun.xml that are
    # 5 times its DOSCAR's (integral at the top of the window: 14.0 per spin there, 2.8 here),
    # while the projected DOS agrees. pymatgen reads the same vasprun numbers
    # (test_vasprun_data.py); the factor is checked so that a change of either reader shows.
    steps = len(run.structures)
    assert steps == 5
    for mine, theirs in ((ours.total_dos, run.total_dos), (ours.integrated_dos, run.integrated_dos)):
        assert mine.shape == theirs.shape and close(mine, theirs, factor=steps)
    assert ours.integrated_dos[:, -1].tolist() == [2.8, 2.8]


@pytest.mark.parametrize("path", XDATCARS, ids=lambda p: p.parent.name)
def test_xdatcar_equals_pymatgen_and_ase(path):
    from ase.io import read
    from pymatgen.io.vasp.outputs import Xdatcar

    ours = read_xdatcar(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = Xdatcar(str(path))
    frames = read(str(path), index=":", format="vasp-xdatcar")
    assert ours.complete and ours.missing == []
    assert len(ours.structures) == len(ref.structures) == len(frames)
    for k, (mine, theirs, atoms) in enumerate(zip(ours.structures, ref.structures, frames)):
        assert isinstance(mine, facetweld.Structure)
        assert np.array_equal(ours.cells_A[k], theirs.lattice.matrix)
        assert np.array_equal(ours.positions_fractional[k], theirs.frac_coords)
        assert mine.species == [s.symbol for s in theirs.species] == atoms.get_chemical_symbols()
        assert np.allclose(mine.positions_A, atoms.positions, rtol=0, atol=1e-12)
        assert np.allclose(mine.to_pymatgen().cart_coords, theirs.cart_coords, rtol=0, atol=1e-12)


def test_cut_files_keep_what_they_had(corpus, tmp_path):
    eigenval = (corpus / SI / "EIGENVAL").read_text().splitlines(keepends=True)
    cut = tmp_path / "EIGENVAL"
    # 6 header lines, then per k-point a blank line, the k-point and 7 bands: 64 lines end after
    # band 2 of k-point 7
    cut.write_text("".join(eigenval[:64]))
    ours = read_eigenval(cut)
    assert not ours.complete and "k-point 7, band 3 (line 65: file ends)" in ours.missing[0]
    assert ours.eigenvalues_eV.shape == (2, 6, 7)
    full = read_eigenval(corpus / SI / "EIGENVAL")
    assert np.array_equal(ours.eigenvalues_eV, full.eigenvalues_eV[:, :6])

    doscar = (corpus / SI / "DOSCAR").read_text().splitlines(keepends=True)
    cut = tmp_path / "DOSCAR"
    cut.write_text("".join(doscar[:400]))  # inside the projected DOS of ion 1
    ours = read_doscar(cut)
    assert not ours.complete and "projected DOS of ion 1, row" in ours.missing[0]
    assert ours.total_dos.shape == (2, 301) and ours.pdos is None

    xdatcar = XDATCARS[0].read_text().splitlines(keepends=True)
    cut = tmp_path / "XDATCAR"
    cut.write_text("".join(xdatcar[:50]))  # 7 header lines, "Direct configuration= 1", 42 atoms
    ours = read_xdatcar(cut)
    assert not ours.complete and "42 of 104 positions before line 51" in ours.missing[0]
    assert ours.positions_fractional.shape == (0, 104, 3)


def test_bad_headers_raise_input_errors_naming_the_line(tmp_path):
    bad = tmp_path / "EIGENVAL"
    bad.write_text("not an eigenval\n")
    with pytest.raises(facetweld.InputError, match=r"EIGENVAL:1: expected 4 integers"):
        read_eigenval(bad)
    bad = tmp_path / "DOSCAR"
    bad.write_text("   1   1   1   0\n" * 5 + "  10.0 -10.0 x 0.5 1.0\n")
    with pytest.raises(facetweld.InputError, match=r"DOSCAR:6: expected Emax, Emin, NEDOS"):
        read_doscar(bad)
    bad = tmp_path / "XDATCAR"
    # VASP 4 layout: no species line
    bad.write_text("Si\n1.0\n1 0 0\n0 1 0\n0 0 1\n2\nDirect configuration= 1\n0 0 0\n0.5 0.5 0.5\n")
    with pytest.raises(facetweld.InputError, match=r"XDATCAR:7: expected the atom counts"):
        read_xdatcar(bad)
    empty = tmp_path / "EMPTY"
    empty.write_text("")
    for reader in (read_eigenval, read_doscar, read_xdatcar):
        with pytest.raises(facetweld.InputError, match="empty file"):
            reader(empty)
