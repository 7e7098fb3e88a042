/// \file extxyz.hpp
/// \brief Extended XYZ (ASE/OVITO): Lattice="...", Properties=species:S:1:pos:R:3[...], pbc="T T
/// T".
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "slabs/structure.hpp"

namespace fw::slabs {

/// Reads the first frame. Understands species/pos (required), and our tags if present.
Structure read_extxyz(std::istream& in, const std::string& source);
/// Writes one frame (appendable for trajectories): species, pos, and the tags in use
/// (layer, part, rod as integer columns).
void write_extxyz(std::ostream& out, const Structure& s);

}  // namespace fw::slabs
