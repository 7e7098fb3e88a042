/// \file poscar.hpp
/// \brief VASP POSCAR/CONTCAR: VASP 5 (species line) and VASP 4, Direct/Cartesian, selective
/// dynamics, scale factor (negative = target volume).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "slabs/structure.hpp"

namespace fw::slabs {

/// `source` names the file in error messages. `species_hint` gives species for VASP-4 files.
Structure read_poscar(std::istream& in, const std::string& source,
                      const std::vector<std::string>& species_hint = {});
/// VASP 5 format, Direct coordinates, 16 significant digits, species grouped in first-appearance
/// order, "Selective dynamics" when the structure carries flags.
void write_poscar(std::ostream& out, const Structure& s);

}  // namespace fw::slabs
