/// \file structure_bridge.hpp
/// \brief Conversion between slabs::Structure (the exchange type) and the MD System.
#pragma once

#include "md/engine/system.hpp"
#include "slabs/structure.hpp"

namespace fw::md {

/// Types in order of first appearance; masses from the periodic table (IUPAC) unless
/// `masses_amu` names the species (e.g. the mass in the EAM file, as LAMMPS uses). Atoms whose
/// selective-dynamics flags are all false become frozen.
System system_from_structure(const slabs::Structure& structure,
                             const std::vector<std::pair<std::string, double>>& masses_amu = {});

/// Back to a Structure in input order (positions wrapped as in the System).
slabs::Structure structure_from_system(const System& system);

}  // namespace fw::md
