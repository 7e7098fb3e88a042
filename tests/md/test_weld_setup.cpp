/// \file test_weld_setup.cpp
/// \brief Wulff rods from a facet table, the two-rod geometry, principal axes and angles.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "core/units.hpp"
#include "md/analysis/rods.hpp"
#include "md/formats/structure_bridge.hpp"
#include "md/weld/placement.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

constexpr double kA = 4.08;

RodShapeSettings small_rod() {
  RodShapeSettings s;
  s.radius_A = 7.0;
  s.length_A = 40.0;
  s.wulff_tips = true;
  return s;
}

std::vector<std::size_t> atoms_of_rod(const slabs::Structure& s, int rod) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.atoms[i].rod == rod) out.push_back(i);
  return out;
}

TEST(WeldSetup, WulffDistancesAreProportionalToGamma) {
  const RodShape shape = wulff_rod_shape(test::au_eam_facet_table(), small_rod(), "table");
  double d100 = 0, d110 = 0, d111 = 0;
  for (const WulffFacet& f : shape.facets) {
    if (f.family == slabs::Miller{1, 0, 0} && f.role == "side") d100 = f.distance_A;
    if (f.family == slabs::Miller{1, 1, 0} && f.role == "side") d110 = f.distance_A;
    if (f.family == slabs::Miller{1, 1, 1}) d111 = f.distance_A;
  }
  // {100} has the lowest side γ, so it sits at the inscribed radius.
  EXPECT_DOUBLE_EQ(d100, 7.0);
  EXPECT_NEAR(d110 / d100, 0.977 / 0.915, 1e-12);
  EXPECT_NEAR(d111 / d100, 0.786 / 0.915, 1e-12);
  ASSERT_EQ(shape.spec.sides.size(), 2u);
  // Tips: {110} and {111} caps, placed about a Wulff centre d_100 below the end face.
  ASSERT_EQ(shape.spec.tips.size(), 2u);
  for (const auto& tip : shape.spec.tips) {
    const double along =
        tip.family == slabs::Miller{1, 1, 1} ? 1 / std::sqrt(3.0) : 1 / std::sqrt(2.0);
    const double d = tip.family == slabs::Miller{1, 1, 1} ? d111 : d110;
    EXPECT_NEAR(tip.distance_A, d - along * d100, 1e-12);
  }
  EXPECT_NEAR(shape.layer_spacing_A, kA / 2, 1e-12);
}

/// The cross-section follows the facet table: with the EAM table ({100} lowest γ among the sides)
/// the {100} sides are the nearest and widest, with the paper's DFT E_dis (0.133 / 0.109 / 0.087
/// eV/Å²: {110} below {100}) the {110} sides are; the two rods differ.
TEST(WeldSetup, TwoFacetTablesGiveTwoCrossSections) {
  slabs::FacetTable paper = test::au_eam_facet_table();
  paper.engine = "vasp";
  const double e_dis[] = {0.133, 0.109, 0.087};
  for (std::size_t k = 0; k < 3; ++k) paper.facets[k].e_dis_eV_per_A2 = e_dis[k];
  RodShapeSettings flat = small_rod();
  flat.wulff_tips = false;
  flat.radius_A = 9.0;
  const auto extents = [&](const slabs::FacetTable& table, long& atoms) {
    const slabs::Structure rod = slabs::build_nanorod(wulff_rod_shape(table, flat, "table").spec);
    atoms = static_cast<long>(rod.size());
    Vec3 c{};
    for (const auto& a : rod.atoms) c += a.position;
    c = c / static_cast<double>(rod.size());
    // Builder frame of a [100] rod: x = [010], y = [001]; {100} sides ⟂ x, y; {110} ⟂ (x ± y).
    double along_100 = 0, along_110 = 0;
    for (const auto& a : rod.atoms) {
      const Vec3 d = a.position - c;
      along_100 = std::max({along_100, std::abs(d.x), std::abs(d.y)});
      along_110 = std::max(
          {along_110, std::abs(d.x + d.y) / std::sqrt(2.0), std::abs(d.x - d.y) / std::sqrt(2.0)});
    }
    return std::pair{along_100, along_110};
  };
  long atoms_eam = 0, atoms_paper = 0;
  const auto [eam_100, eam_110] = extents(test::au_eam_facet_table(), atoms_eam);
  const auto [paper_100, paper_110] = extents(paper, atoms_paper);
  EXPECT_LT(eam_100, eam_110 - 0.3);      // {100} facets nearest: an octagon of wide {100} sides
  EXPECT_GT(paper_100, paper_110 + 0.3);  // {110} facets nearest: wide {110} sides
  EXPECT_NE(atoms_eam, atoms_paper);
}

TEST(WeldSetup, TableWithoutSideFamilyIsRejected) {
  slabs::FacetTable t = test::au_eam_facet_table();
  t.facets.erase(t.facets.begin(), t.facets.begin() + 2);  // only {111} left
  EXPECT_THROW(wulff_rod_shape(t, small_rod(), "table"), InputError);
}

