"""facetweld.Structure ↔ ase.Atoms and pymatgen.core.Structure; slab() and cleave() against
ASE's surface builders and the geometry of the cut cube."""
import math

import numpy as np
import pytest
from ase.build import fcc100, fcc110, fcc111

import facetweld

A = 4.08


def layer_positions(z, tol=1e-6):
    levels = []
    for value in np.sort(z):
        if not levels or value - levels[-1] > tol:
            levels.append(value)
    return np.array(levels)


@pytest.mark.parametrize("hkl,ase_builder", [("100", fcc100), ("110", fcc110), ("111", fcc111)])
def test_slab_matches_ase_surface_builder(hkl, ase_builder):
    ours = facetweld.slab(hkl, layers=6, vacuum_A=12.0, element="Au", a_A=A, repeat=(2, 2))
    ref = ase_builder("Au", size=(2, 2, 6), a=A, vacuum=6.0, orthogonal=True) \
        if hkl != "111" else ase_builder("Au", size=(2, 2, 6), a=A, vacuum=6.0)
    assert len(ours) == len(ref)
    area = np.linalg.norm(np.cross(ours.cell_A[0], ours.cell_A[1]))
    ref_area = np.linalg.norm(np.cross(ref.cell[0], ref.cell[1]))
    assert area == pytest.approx(ref_area, rel=1e-12)
    ours_layers = layer_positions(ours.positions_A[:, 2])
    ref_layers = layer_positions(ref.positions[:, 2])
    assert np.diff(ours_layers) == pytest.approx(np.diff(ref_layers), abs=1e-10)
    assert ours.cell_A[2, 2] - (ours_layers[-1] - ours_layers[0]) == pytest.approx(12.0)
    assert ours.min_distance_A() == pytest.approx(A / math.sqrt(2), rel=1e-12)
    assert sorted(set(ours.layer)) == list(range(6))


def test_ase_round_trip_keeps_cell_positions_pbc_and_fixed_atoms():
    s = facetweld.slab("110", layers=5, vacuum_A=10.0)
    movable = np.ones((len(s), 3), dtype=bool)
    movable[np.array(s.layer) < 2] = False
    movable[-1] = [True, False, True]
    s.movable = movable
    atoms = s.to_ase()
    assert atoms.get_chemical_symbols() == s.species
    assert np.allclose(atoms.cell.array, s.cell_A, atol=0, rtol=0)
    assert np.array_equal(atoms.positions, s.positions_A)
    back = facetweld.Structure.from_ase(atoms)
    assert np.array_equal(back.movable, movable)
    assert back.selective_dynamics
    assert tuple(back.pbc) == (True, True, True)


def test_layer_and_part_tags_travel_through_ase_and_pymatgen():
    """Issue 22: the builders' tags are kept where the target can hold them — layer as ASE's
    tags (n = layer + 1, 0 untagged) and as a pymatgen site property, part as an ASE array and a
    site property — and come back unchanged."""
    slab = facetweld.slab("111", layers=4, vacuum_A=8.0)
    atoms = slab.to_ase()
    assert list(atoms.get_tags()) == [layer + 1 for layer in slab.layer]
    assert list(facetweld.Structure.from_ase(atoms).layer) == list(slab.layer)
    assert list(facetweld.Structure.from_pymatgen(slab.to_pymatgen()).layer) == list(slab.layer)
    crystal = facetweld.cleave("100", cells=3).crystal
    assert list(crystal.to_ase().arrays["part"]) == list(crystal.part)
    for back in (facetweld.Structure.from_ase(crystal.to_ase()),
                 facetweld.Structure.from_pymatgen(crystal.to_pymatgen())):
        assert list(back.part) == list(crystal.part)
    with pytest.raises(ValueError, match="one integer per atom"):
        slab.layer = [0, 1]


def test_what_a_structure_cannot_hold_is_dropped_with_a_warning_naming_it(recwarn):
    from ase.build import bulk
    from pymatgen.core import Lattice, Structure as PmgStructure

    plain = bulk("Au", "fcc", a=A, cubic=True)
    facetweld.Structure.from_ase(plain)
    assert not [w for w in recwarn if "dropped" in str(w.message)]
    magnetic = plain.copy()
    magnetic.set_initial_magnetic_moments([0.5, 0.0, 0.0, 0.0])
    magnetic.set_velocities(np.full((4, 3), 0.01))
    with pytest.warns(UserWarning, match="magnetic moments, velocities; dropped"):
        facetweld.Structure.from_ase(magnetic)
    charged = PmgStructure(Lattice.cubic(A), ["Au"], [[0, 0, 0]],
                           site_properties={"magmom": [1.0]})
    charged.add_oxidation_state_by_element({"Au": 1})
    with pytest.warns(UserWarning, match="magmom, oxidation states; dropped"):
        facetweld.Structure.from_pymatgen(charged)
    # A calculator's energy does not depend on velocities: an MD step converts silently.
    import warnings

    from facetweld.calculators import EAM

    moving = plain.repeat(3)
    moving.set_velocities(np.full((len(moving), 3), 0.01))
    moving.calc = EAM()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        moving.get_potential_energy()


