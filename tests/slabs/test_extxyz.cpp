/// \file test_extxyz.cpp
/// \brief Extended XYZ round trip, tags and plain-XYZ fallback.
#include <gtest/gtest.h>

#include <sstream>

#include "core/error.hpp"
#include "slabs/cleave.hpp"
#include "slabs/io/extxyz.hpp"

using namespace fw;
using namespace fw::slabs;

TEST(ExtXyz, RoundTripKeepsCellPbcPositionsAndPartTags) {
  CleaveSpec spec;
  spec.cells = 2;
  spec.hkl = {1, 1, 1};
  Structure s = cleave_crystal(spec).crystal;
  s.pbc = {true, true, false};
  std::ostringstream out;
  write_extxyz(out, s);
  std::istringstream in(out.str());
  const Structure back = read_extxyz(in, "t.extxyz");
  ASSERT_EQ(back.size(), s.size());
  EXPECT_EQ(back.pbc, s.pbc);
  for (int i = 0; i < 3; ++i) EXPECT_LT(norm(back.cell[i] - s.cell[i]), 1e-12);
  for (std::size_t i = 0; i < s.size(); ++i) {
    EXPECT_LT(norm(back.atoms[i].position - s.atoms[i].position), 1e-12);
    EXPECT_EQ(back.atoms[i].part, s.atoms[i].part);
  }
}

TEST(ExtXyz, PlainXyzIsReadAsANonPeriodicCluster) {
  std::istringstream in("2\nplain\nAu 0 0 0\nAu 2.88 0 0\n");
  const Structure s = read_extxyz(in, "t.xyz");
  EXPECT_EQ(s.pbc, (std::array<bool, 3>{false, false, false}));
  EXPECT_NEAR(s.min_distance(), 2.88, 1e-12);
}

TEST(ExtXyz, TruncatedFileNamesTheMissingAtomLine) {
  std::istringstream in(
      "3\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nAu 0 0 0\n");
  try {
    read_extxyz(in, "t.extxyz");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
  }
}
