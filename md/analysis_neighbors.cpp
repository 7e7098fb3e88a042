/// \file analysis_neighbors.cpp
/// \brief Full, distance-sorted neighbour lists from the md half list.
#include "md/analysis_neighbors.hpp"

#include <algorithm>

#include "md/neighbor_list.hpp"

namespace fw::md {

std::vector<std::vector<NeighborVector>> full_neighbor_lists(const System& system,
                                                             double cutoff_A) {
  std::vector<std::vector<NeighborVector>> out(system.size());
  if (system.size() == 0) return out;
  System copy;
  copy.cell = system.cell;
  copy.pbc = system.pbc;
  copy.x = system.x;
  copy.type = system.type;
  copy.id = system.id;
  copy.image.assign(system.size(), {0, 0, 0});
  NeighborList list(cutoff_A, 0.0);
  list.set_overlap_check(false);
  list.build(copy, false);
  const double c2 = cutoff_A * cutoff_A;
  const auto& shifts = list.shift_vectors();
  for (std::size_t i = 0; i < copy.size(); ++i) {
    const Vec3 xi = copy.position(i);
    for (std::uint32_t k = list.begin(i); k < list.end(i); ++k) {
      const std::size_t j = list.neighbors()[k];
      Vec3 r = copy.position(j) - xi;
      if (k >= list.shifted_begin(i)) r += shifts[list.shift_indices()[k]];
      const double r2 = dot(r, r);
      if (r2 >= c2) continue;
      out[i].push_back({j, r, r2});
      out[j].push_back({i, -r, r2});
    }
  }
  for (auto& n : out)
    std::sort(n.begin(), n.end(),
              [](const NeighborVector& a, const NeighborVector& b) { return a.r2 < b.r2; });
  return out;
}

}  // namespace fw::md
