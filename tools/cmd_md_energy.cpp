/// \file cmd_md_energy.cpp
/// \brief `facetweld md energy`: EAM energy, forces and stress of one structure, as JSON.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "md/engine/force_fields.hpp"
#include "md/engine/thermo.hpp"
#include "md/formats/potential_file.hpp"
#include "md/formats/structure_bridge.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct EnergyOptions {
  std::string structure;
  std::string potential = md::kDefaultEamPotential;
  std::string json;
};

void run_energy(const EnergyOptions& o) {
  if (!o.json.empty()) ensure_writable_destination(o.json, "--json");
  const auto potential_path = md::find_potential_file(o.potential);
  const auto potential = std::make_shared<md::EamPotential>(md::EamPotential::read(potential_path));
  md::System system = md::system_from_structure(slabs::read_structure(o.structure),
                                                md::potential_masses(*potential));
  for (const auto& species : system.type_names) {
    if (potential->type_of(species) < 0) {
      throw InputError(o.structure,
                       "species " + species + " is not described by " + potential_path.string());
    }
  }
  md::ForceField field =
      md::make_force_field({.name = "eam", .potential = potential, .skin_A = 0.0});
  const md::ForceResult& r = [&]() -> const md::ForceResult& {
    try {
      return field.compute(system);
    } catch (const InputError& e) {  // overlapping atoms: name the file they came from
      if (e.source() != "structure") throw;
      throw InputError(o.structure, e.message());
    }
  }();
  const bool periodic = system.pbc[0] && system.pbc[1] && system.pbc[2];
  nlohmann::json j;
  j["code_version"] = code_version();
  j["structure"] = o.structure;
  j["potential"] = potential_path.string();
  j["lammps_pair_style"] = potential->lammps_style();
  j["atoms"] = system.size();
  j["energy_eV"] = r.energy_eV;
  j["energy_per_atom_eV"] = r.energy_eV / static_cast<double>(system.size());
  nlohmann::json forces = nlohmann::json::array();
  for (std::size_t i : system.indices_in_input_order()) {
    const Vec3 f = system.force(i);
    forces.push_back({f.x, f.y, f.z});
  }
  j["forces_eV_per_A"] = forces;
  if (periodic) {
    const auto s = md::stress_GPa(system, r);
    j["stress_GPa"] = {s[0], s[1], s[2], s[3], s[4], s[5]};
    j["stress_convention"] =
        "Voigt order xx yy zz yz xz xy; positive = tensile (ASE); stress = -virial/V";
    j["pressure_GPa"] = md::pressure_GPa(system, r);
  } else {
    j["stress_GPa"] = nullptr;
    j["stress_convention"] = "undefined without three periodic axes";
  }
  j["virial_eV"] = r.virial_eV;
  if (!o.json.empty()) write_file_atomically(o.json, j.dump(2) + "\n");
  std::printf(
      "%s: %zu atoms, E = %.10f eV (%.10f eV/atom)%s\n", o.structure.c_str(), system.size(),
      r.energy_eV, r.energy_eV / static_cast<double>(system.size()),
      periodic ? (", P = " + std::to_string(md::pressure_GPa(system, r)) + " GPa").c_str() : "");
}

const RegisterCommand kRegistered{
    "md-energy", [](CLI::App& root) {
      auto opts = std::make_shared<EnergyOptions>();
      CLI::App* md = command_group(root, "md", "Molecular dynamics with EAM potentials");
      CLI::App* cmd = md->add_subcommand("energy", "EAM energy, forces and stress of a structure");
      cmd->add_option("--structure", opts->structure, "POSCAR/CONTCAR or extxyz file")->required();
      cmd->add_option("--potential", opts->potential,
                      "EAM file: funcfl (*.eam) or setfl (*.eam.alloy); looked up in data/md and "
                      "/usr/share/lammps/potentials too")
          ->capture_default_str();
      cmd->add_option("--json", opts->json, "Write energy_eV, forces_eV_per_A, stress_GPa here");
      cmd->callback([opts] { run_energy(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
