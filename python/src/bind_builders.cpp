/// \file bind_builders.cpp
/// \brief facetweld.fcc_bulk, facetweld.slab, facetweld.oriented_bulk and facetweld.cleave: the
/// slabs/ builders, with their keyword arguments from the slabs/ settings tables.
#include <pybind11/stl.h>

#include <algorithm>

#include "bindings.hpp"
#include "miller_arg.hpp"
#include "settings_kwargs.hpp"
#include "slabs/cleave.hpp"
#include "slabs/fcc.hpp"
#include "slabs/oriented.hpp"
#include "slabs/settings.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

/// (1, 1, 0) → "1,1,0" (the table's text form); strings pass unchanged.
py::object facet_text(const py::handle& facet) {
  if (py::isinstance<py::str>(facet)) return py::reinterpret_borrow<py::object>(facet);
  const slabs::Miller hkl = miller_from_python(facet, "facet");
  return py::str(std::to_string(hkl[0]) + "," + std::to_string(hkl[1]) + "," +
                 std::to_string(hkl[2]));
}

/// (2, 3) → "2x3"; strings pass unchanged.
py::object repeat_text(const py::handle& repeat) {
  if (py::isinstance<py::str>(repeat)) return py::reinterpret_borrow<py::object>(repeat);
  const auto r = repeat.cast<std::array<int, 2>>();
  return py::str(std::to_string(r[0]) + "x" + std::to_string(r[1]));
}

/// Crystal keys (element, a / a_A) go to `crystal`, the others to `other`'s table.
template <class S>
void apply_kwargs(const py::kwargs& kwargs, slabs::CrystalSettings& crystal,
                  const settings::Table<S>& table, S& other,
                  const std::vector<std::string>& crystal_keys = {"element", "a", "a_A"}) {
  const auto& crystal_table = slabs::crystal_settings_table();
  for (const auto& [k, v] : kwargs) {
    const std::string key = py::str(k).cast<std::string>();
    py::object value = py::reinterpret_borrow<py::object>(v);
    if (key == "facet") value = facet_text(v);
    if (key == "repeat") value = repeat_text(v);
    if (std::find(crystal_keys.begin(), crystal_keys.end(), key) != crystal_keys.end() &&
        apply_setting(crystal_table, crystal, key, value))
      continue;
    if (apply_setting(table, other, key, value)) continue;
    std::vector<std::string> known = keyword_names(table);
    known.insert(known.end(), crystal_keys.begin(), crystal_keys.end());
    reject_unknown_keyword(key, known);
  }
}

struct SlabInput {
  slabs::OrientedSpec spec;
  double vacuum_A;
};

/// The slab table's and the crystal table's keywords (facet also positional).
SlabInput slab_input(const py::object& facet, const py::kwargs& kwargs) {
  slabs::CrystalSettings crystal = slabs::crystal_settings_table().defaults();
  slabs::SlabSettings slab = slabs::slab_settings_table().defaults();
  if (!facet.is_none())
    apply_setting(slabs::slab_settings_table(), slab, "facet", facet_text(facet));
  apply_kwargs(kwargs, crystal, slabs::slab_settings_table(), slab);
  SlabInput in{{}, slab.vacuum_A};
  in.spec.element = crystal.element;
  in.spec.a_A = crystal.a_A;
  in.spec.hkl = slab.facet;
  in.spec.layers = slab.layers;
  in.spec.repeat_a = slab.repeat_a;
  in.spec.repeat_b = slab.repeat_b;
  return in;
}

}  // namespace

