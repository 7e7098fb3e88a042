/// \file band_distribution.hpp
/// \brief Bands shared among the ranks of a k-point group (more ranks than k-points): each rank
/// works on one contiguous slice of a block's columns; the memory stays replicated.
#pragma once

#include <cstddef>
#include <vector>

namespace fw::dft {

/// Columns [first, first + count) of a block.
struct BandSlice {
  std::size_t first = 0;
  std::size_t count = 0;
};

/// Rank `rank` of `ranks`'s slice of `n` columns: contiguous and balanced (the first n % ranks
/// slices hold one column more), so that the slices in rank order tile [0, n).
BandSlice band_slice(std::size_t n, int rank, int ranks);

/// Every rank's column count of `n`, in rank order (the counts of an allgather).
std::vector<int> band_slice_counts(std::size_t n, int ranks);

}  // namespace fw::dft