def test_pymatgen_conversion_equals_pymatgens_own_ase_adaptor():
    from pymatgen.io.ase import AseAtomsAdaptor

    s = facetweld.slab("111", layers=4, vacuum_A=8.0, repeat=(2, 1))
    ours = s.to_pymatgen()
    ref = AseAtomsAdaptor.get_structure(s.to_ase())
    assert ours.lattice.matrix == pytest.approx(ref.lattice.matrix, abs=1e-12)
    assert [site.specie.symbol for site in ours] == [site.specie.symbol for site in ref]
    assert ours.cart_coords == pytest.approx(ref.cart_coords, abs=1e-10)
    back = facetweld.Structure.from_pymatgen(ours)
    assert back.positions_A == pytest.approx(s.positions_A, abs=1e-10)


def test_poscar_written_by_facetweld_reads_the_same_in_pymatgen(tmp_path):
    from pymatgen.io.vasp import Poscar

    s = facetweld.slab("100", layers=5, vacuum_A=10.0)
    movable = np.ones((len(s), 3), dtype=bool)
    movable[:2] = False
    s.movable = movable
    path = tmp_path / "POSCAR"
    s.write(path)
    ref = Poscar.from_file(str(path))
    assert ref.structure.cart_coords == pytest.approx(s.positions_A, abs=1e-9)
    assert np.array_equal(np.array(ref.selective_dynamics, dtype=bool), movable)
    again = facetweld.Structure.read(path)
    assert again.positions_A == pytest.approx(s.positions_A, abs=1e-9)


def test_cleave_splits_4n3_atoms_and_the_cut_areas_are_the_cube_sections():
    n = 5
    edge = n * A
    c100 = facetweld.cleave("100", cells=n)
    assert len(c100.crystal) == 4 * n**3
    assert len(c100.part1) + len(c100.part2) == len(c100.crystal)
    assert sorted(set(c100.crystal.part)) == [1, 2]
    assert c100.cut_area_A2 == pytest.approx(edge**2)
    # (110): the plane (x + y)/√2 = d meets the cube in a rectangle edge × (√2·edge − 2|δ|),
    # δ the plane's distance from the centre.
    c110 = facetweld.cleave((1, 1, 0), cells=n)
    delta = abs(c110.plane_offset_A)
    assert c110.cut_area_A2 == pytest.approx(edge * (math.sqrt(2) * edge - 2 * delta), rel=1e-12)
    with pytest.raises(facetweld.InputError):
        facetweld.cleave("000")


def test_facet_table_reads_facets_json(tmp_path):
    from ase.units import J, m

    table = {
        "engine": "eam", "element": "Au", "a_A": 4.08,
        "facets": [{"hkl": [1, 1, 1], "e_dis_eV_per_A2": 0.087, "relaxed": False,
                    "method": "cut-crystal", "layers": 0, "area_A2": 360.4,
                    "e_slab_eV": -1950.0, "e_bulk_eV": -1981.4, "converged": True}],
        "settings": {"potential": "Au_u3.eam"},
    }
    import json

    path = tmp_path / "facets.json"
    path.write_text(json.dumps(table))
    t = facetweld.FacetTable.read(path)
    assert (t.engine, t.element, t.a_A, len(t)) == ("eam", "Au", 4.08, 1)
    e = t.find("111", method="cut-crystal", relaxed=False)
    assert e.hkl == (1, 1, 1)
    assert e.e_dis_eV_per_A2 == 0.087
    assert e.gamma_J_per_m2 == pytest.approx(0.087 / 2 / (J / m**2), rel=1e-6)
    assert t.find("100", method="slab", relaxed=False) is None
    assert t.settings == {"potential": "Au_u3.eam"}
    del table["facets"][0]["e_dis_eV_per_A2"]
    path.write_text(json.dumps(table))
    with pytest.raises(facetweld.InputError, match="e_dis_eV_per_A2"):
        facetweld.FacetTable.read(path)


def test_builder_keywords_are_the_slabs_settings_table():
    table = {s["key"]: s for s in facetweld.slab_settings()}
    assert set(table) == {"facet", "layers", "vacuum", "repeat"}
    assert table["vacuum"]["unit"] == "Å" and table["vacuum"]["json_key"] == "vacuum_A"
    default = facetweld.slab()
    assert len(default) == table["layers"]["default"]
    assert sorted(set(default.layer)) == list(range(table["layers"]["default"]))
    same = facetweld.slab(facet="1,1,1", vacuum=table["vacuum"]["default"], a=4.08)
    assert same.positions_A == pytest.approx(default.positions_A)
    with pytest.raises(facetweld.InputError, match="layers"):
        facetweld.slab("111", layers=0)
    with pytest.raises(facetweld.InputError, match="did you mean 'layers'"):
        facetweld.slab("111", layer=5)
    with pytest.raises(facetweld.InputError, match="element"):
        facetweld.slab("111", element="Xx")
    with pytest.raises(TypeError, match="layers"):
        facetweld.slab("111", layers=2.5)
    assert {s["key"] for s in facetweld.cleave_settings()} == {"cells", "vacuum"}
