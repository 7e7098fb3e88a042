/// \file test_cleave.cpp
/// \brief The paper's cut crystal: atoms conserved, parts separated, cut areas from geometry.
#include <gtest/gtest.h>

#include <cmath>

#include "slabs/cleave.hpp"

using namespace fw;
using namespace fw::slabs;

namespace {
constexpr double kA = 4.08;
constexpr double kEdge = 5 * kA;  // the paper's 20.4 Å

CleavedCrystal cut(const Miller& hkl) {
  CleaveSpec spec;
  spec.a_A = kA;
  spec.hkl = hkl;
  return cleave_crystal(spec);
}

void expect_parts_separated_by_plane(const CleavedCrystal& c, const Miller& hkl) {
  const Vec3 n = normalized(Vec3{double(hkl[0]), double(hkl[1]), double(hkl[2])});
  double max1 = -1e300, min2 = 1e300;
  for (const Atom& a : c.part1.atoms) max1 = std::max(max1, dot(n, a.position));
  for (const Atom& a : c.part2.atoms) min2 = std::min(min2, dot(n, a.position));
  EXPECT_LT(max1, min2);
}
}  // namespace

TEST(Cleave, PaperCrystalHas500AtomsAnd20Point4AngstromEdge) {
  const CleavedCrystal c = cut({1, 0, 0});
  EXPECT_EQ(c.crystal.size(), 500u);
  double lo = 1e300, hi = -1e300;
  for (const Atom& a : c.crystal.atoms)
    lo = std::min(lo, a.position.x), hi = std::max(hi, a.position.x);
  EXPECT_NEAR(hi - lo, kEdge - kA / 2, 1e-9);  // outermost atom planes: 4.5 a apart
}

TEST(Cleave, CleavingConservesAtomsForEveryFacet) {
  for (const Miller& hkl : {Miller{1, 0, 0}, Miller{1, 1, 0}, Miller{1, 1, 1}}) {
    const CleavedCrystal c = cut(hkl);
    EXPECT_EQ(c.part1.size() + c.part2.size(), c.crystal.size());
    EXPECT_GT(c.part1.size(), 100u);
    EXPECT_GT(c.part2.size(), 100u);
    expect_parts_separated_by_plane(c, hkl);
  }
}

TEST(Cleave, Cut100IsASquareOfTheCubeFaceAndSplitsInHalves) {
  const CleavedCrystal c = cut({1, 0, 0});
  EXPECT_NEAR(c.cut_area_A2, kEdge * kEdge, 1e-9);
  EXPECT_EQ(c.part1.size(), 250u);
}

TEST(Cleave, Cut110IsARectangleShortenedByTheHalfLayerShift) {
  const CleavedCrystal c = cut({1, 1, 0});
  // The plane x + y = c (relative to the centre) crosses the square face in a chord of length
  // √2·(L − |c|); with the plane shifted by s along n̂, c = √2·s.
  const double s = c.plane_offset_A;
  EXPECT_NEAR(s, kA / (4 * std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(c.cut_area_A2, kEdge * std::sqrt(2.0) * (kEdge - std::sqrt(2.0) * s), 1e-9);
}

TEST(Cleave, Cut111ThroughTheCentreIsARegularHexagon) {
  const CleavedCrystal c = cut({1, 1, 1});
  EXPECT_NEAR(c.plane_offset_A, 0.0, 1e-12);
  EXPECT_NEAR(c.cut_area_A2, 3 * std::sqrt(3.0) / 4 * kEdge * kEdge, 1e-9);
}

TEST(Cleave, CubeCrossSectionNearACornerIsATriangle) {
  // Plane x + y + z = t cuts the unit-edge cube corner in an equilateral triangle of side t√2.
  const double t = 0.3;
  EXPECT_NEAR(cube_cross_section_area_A2(1.0, {1, 1, 1}, t / std::sqrt(3.0)),
              std::sqrt(3.0) / 4 * 2 * t * t, 1e-12);
}
