/// \file test_fcc.cpp
/// \brief fcc bulk facts: volume per atom a³/4, nearest neighbours a/√2 (12 of them).
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "slabs/fcc.hpp"

using namespace fw;
using namespace fw::slabs;

TEST(FccBulk, PrimitiveCellHasVolumeAQuarterCubedAndOneAtom) {
  const Structure s = fcc_bulk("Au", 4.08, FccCell::primitive);
  EXPECT_EQ(s.size(), 1u);
  EXPECT_NEAR(s.volume(), std::pow(4.08, 3) / 4, 1e-12);
}

TEST(FccBulk, ConventionalCellHasFourAtomsAndCubeVolume) {
  const Structure s = fcc_bulk("Au", 4.08, FccCell::conventional);
  EXPECT_EQ(s.size(), 4u);
  EXPECT_NEAR(s.volume(), std::pow(4.08, 3), 1e-12);
}

TEST(FccBulk, NearestNeighbourDistanceIsAOverRootTwoAcrossPeriodicImages) {
  const double a = 4.08;
  EXPECT_NEAR(fcc_bulk("Au", a, FccCell::primitive).min_distance(), a / std::sqrt(2.0), 1e-12);
  const Structure conv = fcc_bulk("Au", a, FccCell::conventional);
  EXPECT_NEAR(conv.min_distance(), a / std::sqrt(2.0), 1e-12);
  // Atom 0 at the origin: 12 neighbours at a/√2 in a 2x2x2 supercell.
  const Structure big = conv.repeated(2, 2, 2);
  int neighbours = 0;
  for (std::size_t j = 1; j < big.size(); ++j)
    if (std::abs(big.distance(0, j) - a / std::sqrt(2.0)) < 1e-9) ++neighbours;
  EXPECT_EQ(neighbours, 12);
}

TEST(FccBulk, RejectsNonPositiveLatticeConstantAndUnknownElement) {
  EXPECT_THROW(fcc_bulk("Au", 0.0), InputError);
  EXPECT_THROW(fcc_bulk("Au", -1.0), InputError);
  EXPECT_THROW(fcc_bulk("Xx", 4.08), InputError);
}
