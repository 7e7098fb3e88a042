/// \file test_neighbor_list.cpp
/// \brief The half list holds exactly the pairs a brute-force image search finds; bad cells fail.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/error.hpp"
#include "md/engine/neighbor_list.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

/// Multiset of pair distances, rounded, by brute force over images -range..range.
std::multiset<long> brute_force_pairs(const System& s, double r_list, int range = 2) {
  std::multiset<long> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::size_t j = i; j < s.size(); ++j) {
      for (int a = -range; a <= range; ++a)
        for (int b = -range; b <= range; ++b)
          for (int c = -range; c <= range; ++c) {
            if ((!s.pbc[0] && a) || (!s.pbc[1] && b) || (!s.pbc[2] && c)) continue;
            if (i == j && (c < 0 || (c == 0 && (b < 0 || (b == 0 && a <= 0))))) continue;
            const Vec3 t = Vec3{double(a), double(b), double(c)} * s.cell;
            const double r = norm(s.position(j) + t - s.position(i));
            if (r < r_list) out.insert(std::lround(r * 1e6));
          }
    }
  }
  return out;
}

std::multiset<long> list_pairs(const System& s, const NeighborList& list) {
  std::multiset<long> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::uint32_t k = list.begin(i); k < list.end(i); ++k) {
      const std::uint32_t j = list.neighbors()[k];
      Vec3 d = s.position(j) - s.position(i);
      if (k >= list.shifted_begin(i)) d += list.shift_vectors()[list.shift_indices()[k]];
      out.insert(std::lround(norm(d) * 1e6));
    }
  }
  return out;
}

TEST(NeighborList, TriclinicPeriodicListEqualsBruteForce) {
  System s = test::fcc_crystal(3, 3, 3);
  s.cell = Mat3{{Vec3{12.24, 0, 0}, Vec3{3.0, 12.0, 0}, Vec3{2.0, 1.5, 12.5}}};
  test::perturb(s, 0.3, 1);
  NeighborList list(5.55, 1.0);
  list.build(s, true);
  EXPECT_EQ(list_pairs(s, list), brute_force_pairs(s, 6.55));
}

TEST(NeighborList, MixedOpenAndPeriodicAxesEqualBruteForce) {
  System s = test::fcc_crystal(3, 3, 4);
  s.pbc = {true, false, true};
  test::perturb(s, 0.3, 2);
  NeighborList list(5.55, 0.5);
  list.build(s);
  EXPECT_EQ(list_pairs(s, list), brute_force_pairs(s, 6.05));
}

TEST(NeighborList, RebuildIsRequestedOnlyAfterHalfSkinDisplacement) {
  System s = test::fcc_crystal(3, 3, 3);
  NeighborList list(5.55, 1.0);
  list.build(s);
  s.x[0] += 0.49;
  EXPECT_FALSE(list.needs_rebuild(s));
  s.x[0] += 0.02;
  EXPECT_TRUE(list.needs_rebuild(s));
}

TEST(NeighborList, CellsNarrowerThanTwiceTheCutoffListEveryImage) {
  // 8.16 Å < 2 x 5.55 Å along a: two images of some atoms within reach.
  System s = test::fcc_crystal(2, 3, 3);
  test::perturb(s, 0.2, 4);
  NeighborList list(5.55, 1.0);
  list.build(s);
  EXPECT_EQ(list_pairs(s, list), brute_force_pairs(s, 6.55));
  // One conventional cube (4 atoms, 4.08 Å): images up to ±2 cells away.
  System cube = test::fcc_crystal(1, 1, 1);
  test::perturb(cube, 0.1, 6);
  NeighborList cube_list(5.55, 1.0);
  cube_list.build(cube);
  EXPECT_EQ(list_pairs(cube, cube_list), brute_force_pairs(cube, 6.55, 3));
  // One atom: only its own images, 78 within 6.55 Å in fcc (shells at 2.89, 4.08, 5.00, 5.77
  // and 6.45 Å hold 12 + 6 + 24 + 12 + 24), half of each ± pair stored: 39 list entries.
  System one;
  const double h = 4.08 / 2;
  one.cell = Mat3{{Vec3{0, h, h}, Vec3{h, 0, h}, Vec3{h, h, 0}}};
  one.add_atom(one.type_index("Au", 196.97), Vec3{0, 0, 0});
  NeighborList one_list(5.55, 1.0);
  one_list.build(one);
  EXPECT_EQ(one_list.pair_count(), 39u);
  EXPECT_EQ(list_pairs(one, one_list), brute_force_pairs(one, 6.55, 4));
}

TEST(NeighborList, OverlappingAtomsAreAnError) {
  System s = test::fcc_crystal(3, 3, 3);
  s.x[3] = s.x[0] + 0.1;
  s.x[4] = s.x[1];
  s.x[5] = s.x[2];
  NeighborList list(5.55, 1.0);
  EXPECT_THROW(list.build(s), InputError);
}

}  // namespace
}  // namespace fw::md
