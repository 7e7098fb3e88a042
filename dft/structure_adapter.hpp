/// \file structure_adapter.hpp
/// \brief Builds the solver's Crystal (bohr) from a slabs::Structure (Å) and pseudopotentials.
#pragma once

#include <map>
#include <string>

#include "dft/crystal.hpp"
#include "slabs/structure.hpp"

namespace fw::dft {

/// `pseudos` maps a species symbol to its pseudopotential. Throws fw::InputError(source, ...) when
/// a species has no pseudopotential, a pseudopotential's element differs from the structure's, the
/// structure is not periodic in 3-D, or two atoms are closer than 0.5 Å.
Crystal crystal_from_structure(const slabs::Structure& structure,
                               const std::map<std::string, Pseudopotential>& pseudos,
                               const std::string& source);

}  // namespace fw::dft
