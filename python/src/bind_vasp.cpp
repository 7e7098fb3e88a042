/// \file bind_vasp.cpp
/// \brief facetweld.vasp.parse: OUTCAR, OSZICAR, vasprun.xml(.gz), CONTCAR to the dict of
/// `facetweld vasp parse --json` (the same C++ function builds both); read_vasprun: the same
/// vasprun.xml data as NumPy arrays and Structure objects, without the JSON detour.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cmath>

#include "bindings.hpp"
#include "core/version.hpp"
#include "json_convert.hpp"
#include "vasp_io/doscar.hpp"
#include "vasp_io/eigenval.hpp"
#include "vasp_io/parse_file.hpp"
#include "vasp_io/vasprun.hpp"
#include "vasp_io/volumetric.hpp"
#include "vasp_io/xdatcar.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

/// A C-contiguous float64 array of `shape` filled from `flat` (row-major, as the parser stores it).
py::array_t<double> array(const std::vector<double>& flat, std::vector<py::ssize_t> shape) {
  py::array_t<double> out(shape);
  if (!flat.empty()) std::copy(flat.begin(), flat.end(), out.mutable_data());
  return out;
}

std::vector<double> flatten(const std::vector<Vec3>& rows) {
  std::vector<double> flat;
  flat.reserve(3 * rows.size());
  for (const auto& r : rows) flat.insert(flat.end(), {r.x, r.y, r.z});
  return flat;
}

void append(std::vector<double>& flat, const Mat3& m) {
  for (int r = 0; r < 3; ++r) flat.insert(flat.end(), {m[r].x, m[r].y, m[r].z});
}

py::object optional_structure(const std::optional<slabs::Structure>& s) {
  return s ? py::cast(*s) : py::none();
}

/// Per-ionic-step arrays: energies (nsteps,), forces (nsteps, natoms, 3), stress (nsteps, 3, 3;
/// NaN where a step has none), cells and fractional positions, and the structures.
void add_steps(py::dict& out, const vasp::Vasprun& v) {
  const auto nsteps = static_cast<py::ssize_t>(v.ionic_steps.size());
  const auto natoms = static_cast<py::ssize_t>(v.atomic_symbols.size());
  std::vector<double> free, without_entropy, sigma0, forces, stress, cells, fractional;
  std::vector<int> electronic;
  py::list structures;
  bool all_forces = true, all_structures = true;
  for (const auto& s : v.ionic_steps) {
    free.push_back(s.energies.free_energy_eV);
    without_entropy.push_back(s.energies.energy_without_entropy_eV);
    sigma0.push_back(s.energies.energy_sigma0_eV);
    electronic.push_back(s.electronic_steps);
    all_forces = all_forces && static_cast<py::ssize_t>(s.forces_eV_per_A.size()) == natoms;
    if (all_forces) {
      const auto f = flatten(s.forces_eV_per_A);
      forces.insert(forces.end(), f.begin(), f.end());
    }
    if (s.stress_kbar)
      append(stress, *s.stress_kbar);
    else
      stress.insert(stress.end(), 9, std::nan(""));
    all_structures = all_structures && s.structure &&
                     static_cast<py::ssize_t>(s.positions_fractional.size()) == natoms;
    if (all_structures) {
      append(cells, s.structure->cell);
      const auto x = flatten(s.positions_fractional);
      fractional.insert(fractional.end(), x.begin(), x.end());
      structures.append(py::cast(*s.structure));
    }
  }
  out["free_energies_eV"] = array(free, {nsteps});
  out["energies_without_entropy_eV"] = array(without_entropy, {nsteps});
  out["energies_sigma0_eV"] = array(sigma0, {nsteps});
  out["electronic_steps"] = py::array_t<int>(nsteps, electronic.data());
  out["forces_eV_per_A"] = all_forces ? py::object(array(forces, {nsteps, natoms, 3})) : py::none();
  out["stresses_kbar"] = array(stress, {nsteps, 3, 3});
  out["cells_A"] = all_structures ? py::object(array(cells, {nsteps, 3, 3})) : py::none();
  out["positions_fractional"] =
      all_structures ? py::object(array(fractional, {nsteps, natoms, 3})) : py::none();
  out["structures"] = all_structures ? py::object(structures) : py::none();
}

void add_eigenvalues(py::dict& out, const vasp::Vasprun& v) {
  if (!v.eigenvalues) {
    out["eigenvalues_eV"] = py::none();
    out["occupations"] = py::none();
    return;
  }
  const auto& ev = *v.eigenvalues;
  const std::vector<py::ssize_t> shape{ev.nspin, ev.nkpoints, ev.nbands};
  out["eigenvalues_eV"] = array(ev.energies_eV, shape);
  out["occupations"] = array(ev.occupations, shape);
}

