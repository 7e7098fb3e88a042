/// \file test_neighbor_list.cpp
/// \brief The half list holds exactly the pairs a brute-force image search finds; bad cells fail.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/error.hpp"
#include "md/neighbor_list.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

/// Multiset of pair distances, rounded, by brute force over images -2..2.
std::multiset<long> brute_force_pairs(const System& s, double r_list) {
  std::multiset<long> out;
  const int range = 2;
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

TEST(NeighborList, CellNarrowerThanTwiceCutoffIsAnError) {
  System s = test::fcc_crystal(2, 3, 3);  // 8.16 Å < 2 x 5.55 Å
  NeighborList list(5.55, 1.0);
  try {
    list.build(s);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("twice the potential cutoff"), std::string::npos)
        << e.what();
  }
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
