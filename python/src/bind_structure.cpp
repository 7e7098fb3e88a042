/// \file bind_structure.cpp
/// \brief facetweld.Structure: cell (Å), species, Cartesian positions (Å), periodicity, selective
/// dynamics and the builders' layer/part tags; read/write in every format slabs/io knows.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/structure.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

using slabs::Structure;

py::array_t<double> cell_array(const Structure& s) {
  py::array_t<double> out({3, 3});
  auto a = out.mutable_unchecked<2>();
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) a(r, c) = s.cell[r][c];
  return out;
}

void set_cell(Structure& s, const py::array_t<double, py::array::forcecast>& cell_A) {
  if (cell_A.ndim() != 2 || cell_A.shape(0) != 3 || cell_A.shape(1) != 3)
    throw py::value_error("cell_A must be a 3x3 array (lattice vectors as rows, Å)");
  auto a = cell_A.unchecked<2>();
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) s.cell[r][c] = a(r, c);
}

py::array_t<double> positions_array(const Structure& s) {
  py::array_t<double> out({static_cast<py::ssize_t>(s.size()), py::ssize_t{3}});
  auto a = out.mutable_unchecked<2>();
  for (std::size_t i = 0; i < s.size(); ++i)
    for (int c = 0; c < 3; ++c) a(static_cast<py::ssize_t>(i), c) = s.atoms[i].position[c];
  return out;
}

void set_positions(Structure& s, const py::array_t<double, py::array::forcecast>& positions_A) {
  if (positions_A.ndim() != 2 || positions_A.shape(1) != 3 ||
      static_cast<std::size_t>(positions_A.shape(0)) != s.size())
    throw py::value_error("positions_A must be an (N, 3) array in Å with N = " +
                          std::to_string(s.size()));
  auto a = positions_A.unchecked<2>();
  for (std::size_t i = 0; i < s.size(); ++i)
    for (int c = 0; c < 3; ++c) s.atoms[i].position[c] = a(static_cast<py::ssize_t>(i), c);
}

Structure make_structure(const py::array_t<double, py::array::forcecast>& cell_A,
                         const std::vector<std::string>& species,
                         const py::array_t<double, py::array::forcecast>& positions_A,
                         std::array<bool, 3> pbc, const std::string& comment) {
  Structure s;
  set_cell(s, cell_A);
  s.pbc = pbc;
  s.comment = comment;
  s.atoms.resize(species.size());
  for (std::size_t i = 0; i < species.size(); ++i) s.atoms[i].species = species[i];
  set_positions(s, positions_A);
  return s;
}

std::vector<int> tags(const Structure& s, int slabs::Atom::*field) {
  std::vector<int> out;
  out.reserve(s.size());
  for (const auto& a : s.atoms) out.push_back(a.*field);
  return out;
}

void set_tags(Structure& s, int slabs::Atom::*field, const std::vector<int>& values,
              const char* name) {
  if (values.size() != s.size())
    throw py::value_error(std::string(name) + " needs one integer per atom (" +
                          std::to_string(s.size()) + "), got " + std::to_string(values.size()));
  for (std::size_t i = 0; i < s.size(); ++i) s.atoms[i].*field = values[i];
}

}  // namespace