TEST(WeldSetup, BuiltRodPrincipalAxisIsItsAxis) {
  const RodShape shape = wulff_rod_shape(test::au_eam_facet_table(), small_rod(), "table");
  const slabs::Structure rod = slabs::build_nanorod(shape.spec);
  const System s = system_from_structure(rod);
  std::vector<std::size_t> all(s.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const PrincipalAxes ax = principal_axes(s, all);
  EXPECT_LT(axis_angle_deg(ax.long_axis(), Vec3{0, 0, 1}), 1e-6);
  EXPECT_GT(ax.eigenvalues_A2[0], 2 * ax.eigenvalues_A2[1]);
}

TEST(WeldSetup, JacobiDiagonalisesARotatedDiagonalMatrix) {
  const Mat3 r = rotation_about(Vec3{1, 2, 3}, 0.7);
  const Mat3 d = Mat3::diagonal(5, 2, 1);
  const Mat3 m = r * d * transpose(r);
  std::array<double, 3> values;
  std::array<Vec3, 3> vectors;
  symmetric_eigen_3x3(m, values, vectors);
  EXPECT_NEAR(values[0], 5, 1e-12);
  EXPECT_NEAR(values[1], 2, 1e-12);
  EXPECT_NEAR(values[2], 1, 1e-12);
  // Eigenvector k is the k-th column of r (up to sign).
  for (int k = 0; k < 3; ++k) {
    const Vec3 col{r[0][k], r[1][k], r[2][k]};
    EXPECT_NEAR(std::abs(dot(col, vectors[static_cast<std::size_t>(k)])), 1.0, 1e-12);
  }
}

class WeldAngle : public ::testing::TestWithParam<double> {};

TEST_P(WeldAngle, RotatingRod2ByThetaGivesAMeasuredAngleTheta) {
  const double theta = GetParam();
  const RodShape shape = wulff_rod_shape(test::au_eam_facet_table(), small_rod(), "table");
  const slabs::Structure rod = slabs::build_nanorod(shape.spec);
  WeldPairSettings ps;
  ps.angle_deg = theta;
  const WeldPair pair = make_weld_pair(rod, shape, ps);
  const System s = system_from_structure(pair.structure);
  const auto a1 = principal_axes(s, atoms_of_rod(pair.structure, 1));
  const auto a2 = principal_axes(s, atoms_of_rod(pair.structure, 2));
  EXPECT_NEAR(axis_angle_deg(a1.long_axis(), a2.long_axis()), theta, 1e-6);
  EXPECT_NEAR(axis_angle_deg(pair.rod2_axis, a2.long_axis()), 0.0, 1e-6);
  // Tags, sizes, the gap, and rod 2 above rod 1 along the axis.
  EXPECT_EQ(atoms_of_rod(pair.structure, 1).size(), rod.size());
  EXPECT_EQ(atoms_of_rod(pair.structure, 2).size(), rod.size());
  EXPECT_NEAR(pair.min_distance_A, ps.contact_distance_A, 1e-6);
  EXPECT_NEAR(pair.structure.min_distance(), std::min(ps.contact_distance_A, kA / std::sqrt(2.0)),
              1e-6);
  EXPECT_GT(a2.centroid_A.z, a1.centroid_A.z);
  // The tilt axis is a ⟨110⟩ direction perpendicular to the rod axis.
  EXPECT_NEAR(pair.tilt_axis.z, 0.0, 1e-12);
  EXPECT_NEAR(std::abs(pair.tilt_axis.x), std::sqrt(0.5), 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Angles, WeldAngle, ::testing::Values(0.0, 10.0, 45.0, 80.0, 90.0));

TEST(WeldSetup, ZeroAngleAtNearestNeighbourContactIsOnePerfectCrystal) {
  const RodShape shape = wulff_rod_shape(test::au_eam_facet_table(), small_rod(), "table");
  const slabs::Structure rod = slabs::build_nanorod(shape.spec);
  WeldPairSettings ps;
  ps.contact_distance_A = kA / std::sqrt(2.0);
  const WeldPair pair = make_weld_pair(rod, shape, ps);
  // Every atom sits on rod 1's fcc lattice: 2(r − r0)/a integer with an even sum (a [100] rod's
  // lab axes are cubic axes).
  const Vec3 r0 = pair.structure.atoms[0].position;
  for (const auto& atom : pair.structure.atoms) {
    const Vec3 n = (2.0 / kA) * (atom.position - r0);
    long sum = 0;
    for (int c = 0; c < 3; ++c) {
      ASSERT_NEAR(n[c], std::round(n[c]), 1e-6);
      sum += std::lround(n[c]);
    }
    ASSERT_EQ(sum % 2, 0);
  }
}

// Issue 21: a facet table with a_A = 1000 Å gives rods of a few atoms far apart laterally; the
// lift towards the contact distance looped for ever. It now stops once rod 2 has passed rod 1.
TEST(WeldSetup, RodsTooSparseToMeetAreAnInputErrorNotAHang) {
  slabs::FacetTable table = test::au_eam_facet_table();
  table.a_A = 1000.0;
  RodShapeSettings big = small_rod();
  big.radius_A = 1500.0;
  big.length_A = 3000.0;
  const RodShape shape = wulff_rod_shape(table, big, "table");
  const slabs::Structure rod = slabs::build_nanorod(shape.spec);
  ASSERT_FALSE(rod.atoms.empty());
  WeldPairSettings ps;
  ps.angle_deg = 45;
  try {
    make_weld_pair(rod, shape, ps);
    ADD_FAILURE() << "placed rods of " << rod.size() << " atoms at a = 1000 Å";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("never come within the contact distance"),
              std::string::npos)
        << e.what();
  }
}

TEST(WeldSetup, TiltAxisAlongTheRodIsRejected) {
  const RodShape shape = wulff_rod_shape(test::au_eam_facet_table(), small_rod(), "table");
  const slabs::Structure rod = slabs::build_nanorod(shape.spec);
  WeldPairSettings ps;
  ps.tilt_axis = {1, 1, 0};
  EXPECT_THROW(make_weld_pair(rod, shape, ps), InputError);
  ps.tilt_axis = {0, 1, 1};
  ps.angle_deg = 120;
  EXPECT_THROW(make_weld_pair(rod, shape, ps), InputError);
}

}  // namespace
}  // namespace fw::md
