"""read_chgcar, read_locpot, read_volumetric against pymatgen 2022.11.7 (Chgcar/Locpot.from_file)
and ASE 3.22 (VaspChargeDensity) on the grid files of tests/data/vasp/volumetric (written in
VASP's layout: see its README for why they are not VASP runs).

Every value is read from the same printed decimal by each parser, so they agree bit for bit
(no tolerance); the structures agree to the printed 6 decimals of the header.
"""
import numpy as np
import pytest

import facetweld
from facetweld.vasp import read_chgcar, read_locpot, read_volumetric

from conftest import REPO

DATA = REPO / "tests" / "data" / "vasp" / "volumetric"
CHGCARS = ["CHGCAR.Li.nospin", "CHGCAR.FeO.spin", "CHGCAR.Si.noncollinear", "CHG.Li"]


def same_structure(ours, pmg):
    assert np.allclose(ours.to_pymatgen().lattice.matrix, pmg.lattice.matrix, atol=1e-12)
    assert [str(s.specie) for s in ours.to_pymatgen()] == [str(s.specie) for s in pmg]
    assert np.allclose(ours.to_pymatgen().frac_coords, pmg.frac_coords, atol=1e-12)


@pytest.mark.parametrize("name", CHGCARS)
def test_chgcar_equals_pymatgen(name):
    from pymatgen.io.vasp.outputs import Chgcar

    ours, ref = read_chgcar(DATA / name), Chgcar.from_file(str(DATA / name))
    assert ours.complete and ours.missing == []
    assert ours.grid_shape == tuple(ref.dim)
    assert ours.total.flags["C_CONTIGUOUS"] and ours.total.shape == tuple(ref.dim)
    assert np.array_equal(ours.total, ref.data["total"])
    # the volumes are determinants summed in another order: equal to 1e-14, and so the densities
    assert ours.volume_A3 == pytest.approx(ref.structure.volume, rel=1e-14)
    assert np.array_equal(ours.density_e_per_A3, ours.total / ours.volume_A3)
    assert np.allclose(ours.density_e_per_A3, ref.data["total"] / ref.structure.volume, rtol=1e-14,
                       atol=0)
    if len(ours.blocks) == 2:
        assert np.array_equal(ours.magnetisation, ref.data["diff"])
    elif len(ours.blocks) == 4:
        for k, axis in enumerate("xyz"):
            assert np.array_equal(ours.magnetisation[k], ref.data["diff_" + axis])
    else:
        assert ours.magnetisation is None and "diff" not in ref.data
    same_structure(ours.structure, ref.structure)


def test_augmentation_occupancies_are_counted_and_skipped():
    assert read_chgcar(DATA / "CHGCAR.Li.nospin").augmentation_sections == 1
    assert read_chgcar(DATA / "CHGCAR.FeO.spin").augmentation_sections == 4
    assert read_chgcar(DATA / "CHGCAR.Si.noncollinear").augmentation_sections == 8
    assert read_chgcar(DATA / "CHG.Li").augmentation_sections == 0


@pytest.mark.parametrize("name", ["CHGCAR.Li.nospin", "CHGCAR.FeO.spin", "CHG.Li"])
def test_chgcar_equals_ase(name):
    from ase.calculators.vasp import VaspChargeDensity

    ours, ref = read_chgcar(DATA / name), VaspChargeDensity(str(DATA / name))
    # ASE divides by the volume on reading: chg is the density in e/A^3, chgdiff likewise
    assert np.allclose(ours.density_e_per_A3, ref.chg[-1], rtol=1e-15, atol=0)
    if ours.magnetisation is not None:
        assert np.allclose(ours.magnetisation / ours.volume_A3, ref.chgdiff[-1], rtol=1e-15, atol=0)
    assert np.allclose(ours.structure.to_ase().cell[:], ref.atoms[-1].cell[:], atol=1e-12)
    assert ours.structure.to_ase().get_chemical_symbols() == ref.atoms[-1].get_chemical_symbols()


def test_locpot_equals_pymatgen():
    from pymatgen.io.vasp.outputs import Locpot

    path = DATA / "LOCPOT.Si"
    ours, ref = read_locpot(path), Locpot.from_file(str(path))
    assert np.array_equal(ours.potential_eV, ref.data["total"])
    # the planar average pymatgen gives along each axis
    for axis in range(3):
        assert np.allclose(ours.potential_eV.mean(axis=tuple(a for a in range(3) if a != axis)),
                           ref.get_average_along_axis(axis), rtol=1e-14, atol=1e-14)
    same_structure(ours.structure, ref.structure)


def test_top_level_names_and_generic_reader():
    assert facetweld.read_chgcar is read_chgcar and facetweld.read_locpot is read_locpot
    data = read_volumetric(DATA / "CHGCAR.FeO.spin")
    assert len(data.blocks) == 2 and data.structure.to_ase().get_chemical_formula() == "FeO"


def cut(tmp_path, name, keep_lines):
    lines = (DATA / name).read_text().splitlines(keepends=True)
    out = tmp_path / name
    out.write_text("".join(lines[:keep_lines]))
    return out


def test_file_cut_in_the_first_grid_names_the_file_and_line(tmp_path):
    path = cut(tmp_path, "CHGCAR.Li.nospin", 20)
    with pytest.raises(facetweld.InputError, match=r"CHGCAR.Li.nospin:20: file ends inside grid 1: 45 of 210 values"):
        read_chgcar(path)


def test_file_cut_in_the_magnetisation_keeps_the_total(tmp_path):
    path = cut(tmp_path, "CHGCAR.FeO.spin", 50)
    data = read_chgcar(path)
    assert not data.complete and "grid 2" in data.missing[0]
    assert data.magnetisation is None
    assert np.array_equal(data.total, read_chgcar(DATA / "CHGCAR.FeO.spin").total)


@pytest.mark.parametrize("bad,message", [
    ("    5    6    x", r"CHGCAR:11: .*three positive integers"),
    ("    5    0    7", r"CHGCAR:11: .*three positive integers"),
    ("100000 100000 100000", r"CHGCAR:11: .*more points than the file has numbers"),
])
def test_corrupt_grid_size_is_a_clear_error(tmp_path, bad, message):
    lines = (DATA / "CHGCAR.Li.nospin").read_text().splitlines(keepends=True)
    lines[10] = bad + "\n"
    path = tmp_path / "CHGCAR"
    path.write_text("".join(lines))
    with pytest.raises(facetweld.InputError, match=message):
        read_chgcar(path)


def test_corrupt_number_is_a_clear_error(tmp_path):
    lines = (DATA / "CHGCAR.Li.nospin").read_text().splitlines(keepends=True)
    lines[14] = lines[14].replace("E+01", "X+01", 1)
    path = tmp_path / "CHGCAR"
    path.write_text("".join(lines))
    with pytest.raises(facetweld.InputError, match=r"CHGCAR:15: expected a number of the 5 x 6 x 7"):
        read_chgcar(path)