void add_dos(py::dict& out, const vasp::Vasprun& v) {
  for (const char* key : {"dos_energies_eV", "total_dos", "integrated_dos", "pdos"})
    out[key] = py::none();
  out["pdos_orbitals"] = py::list();
  if (!v.dos) return;
  const auto& d = *v.dos;
  const auto nedos = static_cast<py::ssize_t>(d.nedos());
  out["dos_energies_eV"] = array(d.energies_eV, {nedos});
  out["total_dos"] = array(d.total, {d.nspin, nedos});
  out["integrated_dos"] = array(d.integrated, {d.nspin, nedos});
  if (d.nions > 0) {
    out["pdos"] =
        array(d.partial, {d.nions, d.nspin, nedos, static_cast<py::ssize_t>(d.orbitals.size())});
    out["pdos_orbitals"] = d.orbitals;
  }
}

py::dict vasprun_data(const std::filesystem::path& path) {
  vasp::VasprunOptions options;
  options.keep_all_forces = true;
  options.keep_step_structures = true;
  vasp::Vasprun v;
  {
    py::gil_scoped_release release;
    v = vasp::read_vasprun(path, options);
  }
  py::dict out;
  out["source"] = v.source;
  out["vasp_version"] = v.vasp_version;
  out["incar"] = to_python(v.incar);
  out["parameters"] = to_python(v.parameters);
  out["atomic_symbols"] = v.atomic_symbols;
  out["kpoints"] = array(flatten(v.kpoints_reciprocal),
                         {static_cast<py::ssize_t>(v.kpoints_reciprocal.size()), 3});
  out["kpoint_weights"] =
      array(v.kpoint_weights, {static_cast<py::ssize_t>(v.kpoint_weights.size())});
  out["efermi_eV"] = v.efermi_eV ? py::object(py::float_(*v.efermi_eV)) : py::none();
  out["initial_structure"] = optional_structure(v.initial_structure);
  out["final_structure"] = optional_structure(v.final_structure);
  add_steps(out, v);
  add_eigenvalues(out, v);
  add_dos(out, v);
  if (const auto e = v.band_edges()) {
    out["band_edges"] = py::dict(py::arg("vbm_eV") = e->vbm_eV, py::arg("cbm_eV") = e->cbm_eV,
                                 py::arg("gap_from_edges_eV") = e->gap_eV,
                                 py::arg("direct") = e->direct, py::arg("metallic") = e->metallic);
  } else {
    out["band_edges"] = py::none();
  }
  out["converged_electronic"] = v.converged_electronic();
  const auto ionic = v.converged_ionic();
  out["converged_ionic"] = ionic ? py::object(py::bool_(*ionic)) : py::none();
  out["warnings"] = v.warnings;
  out["complete"] = v.completeness.complete;
  out["missing"] = v.completeness.missing;
  out["code_version"] = code_version();
  return out;
}

void add_completeness(py::dict& out, const vasp::Completeness& c) {
  out["complete"] = c.complete;
  out["missing"] = c.missing;
}

py::dict eigenval_data(const std::filesystem::path& path) {
  vasp::Eigenval e;
  {
    py::gil_scoped_release release;
    e = vasp::read_eigenval(path);
  }
  py::dict out;
  out["source"] = e.source;
  out["nelect"] = e.nelect;
  out["kpoints"] = array(flatten(e.kpoints), {e.nkpoints, 3});
  out["kpoint_weights"] = array(e.kpoint_weights, {e.nkpoints});
  const std::vector<py::ssize_t> shape{e.nspin, e.nkpoints, e.nbands};
  out["eigenvalues_eV"] = array(e.energies_eV, shape);
  out["occupations"] = e.occupations.empty() ? py::none() : py::object(array(e.occupations, shape));
  add_completeness(out, e.completeness);
  return out;
}

py::dict doscar_data(const std::filesystem::path& path) {
  vasp::Doscar d;
  {
    py::gil_scoped_release release;
    d = vasp::read_doscar(path);
  }
  py::dict out;
  const auto nedos = static_cast<py::ssize_t>(d.nedos());
  out["source"] = d.source;
  out["efermi_eV"] = d.efermi_eV;
  out["dos_energies_eV"] = array(d.energies_eV, {nedos});
  out["total_dos"] = array(d.total, {nedos == 0 ? 0 : d.nspin, nedos});
  out["integrated_dos"] = array(d.integrated, {nedos == 0 ? 0 : d.nspin, nedos});
  out["nspin"] = d.nspin;
  out["projected_columns"] = array(d.projected, {d.projected_ions, nedos, d.projected_columns});
  add_completeness(out, d.completeness);
  return out;
}

