/// \file structure_bridge.cpp
/// \brief Structure ↔ System.
#include "md/structure_bridge.hpp"

#include "core/error.hpp"
#include "slabs/elements.hpp"

namespace fw::md {

System system_from_structure(const slabs::Structure& structure,
                             const std::vector<std::pair<std::string, double>>& masses_amu) {
  // Every entry into the MD engine (CLI, job files, Python) comes through here: an empty
  // structure would give energies of 0 and "-nan eV/atom".
  if (structure.atoms.empty()) throw InputError("structure", "the structure has no atoms");
  System system;
  system.cell = structure.cell;
  system.pbc = structure.pbc;
  for (const auto& atom : structure.atoms) {
    double mass = 0.0;
    for (const auto& [species, m] : masses_amu) {
      if (species == atom.species) mass = m;
    }
    if (mass == 0.0) mass = slabs::element(atom.species, "structure").mass_amu;
    const int t = system.type_index(atom.species, mass);
    const bool frozen = !atom.movable[0] && !atom.movable[1] && !atom.movable[2];
    system.add_atom(t, atom.position, frozen);
  }
  return system;
}

slabs::Structure structure_from_system(const System& system) {
  slabs::Structure structure;
  structure.cell = system.cell;
  structure.pbc = system.pbc;
  for (std::size_t i : system.indices_in_input_order()) {
    slabs::Atom atom;
    atom.species = system.type_names[static_cast<std::size_t>(system.type[i])];
    atom.position = system.position(i);
    if (system.frozen[i]) atom.movable = {false, false, false};
    structure.selective_dynamics = structure.selective_dynamics || system.frozen[i];
    structure.atoms.push_back(atom);
  }
  return structure;
}

}  // namespace fw::md
