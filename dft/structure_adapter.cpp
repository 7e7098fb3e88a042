/// \file structure_adapter.cpp
/// \brief slabs::Structure → dft::Crystal with input checks.
#include "dft/structure_adapter.hpp"

#include "core/error.hpp"
#include "core/units.hpp"
#include "slabs/input_checks.hpp"

namespace fw::dft {

Crystal crystal_from_structure(const slabs::Structure& structure,
                               const std::map<std::string, Pseudopotential>& pseudos,
                               const std::string& source) {
  for (bool p : structure.pbc)
    if (!p)
      throw InputError(source,
                       "the plane-wave solver needs a structure periodic along all three axes");
  slabs::check_atoms_do_not_overlap(structure, source);
  Crystal crystal;
  for (int i = 0; i < 3; ++i) crystal.cell_bohr[i] = structure.cell[i] * units::kAngstromInBohr;
  std::map<std::string, int> species_index;
  for (const auto& atom : structure.atoms) {
    auto it = species_index.find(atom.species);
    if (it == species_index.end()) {
      const auto psp = pseudos.find(atom.species);
      if (psp == pseudos.end())
        throw InputError(source, "no pseudopotential given for species '" + atom.species + "'");
      if (!psp->second.element.empty() && psp->second.element != atom.species)
        throw InputError(psp->second.source_path,
                         "pseudopotential is for element '" + psp->second.element +
                             "' but the structure's species is '" + atom.species + "'");
      it = species_index.emplace(atom.species, static_cast<int>(crystal.species.size())).first;
      crystal.species.push_back(psp->second);
    }
    crystal.species_of_atom.push_back(it->second);
    crystal.positions_frac.push_back(structure.fractional(atom.position));
  }
  return crystal;
}

}  // namespace fw::dft
