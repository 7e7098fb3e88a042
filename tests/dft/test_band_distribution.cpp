/// \file test_band_distribution.cpp
/// \brief Band slices tile the block in rank order, balanced; the k-point groups tell each rank
/// its place among the ranks sharing its k-points.
#include <gtest/gtest.h>

#include <numeric>

#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/kpoint_distribution.hpp"

namespace fw::dft {
namespace {

TEST(BandDistribution, SlicesTileTheBlockInRankOrderAndDifferByAtMostOne) {
  for (std::size_t n = 0; n <= 40; ++n)
    for (int ranks = 1; ranks <= 5; ++ranks) {
      std::size_t next = 0, smallest = n, largest = 0;
      for (int r = 0; r < ranks; ++r) {
        const BandSlice s = band_slice(n, r, ranks);
        EXPECT_EQ(s.first, next) << n << " bands, rank " << r << " of " << ranks;
        next += s.count;
        smallest = std::min(smallest, s.count);
        largest = std::max(largest, s.count);
      }
      EXPECT_EQ(next, n);
      EXPECT_LE(largest - smallest, 1u);
      const auto counts = band_slice_counts(n, ranks);
      EXPECT_EQ(static_cast<std::size_t>(std::accumulate(counts.begin(), counts.end(), 0)), n);
    }
}

TEST(BandDistribution, RanksBeyondTheKPointsShareTheirGroupsBands) {
  // 3 ranks, 2 k-points: group 0 = world ranks {0, 2}, group 1 = {1}.
  const std::vector<std::size_t> cost = {100, 90};
  const auto d0 = distribute_kpoints(cost, 3, 0), d1 = distribute_kpoints(cost, 3, 1),
             d2 = distribute_kpoints(cost, 3, 2);
  EXPECT_EQ(d0.group, 0);
  EXPECT_EQ(d2.group, 0);
  EXPECT_EQ(d1.group, 1);
  EXPECT_EQ(d0.band_ranks, 2);
  EXPECT_EQ(d2.band_ranks, 2);
  EXPECT_EQ(d1.band_ranks, 1);
  EXPECT_EQ(d0.band_rank, 0);
  EXPECT_EQ(d2.band_rank, 1);
  EXPECT_EQ(d1.band_rank, 0);
  EXPECT_TRUE(d0.group_root);
  EXPECT_FALSE(d2.group_root);
  // One process: the whole block.
  const auto single = distribute_kpoints(cost, 1, 0);
  EXPECT_EQ(single.band_ranks, 1);
  const BandSlice all = band_slice(23, single.band_rank, single.band_ranks);
  EXPECT_EQ(all.first, 0u);
  EXPECT_EQ(all.count, 23u);
}

}  // namespace
}  // namespace fw::dft