py::dict xdatcar_data(const std::filesystem::path& path) {
  vasp::Xdatcar x;
  {
    py::gil_scoped_release release;
    x = vasp::read_xdatcar(path);
  }
  py::dict out;
  const auto frames = static_cast<py::ssize_t>(x.frames());
  std::vector<double> cells;
  py::list structures;
  for (std::size_t k = 0; k < x.frames(); ++k) {
    append(cells, x.cells_A[k]);
    structures.append(py::cast(x.structure(k)));
  }
  out["source"] = x.source;
  out["comment"] = x.comment;
  out["species"] = x.species;
  out["configuration"] = x.configuration;
  out["cells_A"] = array(cells, {frames, 3, 3});
  out["positions_fractional"] = array(flatten(x.positions_fractional),
                                      {frames, static_cast<py::ssize_t>(x.species.size()), 3});
  out["structures"] = structures;
  add_completeness(out, x.completeness);
  return out;
}

py::dict volumetric_data(const std::filesystem::path& path) {
  vasp::Volumetric v;
  {
    py::gil_scoped_release release;
    v = vasp::read_volumetric(path);
  }
  py::dict out;
  const std::vector<py::ssize_t> shape{v.grid[0], v.grid[1], v.grid[2]};
  py::list blocks;
  for (const auto& b : v.blocks) blocks.append(array(b, shape));
  out["source"] = v.source;
  out["structure"] = py::cast(v.structure);
  out["grid_shape"] = py::make_tuple(v.grid[0], v.grid[1], v.grid[2]);
  out["volume_A3"] = v.structure.volume();
  out["blocks"] = blocks;
  out["augmentation_sections"] = v.augmentation_sections;
  add_completeness(out, v.completeness);
  return out;
}

}  // namespace

void bind_vasp(py::module_& m) {
  py::module_ vasp = m.def_submodule("vasp", "VASP output files (the parsers of vasp_io/).");
  vasp.def(
      "parse",
      [](const std::filesystem::path& path, std::string type) {
        nlohmann::json j;
        {
          py::gil_scoped_release release;
          j = vasp::parse_file_json(path, type, "type");
        }
        j["code_version"] = code_version();
        return to_python(j);
      },
      py::arg("path"), py::arg("type") = "",
      R"doc(Parses an OUTCAR, OSZICAR, vasprun.xml(.gz) or CONTCAR/POSCAR and returns the dict that
``facetweld vasp parse --json`` prints: energies in eV (final_energy_sigma0_eV,
final_free_energy_eV), forces in eV/Å, stress in kbar, efermi_eV, ionic steps, convergence flags,
and ``complete``/``missing`` for truncated files. ``type`` forces "outcar", "oszicar", "vasprun"
or "contcar" (default: from the name, else the first bytes).)doc");
  vasp.def("detect_type", &vasp::detect_file_type, py::arg("path"),
           "\"outcar\", \"oszicar\", \"vasprun\" or \"contcar\", from the name or first bytes.");
  vasp.def("_vasprun_data", &vasprun_data, py::arg("path"),
           "vasprun.xml(.gz) as a dict of NumPy arrays and Structures (facetweld.vasp.read_vasprun "
           "wraps it).");
  vasp.def("_eigenval_data", &eigenval_data, py::arg("path"),
           "EIGENVAL as a dict of NumPy arrays (facetweld.vasp.read_eigenval wraps it).");
  vasp.def("_doscar_data", &doscar_data, py::arg("path"),
           "DOSCAR as a dict of NumPy arrays (facetweld.vasp.read_doscar wraps it).");
  vasp.def("_xdatcar_data", &xdatcar_data, py::arg("path"),
           "XDATCAR as a dict of NumPy arrays and Structures (facetweld.vasp.read_xdatcar wraps "
           "it).");
  vasp.def("_volumetric_data", &volumetric_data, py::arg("path"),
           "CHGCAR/CHG/LOCPOT/PARCHG/ELFCAR as a dict: the Structure, the grid shape and each "
           "block as an (nx, ny, nz) array (facetweld.vasp.read_chgcar and read_locpot wrap it).");
}

}  // namespace fw::python
