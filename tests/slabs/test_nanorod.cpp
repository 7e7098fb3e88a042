/// \file test_nanorod.cpp
/// \brief Nanorods: every atom obeys every facet bound and every lattice point that obeys them is
/// kept.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "slabs/nanorod.hpp"

using namespace fw;
using namespace fw::slabs;

TEST(Nanorod, FamilyNormalsHaveTheCubicMultiplicities) {
  EXPECT_EQ(family_normals({1, 0, 0}).size(), 6u);
  EXPECT_EQ(family_normals({1, 1, 0}).size(), 12u);
  EXPECT_EQ(family_normals({1, 1, 1}).size(), 8u);
}

TEST(Nanorod, SquareRodAlong100CountsLatticePointsInTheBox) {
  // {100} sides at 2a from the axis, length 6a: the rod is the box |x| <= 3a, |y|,|z| <= 2a of
  // an fcc lattice with a point at the origin. Count those points directly.
  const double a = 4.08;
  NanorodSpec spec;
  spec.a_A = a;
  spec.axis = {1, 0, 0};
  spec.sides = {{{1, 0, 0}, 2 * a}};
  spec.length_A = 6 * a;
  const Structure rod = build_nanorod(spec);
  int expected = 0;
  for (int i = -6; i <= 6; ++i)
    for (int j = -4; j <= 4; ++j)
      for (int k = -4; k <= 4; ++k)
        if ((i + j + k) % 2 == 0) ++expected;
  EXPECT_EQ(static_cast<int>(rod.size()), expected);
  EXPECT_NEAR(rod.min_distance(), a / std::sqrt(2.0), 1e-9);
}

TEST(Nanorod, OctagonalRodRespectsBothSideFamiliesAndIsAlignedWithZ) {
  const double a = 4.08;
  NanorodSpec spec;
  spec.axis = {1, 0, 0};
  spec.sides = {{{1, 0, 0}, 10.0}, {{1, 1, 0}, 11.0}};
  spec.length_A = 40.0;
  const Structure rod = build_nanorod(spec);
  double zlo = 1e300, zhi = -1e300;
  for (const Atom& atom : rod.atoms)
    zlo = std::min(zlo, atom.position.z), zhi = std::max(zhi, atom.position.z);
  // End planes are (100) layers (spacing a/2) within ±20 Å of the centre atom: ±9 layers, ±18.36 Å.
  EXPECT_NEAR(zhi - zlo, 2 * std::floor(20.0 / (a / 2)) * (a / 2), 1e-9);
  // The {110} bound cuts corners: the rod is smaller than the square {100} rod.
  NanorodSpec square = spec;
  square.sides = {{{1, 0, 0}, 10.0}};
  EXPECT_LT(rod.size(), build_nanorod(square).size());
}

TEST(Nanorod, TipFacetsRemoveAtomsAtTheEnds) {
  NanorodSpec spec;
  spec.axis = {1, 0, 0};
  spec.sides = {{{1, 0, 0}, 8.0}};
  spec.length_A = 30.0;
  const std::size_t flat = build_nanorod(spec).size();
  spec.tips = {{{1, 1, 1}, 4.0}};
  EXPECT_LT(build_nanorod(spec).size(), flat);
}

TEST(Nanorod, RejectsMissingSidesAndSideFamilyNotParallelToAxis) {
  NanorodSpec spec;
  EXPECT_THROW(build_nanorod(spec), InputError);
  spec.axis = {1, 1, 1};
  spec.sides = {{{1, 0, 0}, 8.0}};
  EXPECT_THROW(build_nanorod(spec), InputError);
}
