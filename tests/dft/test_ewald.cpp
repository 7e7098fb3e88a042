/// \file test_ewald.cpp
/// \brief Ewald sums against Madelung constants and ABINIT's ion–ion energy of fcc Au.
#include <gtest/gtest.h>

#include <cmath>

#include "dft/terms/ewald.hpp"

namespace fw::dft {
namespace {

TEST(Ewald, RockSaltMadelungConstant) {
  // NaCl in its fcc primitive cell, ions ±1, nearest-neighbour distance d: E per ion pair =
  // −1.747565/d.
  const double a = 2.0;  // conventional cube, d = a/2
  const Mat3 cell{{Vec3{0, a / 2, a / 2}, Vec3{a / 2, 0, a / 2}, Vec3{a / 2, a / 2, 0}}};
  const auto r = ewald(cell, {Vec3{0, 0, 0}, Vec3{0.5, 0.5, 0.5}}, {1.0, -1.0});
  EXPECT_NEAR(r.energy_hartree, -1.747564594633 / (a / 2), 1e-10);
  for (const auto& f : r.forces_hartree_per_bohr) EXPECT_NEAR(norm(f), 0.0, 1e-10);
}

TEST(Ewald, CesiumChlorideMadelungConstant) {
  const double a = 3.0;  // d = a√3/2
  const auto r = ewald(Mat3::diagonal(a, a, a), {Vec3{0, 0, 0}, Vec3{0.5, 0.5, 0.5}}, {1.0, -1.0});
  EXPECT_NEAR(r.energy_hartree, -1.762674773070 / (a * std::sqrt(3.0) / 2), 1e-10);
}

TEST(Ewald, FccAuMatchesAbinitIonIonEnergy) {
  // ABINIT 9.6.2, Z_val = 19, a = 7.7100826222 bohr: Ewald energy −107.335763432358 Ha.
  const double a = 7.7100826222;
  const Mat3 cell{{Vec3{0, a / 2, a / 2}, Vec3{a / 2, 0, a / 2}, Vec3{a / 2, a / 2, 0}}};
  EXPECT_NEAR(ewald(cell, {Vec3{0, 0, 0}}, {19.0}).energy_hartree, -107.335763432358, 1e-9);
}

TEST(Ewald, ForcesAreMinusTheEnergyGradient) {
  const double a = 5.0, h = 1e-5;
  std::vector<Vec3> pos{Vec3{0.1, 0.02, 0.0}, Vec3{0.45, 0.55, 0.5}, Vec3{0.7, 0.2, 0.3}};
  const std::vector<double> q{2.0, -1.0, 1.5};
  const Mat3 cell = Mat3::diagonal(a, a * 1.1, a * 0.9);
  const auto r = ewald(cell, pos, q);
  for (int d = 0; d < 3; ++d) {
    auto plus = pos, minus = pos;
    plus[1][d] += h / (d == 0 ? a : d == 1 ? a * 1.1 : a * 0.9);
    minus[1][d] -= h / (d == 0 ? a : d == 1 ? a * 1.1 : a * 0.9);
    const double fd =
        -(ewald(cell, plus, q).energy_hartree - ewald(cell, minus, q).energy_hartree) / (2 * h);
    EXPECT_NEAR(r.forces_hartree_per_bohr[1][d], fd, 1e-7);
  }
}

}  // namespace
}  // namespace fw::dft
