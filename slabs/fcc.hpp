/// \file fcc.hpp
/// \brief Face-centred cubic bulk cells.
#pragma once

#include <string>

#include "slabs/structure.hpp"

namespace fw::slabs {

enum class FccCell { primitive, conventional };

/// Primitive cell: a/2·(0,1,1), a/2·(1,0,1), a/2·(1,1,0) (ABINIT's and ASE's choice), one atom.
/// Conventional cell: cube of side a, four atoms. Throws InputError("--a") for a <= 0.
Structure fcc_bulk(const std::string& element, double a_A, FccCell cell = FccCell::primitive);

/// The nearest-neighbour distance a/√2 of an fcc lattice.
inline double fcc_nearest_neighbour_A(double a_A) {
  return a_A / 1.4142135623730951;
}

}  // namespace fw::slabs
