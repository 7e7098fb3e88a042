/// \file neighbors.hpp
/// \brief Full neighbour lists with separation vectors, for the structure analyses (CNA, rods).
#pragma once

#include <vector>

#include "core/vec3.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// A neighbour j of atom i: its index, the minimum-image separation x_j − x_i (Å) and its square.
struct NeighborVector {
  std::size_t j;
  Vec3 r;
  double r2;
};

/// For every atom (current order), its neighbours within `cutoff_A`, nearest first. Built with
/// md::NeighborList on a copy of the positions, so periodic images and triclinic cells count.
std::vector<std::vector<NeighborVector>> full_neighbor_lists(const System& system, double cutoff_A);

}  // namespace fw::md
