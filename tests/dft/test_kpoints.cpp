/// \file test_kpoints.cpp
/// \brief Irreducible k-points of fcc meshes against ABINIT's counts and weights.
#include <gtest/gtest.h>

#include <algorithm>

#include "dft/basis/kpoints.hpp"
#include "dft/basis/plane_wave_basis.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

Crystal fcc_without_pseudo() {
  const double a = testing::kAbinitAuLatticeBohr;
  Crystal c;
  c.cell_bohr = Mat3{{Vec3{0, a / 2, a / 2}, Vec3{a / 2, 0, a / 2}, Vec3{a / 2, a / 2, 0}}};
  c.positions_frac = {Vec3{0, 0, 0}};
  c.species_of_atom = {0};
  return c;
}

TEST(KPoints, FccGammaCentredMeshesReduceLikeAbinit) {
  const auto crystal = fcc_without_pseudo();
  const FftGrid grid{{24, 24, 24}};
  const auto ops = grid_compatible_symmetry(crystal, grid, true);
  EXPECT_EQ(ops.size(), 48u);
  const auto k12 = irreducible_monkhorst_pack({12, 12, 12}, {0, 0, 0}, ops, true);
  EXPECT_EQ(k12.size(), 72u);  // ABINIT 9.6.2, kptopt 1
  const auto k4 = irreducible_monkhorst_pack({4, 4, 4}, {0, 0, 0}, ops, true);
  ASSERT_EQ(k4.size(), 8u);
  std::vector<double> w;
  double sum = 0.0;
  for (const auto& k : k4) {
    w.push_back(k.weight);
    sum += k.weight;
  }
  std::sort(w.begin(), w.end());
  // ABINIT's weights: 1, 8, 4, 6, 24, 12, 3, 6 (/64).
  const std::vector<double> expected{1 / 64., 3 / 64., 4 / 64.,  6 / 64.,
                                     6 / 64., 8 / 64., 12 / 64., 24 / 64.};
  for (std::size_t i = 0; i < 8; ++i) EXPECT_NEAR(w[i], expected[i], 1e-12);
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(KPoints, PlaneWaveCountsMatchAbinitAtGamma) {
  const auto crystal = fcc_without_pseudo();
  const auto grid = choose_fft_grid(crystal.cell_bohr, 20.0);
  EXPECT_EQ(grid.n, (std::array<int, 3>{24, 24, 24}));  // ABINIT ngfft at 20 Ha
  EXPECT_EQ(choose_fft_grid(crystal.cell_bohr, 25.0).n[0], 27);
  EXPECT_EQ(choose_fft_grid(crystal.cell_bohr, 30.0).n[0], 30);
  EXPECT_EQ(choose_fft_grid(crystal.cell_bohr, 45.0).n[0], 36);
  const auto basis = make_kpoint_basis(crystal, grid, KPoint{Vec3{0, 0, 0}, 1.0}, 20.0);
  EXPECT_EQ(basis.size(), 531u);  // ABINIT npw at Γ, istwfk 1
}

}  // namespace
}  // namespace fw::dft
