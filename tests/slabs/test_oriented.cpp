/// \file test_oriented.cpp
/// \brief (hkl) cells against textbook fcc geometry: areas, spacings, one atom per layer.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "slabs/oriented.hpp"

using namespace fw;
using namespace fw::slabs;

namespace {
constexpr double kA = 4.08;

struct PlaneFact {
  Miller hkl;
  double area;
  double spacing;
  int period;
};

// Textbook fcc: (100) a²/2, a/2, ABAB; (110) a²/√2, a/(2√2), ABAB; (111) √3a²/4, a/√3, ABC.
const PlaneFact kFacts[] = {
    {{1, 0, 0}, kA* kA / 2, kA / 2, 2},
    {{1, 1, 0}, kA* kA / std::sqrt(2.0), kA / (2 * std::sqrt(2.0)), 2},
    {{1, 1, 1}, std::sqrt(3.0) * kA* kA / 4, kA / std::sqrt(3.0), 3},
};
}  // namespace

class PlaneFacts : public ::testing::TestWithParam<PlaneFact> {};

TEST_P(PlaneFacts, AreaSpacingAndStackingPeriodMatchTextbook) {
  const PlaneFact f = GetParam();
  const PlaneGeometry g = fcc_plane_geometry(kA, f.hkl);
  EXPECT_NEAR(g.area_A2, f.area, 1e-10);
  EXPECT_NEAR(g.layer_spacing_A, f.spacing, 1e-10);
  EXPECT_EQ(g.stacking_period, f.period);
}

TEST_P(PlaneFacts, OrientedBulkHasOneAtomPerLayerAndBulkNeighbourDistance) {
  const PlaneFact f = GetParam();
  OrientedSpec spec;
  spec.a_A = kA;
  spec.hkl = f.hkl;
  spec.layers = 6;
  const Structure s = oriented_bulk(spec);
  EXPECT_EQ(s.size(), 6u);
  // Volume per atom of fcc is a³/4 whatever the orientation.
  EXPECT_NEAR(s.volume() / s.size(), kA * kA * kA / 4, 1e-9);
  // In-plane cell lies in xy; its area is the 1x1 area.
  EXPECT_NEAR(s.cell[0].z, 0.0, 1e-12);
  EXPECT_NEAR(s.cell[1].z, 0.0, 1e-12);
  EXPECT_NEAR(norm(cross(s.cell[0], s.cell[1])), f.area, 1e-10);
  // Layers are stacked along z by the layer spacing.
  for (const Atom& atom : s.atoms) EXPECT_NEAR(atom.position.z, atom.layer * f.spacing, 1e-9);
  // The periodic crystal is perfect fcc: nearest neighbours at a/√2, across boundaries too.
  EXPECT_NEAR(s.min_distance(), kA / std::sqrt(2.0), 1e-9);
}

TEST_P(PlaneFacts, SlabHasRequestedVacuumGapAndCountsWithRepeat) {
  const PlaneFact f = GetParam();
  OrientedSpec spec;
  spec.a_A = kA;
  spec.hkl = f.hkl;
  spec.layers = 9;
  spec.repeat_a = 2;
  spec.repeat_b = 3;
  const Structure s = slab_with_vacuum(spec, 12.0);
  EXPECT_EQ(s.size(), 9u * 6u);
  EXPECT_NEAR(slab_thickness_A(s), 8 * f.spacing, 1e-9);
  EXPECT_NEAR(s.cell[2].z - slab_thickness_A(s), 12.0, 1e-9);
  EXPECT_NEAR(norm(cross(s.cell[0], s.cell[1])), 6 * f.area, 1e-9);
  EXPECT_NEAR(s.min_distance(), kA / std::sqrt(2.0), 1e-9);
}

INSTANTIATE_TEST_SUITE_P(LowIndexFacets, PlaneFacts, ::testing::ValuesIn(kFacts),
                         [](const ::testing::TestParamInfo<PlaneFact>& info) {
                           const Miller& m = info.param.hkl;
                           return "hkl" + std::to_string(m[0]) + std::to_string(m[1]) +
                                  std::to_string(m[2]);
                         });

TEST(Oriented, HighIndexPlaneConservesVolumePerAtom) {
  OrientedSpec spec;
  spec.hkl = {2, 1, 0};
  spec.layers = 10;
  const Structure s = oriented_bulk(spec);
  const PlaneGeometry g = fcc_plane_geometry(kA, spec.hkl);
  EXPECT_NEAR(g.area_A2 * g.layer_spacing_A, kA * kA * kA / 4, 1e-9);
  EXPECT_NEAR(s.min_distance(), kA / std::sqrt(2.0), 1e-9);
}

TEST(Oriented, NonReducedIndicesGiveTheSamePlane) {
  EXPECT_NEAR(fcc_plane_geometry(kA, {2, 2, 0}).area_A2, fcc_plane_geometry(kA, {1, 1, 0}).area_A2,
              1e-12);
}

TEST(Oriented, RejectsBadLayersRepeatAndVacuum) {
  OrientedSpec spec;
  spec.layers = 0;
  EXPECT_THROW(oriented_bulk(spec), InputError);
  spec.layers = 3;
  spec.repeat_a = 0;
  EXPECT_THROW(oriented_bulk(spec), InputError);
  spec.repeat_a = 1;
  EXPECT_THROW(slab_with_vacuum(spec, -1.0), InputError);
}

// A gap below one layer spacing is refused (it was raised silently, issue 21); 0 means no vacuum:
// the planes continue periodically, one spacing apart across the boundary, and the comment says so.
// A surface energy needs a surface, so its callers refuse 0 too.
TEST(Oriented, ZeroVacuumIsThePeriodicCrystalAndASubLayerGapIsRefused) {
  OrientedSpec spec;
  spec.hkl = {1, 0, 0};
  spec.layers = 4;
  const double d = fcc_plane_geometry(spec.a_A, spec.hkl).layer_spacing_A;
  EXPECT_THROW(slab_with_vacuum(spec, 0.5 * d), InputError);
  const Structure bulk = slab_with_vacuum(spec, 0.0);
  EXPECT_NEAR(bulk.cell[2][2], 4 * d, 1e-12);
  EXPECT_NE(bulk.comment.find("no vacuum"), std::string::npos) << bulk.comment;
  EXPECT_THROW(check_slab_vacuum(0.0, spec.a_A, {spec.hkl}, "--vacuum"), InputError);
  EXPECT_NO_THROW(check_slab_vacuum(d, spec.a_A, {spec.hkl}, "--vacuum"));
}

TEST(Miller, ParsesCompactCommaAndNegativeForms) {
  EXPECT_EQ(parse_miller("110"), (Miller{1, 1, 0}));
  EXPECT_EQ(parse_miller("1-10"), (Miller{1, -1, 0}));
  EXPECT_EQ(parse_miller("1,1,1"), (Miller{1, 1, 1}));
  EXPECT_EQ(parse_miller("2 -1 0"), (Miller{2, -1, 0}));
  EXPECT_THROW(parse_miller("000"), InputError);
  EXPECT_THROW(parse_miller("11"), InputError);
  EXPECT_THROW(parse_miller("abc"), InputError);
}
