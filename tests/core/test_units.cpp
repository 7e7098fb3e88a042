/// \file test_units.cpp
/// \brief Unit conversions against CODATA-derived values computed independently.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "core/vec3.hpp"

using namespace fw;

TEST(Units, OneEVPerSquareAngstromIs16Point02JoulePerSquareMetre) {
  EXPECT_NEAR(units::eV_per_A2_to_J_per_m2(1.0), 16.02176634, 1e-8);
}

TEST(Units, HartreePerBohrCubedIs29421GPa) {
  // CODATA: 1 Ha/bohr^3 = 2.9421015697e4 GPa.
  EXPECT_NEAR(units::kHartreePerBohr3InGPa, 29421.015697, 1e-3);
}

TEST(Units, HartreeAndBohrAreCodata2018) {
  EXPECT_DOUBLE_EQ(units::hartree_to_eV(1.0), 27.211386245988);
  EXPECT_DOUBLE_EQ(units::bohr_to_angstrom(1.0), 0.529177210903);
  EXPECT_NEAR(units::angstrom_to_bohr(units::bohr_to_angstrom(3.7)), 3.7, 1e-14);
}

TEST(Mat3, InverseTimesMatrixIsIdentityForSkewCell) {
  const Mat3 m{{Vec3{0, 2.04, 2.04}, Vec3{2.04, 0, 2.04}, Vec3{2.04, 2.04, 0}}};
  const Mat3 p = m * inverse(m);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(p[i][j], i == j ? 1.0 : 0.0, 1e-14);
  const Mat3 b = reciprocal_rows(m);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(dot(b[i], m[j]), i == j ? 1.0 : 0.0, 1e-14);
}
