/// \file bind_eam.cpp
/// \brief facetweld.EamModel: the native EAM engine (LAMMPS `pair_style eam` / `eam/alloy`
/// numerics) on one structure — energy (eV, total and per atom), forces (eV/Å), stress (eV/Å³,
/// ASE sign).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>

#include "bindings.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "input_checks.hpp"
#include "md/engine/eam_atom_energies.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/force_fields.hpp"
#include "md/engine/thermo.hpp"
#include "md/formats/potential_file.hpp"
#include "md/formats/structure_bridge.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

class EamModel {
 public:
  explicit EamModel(const std::string& potential)
      : path_(md::find_potential_file(potential, "potential")),
        potential_(std::make_shared<md::EamPotential>(md::EamPotential::read(path_))) {}

  py::dict compute(const slabs::Structure& structure) const {
    check_structure_for_engine(structure, CellNeed::kPeriodicAxes, false);
    md::System system = md::system_from_structure(structure, md::potential_masses(*potential_));
    for (const auto& species : system.type_names)
      if (potential_->type_of(species) < 0)
        throw InputError("structure",
                         "species " + species + " is not described by " + path_.string());
    md::ForceResult result;
    std::vector<double> atom_energies;
    {
      py::gil_scoped_release release;
      md::ForceField field =
          md::make_force_field({.name = "eam", .potential = potential_, .skin_A = 0.0});
      result = field.compute(system);
      atom_energies =
          md::eam_atom_energies(dynamic_cast<const md::EamForce&>(*field.interactions().front()),
                                system, field.neighbor_list());
    }
    py::array_t<double> forces({static_cast<py::ssize_t>(system.size()), py::ssize_t{3}});
    py::array_t<double> energies(static_cast<py::ssize_t>(system.size()));
    auto f = forces.mutable_unchecked<2>();
    auto e = energies.mutable_unchecked<1>();
    for (std::size_t i = 0; i < system.size(); ++i) {
      const auto row = static_cast<py::ssize_t>(system.id[i]);
      const Vec3 force = system.force(i);
      for (int c = 0; c < 3; ++c) f(row, c) = force[c];
      e(row) = atom_energies[i];
    }
    py::dict out;
    out["energy_eV"] = result.energy_eV;
    out["energies_eV"] = energies;
    out["forces_eV_per_A"] = forces;
    out["virial_eV"] = result.virial_eV;
    // −W/V over the cell's volume, on every axis periodic or not (LAMMPS's and ASE's convention
    // for a slab: the stress of the cell as given, vacuum included).
    const auto stress_GPa = md::stress_GPa(system, result);
    py::array_t<double> stress(6);
    auto s = stress.mutable_unchecked<1>();
    for (py::ssize_t c = 0; c < 6; ++c)
      s(c) = stress_GPa[static_cast<std::size_t>(c)] / units::kEVPerA3InGPa;
    out["stress_eV_per_A3"] = stress;
    return out;
  }

  std::string path() const { return path_.string(); }
  double cutoff_A() const { return potential_->cutoff_A(); }
  std::vector<std::string> elements() const { return potential_->elements(); }
  std::string lammps_style() const { return potential_->lammps_style(); }

 private:
  std::filesystem::path path_;
  std::shared_ptr<const md::EamPotential> potential_;
};

}  // namespace

void bind_eam(py::module_& m) {
  py::class_<EamModel>(m, "EamModel", R"doc(
The native EAM engine with one potential file (funcfl ``*.eam`` or setfl ``*.eam.alloy``), found
as given, in $FACETWELD_DATA/md, facetweld's data/md or Debian's /usr/share/lammps/potentials.
Energies and forces equal LAMMPS ``pair_style eam`` to round-off. ASE users want
``facetweld.calculators.EAM``, which wraps this.)doc")
      .def(py::init<const std::string&>(),
           py::arg("potential") = std::string(md::kDefaultEamPotential))
      .def(
          "compute", &EamModel::compute, py::arg("structure"),
          R"doc(Energy and forces of a Structure: a dict with energy_eV, energies_eV (per atom, input
order: F(rho_i) + half of each pair energy, LAMMPS's pe/atom; they sum to energy_eV),
forces_eV_per_A ((N, 3), input order), virial_eV (Voigt xx yy zz yz xz xy, LAMMPS's W) and
stress_eV_per_A3 (Voigt, ASE sign: positive = tensile, -W/V with V the cell's volume, vacuum
included on non-periodic axes).)doc")
      .def_property_readonly("path", &EamModel::path, "The potential file used.")
      .def_property_readonly("cutoff_A", &EamModel::cutoff_A, "Interaction cut-off, Å.")
      .def_property_readonly("elements", &EamModel::elements, "Species the potential describes.")
      .def_property_readonly("lammps_style", &EamModel::lammps_style,
                             "\"eam\" or \"eam/alloy\": the LAMMPS pair style that reproduces it.");
}

}  // namespace fw::python
