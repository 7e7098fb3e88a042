/// \file bind_builders.cpp
/// \brief facetweld.fcc_bulk, facetweld.slab and facetweld.cleave: the slabs/ builders.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "miller_arg.hpp"
#include "slabs/cleave.hpp"
#include "slabs/fcc.hpp"
#include "slabs/oriented.hpp"

namespace py = pybind11;

namespace fw::python {

void bind_builders(py::module_& m) {
  m.def(
      "fcc_bulk",
      [](const std::string& element, double a_A, bool conventional) {
        return slabs::fcc_bulk(
            element, a_A, conventional ? slabs::FccCell::conventional : slabs::FccCell::primitive);
      },
      py::arg("element") = "Au", py::arg("a_A") = 4.08, py::arg("conventional") = false,
      R"doc(fcc bulk: the one-atom primitive cell a/2·(0,1,1), a/2·(1,0,1), a/2·(1,1,0) (as ASE
and ABINIT), or the four-atom conventional cube of side ``a_A`` (Å).)doc");

  m.def(
      "slab",
      [](const py::object& hkl, int layers, double vacuum_A, const std::string& element, double a_A,
         std::array<int, 2> repeat) {
        slabs::OrientedSpec spec;
        spec.element = element;
        spec.a_A = a_A;
        spec.hkl = miller_from_python(hkl, "hkl");
        spec.layers = layers;
        spec.repeat_a = repeat[0];
        spec.repeat_b = repeat[1];
        if (layers < 1) throw py::value_error("layers: need at least one atomic layer");
        if (repeat[0] < 1 || repeat[1] < 1) throw py::value_error("repeat: need >= 1 per axis");
        return slabs::slab_with_vacuum(spec, vacuum_A);
      },
      py::arg("hkl") = "111", py::arg("layers") = 7, py::arg("vacuum_A") = 10.0,
      py::arg("element") = "Au", py::arg("a_A") = 4.08,
      py::arg("repeat") = std::array<int, 2>{1, 1},
      R"doc(An fcc (hkl) slab: ``layers`` atomic planes stacked along z, the in-plane 1x1 surface
cell times ``repeat``, and ``vacuum_A`` Å of empty space along z (periodic in all three axes,
as plane-wave codes want). Atoms carry their layer index (``Structure.layer``, 0 = bottom).
``hkl`` is "111", "1,1,0" or (1, 1, 1); ``a_A`` is the cubic lattice constant in Å.)doc");

  m.def(
      "oriented_bulk",
      [](const py::object& hkl, int layers, const std::string& element, double a_A,
         std::array<int, 2> repeat) {
        slabs::OrientedSpec spec;
        spec.element = element;
        spec.a_A = a_A;
        spec.hkl = miller_from_python(hkl, "hkl");
        spec.layers = layers;
        spec.repeat_a = repeat[0];
        spec.repeat_b = repeat[1];
        if (layers < 1) throw py::value_error("layers: need at least one atomic layer");
        return slabs::oriented_bulk(spec);
      },
      py::arg("hkl") = "111", py::arg("layers") = 7, py::arg("element") = "Au",
      py::arg("a_A") = 4.08, py::arg("repeat") = std::array<int, 2>{1, 1},
      R"doc(The slab's bulk reference: the same ``layers`` (hkl) planes in a fully periodic cell
without vacuum, so that E_dis = (E_slab - E_bulk)/A on the same in-plane cell.)doc");

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
      [](const py::object& hkl, int cells, double vacuum_A, const std::string& element,
         double a_A) {
        slabs::CleaveSpec spec;
        spec.element = element;
        spec.a_A = a_A;
        spec.cells = cells;
        spec.hkl = miller_from_python(hkl, "hkl");
        spec.vacuum_A = vacuum_A;
        if (cells < 1) throw py::value_error("cells: need at least one cubic cell per edge");
        return slabs::cleave_crystal(spec);
      },
      py::arg("hkl") = "100", py::arg("cells") = 5, py::arg("vacuum_A") = 10.0,
      py::arg("element") = "Au", py::arg("a_A") = 4.08,
      R"doc(The paper's cut (Adv. Sci. 2025, Eq. 1): a cube of ``cells``³ conventional fcc cells
(4·cells³ atoms; edge cells·a_A Å) split by the (hkl) plane through its centre, with ``vacuum_A``
Å around it. E_dis = (E_part1 + E_part2 - E_crystal) / cut_area_A2.)doc");
}

}  // namespace fw::python
