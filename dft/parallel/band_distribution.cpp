/// \file band_distribution.cpp
/// \brief Contiguous balanced band slices.
#include "dft/parallel/band_distribution.hpp"

#include <algorithm>

namespace fw::dft {

BandSlice band_slice(std::size_t n, int rank, int ranks) {
  const auto p = static_cast<std::size_t>(std::max(1, ranks));
  const auto r = static_cast<std::size_t>(std::clamp(rank, 0, static_cast<int>(p) - 1));
  const std::size_t base = n / p, extra = n % p;
  return {r * base + std::min(r, extra), base + (r < extra ? 1 : 0)};
}

std::vector<int> band_slice_counts(std::size_t n, int ranks) {
  std::vector<int> counts;
  for (int r = 0; r < std::max(1, ranks); ++r)
    counts.push_back(static_cast<int>(band_slice(n, r, ranks).count));
  return counts;
}

}  // namespace fw::dft
