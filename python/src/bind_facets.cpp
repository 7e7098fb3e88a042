/// \file bind_facets.cpp
/// \brief facetweld.FacetTable (facets.json, docs/formats.md) and its FacetEntry rows.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "json_convert.hpp"
#include "miller_arg.hpp"
#include "slabs/facet_table.hpp"

namespace py = pybind11;

namespace fw::python {

void bind_facets(py::module_& m) {
  using slabs::FacetEntry;
  using slabs::FacetTable;
  py::class_<FacetEntry>(m, "FacetEntry", R"doc(
One facet's dissociation energy E_dis, per unit area of ONE cut face:
(E_part1 + E_part2 - E_crystal)/A (cut-crystal) or (E_slab - E_bulk)/A (slab) = 2γ.)doc")
      .def_property_readonly(
          "hkl", [](const FacetEntry& e) { return miller_to_python(e.hkl); },
          "Miller indices (h, k, l).")
      .def_readonly("e_dis_eV_per_A2", &FacetEntry::e_dis_eV_per_A2, "E_dis, eV/Å².")
      .def_property_readonly("gamma_J_per_m2", &FacetEntry::gamma_J_per_m2,
                             "Surface energy γ = E_dis/2, J/m².")
      .def_readonly("relaxed", &FacetEntry::relaxed, "Whether the parts/slab were relaxed.")
      .def_readonly("method", &FacetEntry::method, "\"slab\" or \"cut-crystal\".")
      .def_readonly("layers", &FacetEntry::layers, "Slab method: atomic layers; cut-crystal: 0.")
      .def_readonly("area_A2", &FacetEntry::area_A2, "The A of E_dis, Å².")
      .def_readonly("e_slab_eV", &FacetEntry::e_slab_eV,
                    "Slab: E_slab; cut-crystal: E_part1 + E_part2 (eV).")
      .def_readonly("e_bulk_eV", &FacetEntry::e_bulk_eV,
                    "Slab: E_bulk; cut-crystal: E_crystal (eV).")
      .def_readonly("converged", &FacetEntry::converged, "Whether every calculation converged.")
      .def("__repr__", [](const FacetEntry& e) {
        return "<FacetEntry " + slabs::miller_label(e.hkl) + " " + e.method +
               (e.relaxed ? " relaxed" : " unrelaxed") +
               " E_dis=" + std::to_string(e.e_dis_eV_per_A2) + " eV/A^2>";
      });

  py::class_<FacetTable>(m, "FacetTable", R"doc(
The facet table (facets.json) that native DFT, VASP and EAM all write and the welding stage
reads: engine, element, lattice constant a_A (Å), one FacetEntry per facet/method/relaxation,
and the settings that determined the numbers.)doc")
      .def_static(
          "read", &slabs::read_facet_table, py::arg("path"),
          "Reads facets.json; raises facetweld.InputError naming a missing or mistyped key.")
      .def(
          "write",
          [](const FacetTable& t, const std::filesystem::path& path) {
            slabs::write_facet_table(path, t);
          },
          py::arg("path"), "Writes atomically, with code_version added.")
      .def_readonly("engine", &FacetTable::engine, "\"native-pbe\", \"vasp\" or \"eam\".")
      .def_readonly("element", &FacetTable::element, "Chemical symbol.")
      .def_readonly("a_A", &FacetTable::a_A, "Cubic lattice constant, Å.")
      .def_readonly("facets", &FacetTable::facets, "The FacetEntry rows.")
      .def_property_readonly(
          "settings", [](const FacetTable& t) { return to_python(t.settings); },
          "Every input that determined the numbers (dict).")
      .def(
          "find",
          [](const FacetTable& t, const py::object& hkl, const std::string& method, bool relaxed) {
            return t.find(miller_from_python(hkl, "hkl"), method, relaxed);
          },
          py::arg("hkl"), py::arg("method") = "slab", py::arg("relaxed") = false,
          "The entry for (hkl) with this method and relaxation, or None.")
      .def(
          "to_dict", [](const FacetTable& t) { return to_python(slabs::to_json(t)); },
          "The facets.json object as a dict.")
      .def("__len__", [](const FacetTable& t) { return t.facets.size(); })
      .def("__repr__", [](const FacetTable& t) {
        return "<FacetTable " + t.engine + " " + t.element + ", " +
               std::to_string(t.facets.size()) + " facets>";
      });
}

}  // namespace fw::python