void bind_builders(py::module_& m) {
  m.def(
      "fcc_bulk",
      [](bool conventional, const py::kwargs& kwargs) {
        slabs::CrystalSettings crystal = settings_from_kwargs(
            slabs::crystal_settings_table(), slabs::crystal_settings_table().defaults(), kwargs);
        return slabs::fcc_bulk(
            crystal.element, crystal.a_A,
            conventional ? slabs::FccCell::conventional : slabs::FccCell::primitive);
      },
      py::arg("conventional") = false,
      R"doc(fcc bulk: the one-atom primitive cell a/2·(0,1,1), a/2·(1,0,1), a/2·(1,1,0) (as ASE
and ABINIT), or the four-atom conventional cube. Keywords ``element`` ("Au") and ``a`` (or
``a_A``; Å, 4.08) as in the job file's top level.)doc");

  m.def(
      "slab",
      [](const py::object& facet, const py::kwargs& kwargs) {
        const SlabInput in = slab_input(facet, kwargs);
        return slabs::slab_with_vacuum(in.spec, in.vacuum_A);
      },
      py::arg("facet") = py::none(),
      R"doc(An fcc (hkl) slab: ``layers`` atomic planes stacked along z, the in-plane 1x1 surface
cell times ``repeat``, and ``vacuum`` (or ``vacuum_A``; Å) of empty space along z, periodic in all
three axes as plane-wave codes want. Atoms carry their layer index (``Structure.layer``, 0 =
bottom). Keywords and defaults are those of ``facetweld slab`` (the slabs settings table):
``facet`` "111" (also "1,1,0" or (1, 1, 0), or the first positional argument), ``layers`` 7,
``vacuum`` 10 Å, ``repeat`` "1x1" (or (2, 2)), ``element`` "Au", ``a`` (``a_A``) 4.08 Å.)doc");

  m.def(
      "oriented_bulk",
      [](const py::object& facet, const py::kwargs& kwargs) {
        return slabs::oriented_bulk(slab_input(facet, kwargs).spec);
      },
      py::arg("facet") = py::none(),
      R"doc(The slab's bulk reference: the same (hkl) planes in a fully periodic cell without
vacuum, so that E_dis = (E_slab - E_bulk)/A on the same in-plane cell. Keywords as slab().)doc");

  py::class_<slabs::CleavedCrystal>(
      m, "CleavedCrystal", "A finite fcc crystal cut by an (hkl) plane through its centre.")
      .def_readonly("crystal", &slabs::CleavedCrystal::crystal,
                    "The whole crystal; Structure.part tags each atom 1 or 2.")
      .def_readonly("part1", &slabs::CleavedCrystal::part1,
                    "Atoms on the negative side of the cut plane (same box).")
      .def_readonly("part2", &slabs::CleavedCrystal::part2, "Atoms on the positive side.")
      .def_readonly("cut_area_A2", &slabs::CleavedCrystal::cut_area_A2,
                    "Area of the cut plane inside the crystal, Å²: the A of E_dis.")
      .def_readonly("plane_offset_A", &slabs::CleavedCrystal::plane_offset_A,
                    "Distance of the cut plane from the crystal's centre along the normal, Å.");

  m.def(
      "cleave",
      [](const py::object& facet, const py::kwargs& kwargs) {
        slabs::CrystalSettings crystal = slabs::crystal_settings_table().defaults();
        slabs::CutCrystalSettings cube = slabs::cut_crystal_settings_table().defaults();
        apply_kwargs(kwargs, crystal, slabs::cut_crystal_settings_table(), cube);
        slabs::CleaveSpec spec;
        spec.element = crystal.element;
        spec.a_A = crystal.a_A;
        spec.cells = cube.cells;
        spec.vacuum_A = cube.vacuum_A;
        if (!facet.is_none()) spec.hkl = miller_from_python(facet, "facet");
        return slabs::cleave_crystal(spec);
      },
      py::arg("facet") = py::none(),
      R"doc(The paper's cut (Adv. Sci. 2025, Eq. 1): a cube of ``cells``³ conventional fcc cells
(4·cells³ atoms; edge cells·a Å) split by the (hkl) plane ``facet`` (default (100)) through its
centre, with ``vacuum`` (``vacuum_A``; Å) around it. Keywords and defaults are those of the
job file's [geometry] section and top level: ``cells`` 5, ``vacuum`` 10 Å, ``element`` "Au",
``a`` (``a_A``) 4.08 Å. E_dis = (E_part1 + E_part2 - E_crystal) / cut_area_A2.)doc");

  m.def(
      "slab_settings", [] { return describe_settings(slabs::slab_settings_table().specs()); },
      "The keywords of slab(): key, json_key, type, unit, default, allowed, doc.");
  m.def(
      "cleave_settings",
      [] { return describe_settings(slabs::cut_crystal_settings_table().specs()); },
      "The keywords of cleave() besides facet, element and a.");
}

}  // namespace fw::python