void bind_structure(py::module_& m) {
  py::class_<Structure>(m, "Structure", R"doc(
Atoms in a periodic (or partly periodic) cell: the exchange type of every facetweld module.

Lengths are in Å. ``cell_A`` holds the lattice vectors as rows; ``positions_A`` are Cartesian.
Convert with ``to_ase()`` / ``from_ase(atoms)`` and ``to_pymatgen()`` / ``from_pymatgen(s)``.
)doc")
      .def(py::init(&make_structure), py::arg("cell_A"), py::arg("species"), py::arg("positions_A"),
           py::arg("pbc") = std::array<bool, 3>{true, true, true}, py::arg("comment") = "",
           "A structure from a 3x3 cell (rows, Å), N species and (N, 3) Cartesian positions (Å).")
      .def_property("cell_A", &cell_array, &set_cell, "Lattice vectors as rows, Å (3x3 array).")
      .def_property("positions_A", &positions_array, &set_positions,
                    "Cartesian positions, Å ((N, 3) array; a copy)")
      .def_property_readonly(
          "species",
          [](const Structure& s) {
            std::vector<std::string> out;
            for (const auto& a : s.atoms) out.push_back(a.species);
            return out;
          },
          "Chemical symbol of each atom.")
      .def_readwrite("pbc", &Structure::pbc, "Periodicity along each cell vector.")
      .def_readwrite("comment", &Structure::comment, "POSCAR title / extxyz comment.")
      .def_property(
          "movable",
          [](const Structure& s) {
            py::array_t<bool> out({static_cast<py::ssize_t>(s.size()), py::ssize_t{3}});
            auto a = out.mutable_unchecked<2>();
            for (std::size_t i = 0; i < s.size(); ++i)
              for (int c = 0; c < 3; ++c) a(static_cast<py::ssize_t>(i), c) = s.atoms[i].movable[c];
            return out;
          },
          [](Structure& s, const py::array_t<bool, py::array::forcecast>& flags) {
            if (flags.ndim() != 2 || flags.shape(1) != 3 ||
                static_cast<std::size_t>(flags.shape(0)) != s.size())
              throw py::value_error("movable must be an (N, 3) boolean array");
            auto a = flags.unchecked<2>();
            bool any_fixed = false;
            for (std::size_t i = 0; i < s.size(); ++i)
              for (int c = 0; c < 3; ++c) {
                s.atoms[i].movable[c] = a(static_cast<py::ssize_t>(i), c);
                any_fixed = any_fixed || !s.atoms[i].movable[c];
              }
            s.selective_dynamics = any_fixed;
          },
          "Selective dynamics: which Cartesian components may move ((N, 3) bool, VASP's T/F).")
      .def_readwrite("selective_dynamics", &Structure::selective_dynamics,
                     "Whether the movable flags are written out (POSCAR Selective dynamics).")
      .def_property(
          "layer", [](const Structure& s) { return tags(s, &slabs::Atom::layer); },
          [](Structure& s, const std::vector<int>& v) {
            set_tags(s, &slabs::Atom::layer, v, "layer");
          },
          "Atomic-layer index of each atom along the surface normal (slab builders; -1: none).")
      .def_property(
          "part", [](const Structure& s) { return tags(s, &slabs::Atom::part); },
          [](Structure& s, const std::vector<int>& v) {
            set_tags(s, &slabs::Atom::part, v, "part");
          },
          "1 or 2 after cleave(): the side of the cut plane (0: untagged).")
      .def_property_readonly("volume_A3", &Structure::volume, "Cell volume, Å³.")
      .def("__len__", &Structure::size)
      .def(
          "copy", [](const Structure& s) { return Structure(s); }, "An independent copy.")
      .def("repeated", &Structure::repeated, py::arg("n0"), py::arg("n1"), py::arg("n2"),
           "The cell replicated n0 x n1 x n2 times.")
      .def("min_distance_A", &Structure::min_distance,
           "Shortest interatomic distance, Å, periodic images included.")
      .def_static(
          "read", [](const std::filesystem::path& path) { return slabs::read_structure(path); },
          py::arg("path"), "Reads POSCAR/CONTCAR (*.vasp, POSCAR*, CONTCAR*) or extended XYZ.")
      .def(
          "write",
          [](const Structure& s, const std::filesystem::path& path) {
            slabs::write_structure(path, s);
          },
          py::arg("path"),
          "Writes atomically in the format the name implies: POSCAR, extxyz or LAMMPS data.")
      .def("__repr__", [](const Structure& s) {
        std::string formula;
        for (const auto& sp : s.species_order()) formula += sp + std::to_string(s.count(sp));
        return "<facetweld.Structure " + formula + ", " + std::to_string(s.size()) + " atoms>";
      });
}

}  // namespace fw::python
