/// \file test_threads_per_kpoint.cpp
/// \brief Threads that share one k-point (fewer k-points than threads: Γ-only cells) give the
/// single-threaded numbers: threaded FFTW whole-grid transforms, and an SCF whose threads split
/// each k-point's bands.
#include <gtest/gtest.h>

#include <random>

#include "dft/basis/fft_grid.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(ThreadsPerKPoint, ThreadedWholeGridTransformsEqualSingleThreaded) {
  const FftGrid grid{{30, 24, 20}};
  const FftPlans serial(grid, 1), threaded(grid, 2);
  EXPECT_EQ(threaded.threads(), 2);
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  FftBuffer a(grid.size()), b(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) a[i] = b[i] = Complex(u(rng), u(rng));
  serial.to_real_space(a.data());
  threaded.to_real_space(b.data());
  double largest = 0.0, diff = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    largest = std::max(largest, std::abs(a[i]));
    diff = std::max(diff, std::abs(a[i] - b[i]));
  }
  EXPECT_LE(diff, 1e-12 * largest);
  serial.to_reciprocal_space(a.data());
  threaded.to_reciprocal_space(b.data());
  largest = diff = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    largest = std::max(largest, std::abs(a[i]));
    diff = std::max(diff, std::abs(a[i] - b[i]));
  }
  EXPECT_LE(diff, 1e-12 * largest);
}

ScfSettings small_settings(int threads, std::array<int, 3> mesh) {
  ScfSettings s = testing::small_pbe_settings(12.0, mesh, 1e-10);
  s.threads = threads;
  return s;
}

TEST(ThreadsPerKPoint, GammaOnlyScfWithTwoThreadsOnItsBandsEqualsOneThread) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  const ScfResult one = run_scf(crystal, small_settings(1, {1, 1, 1}));
  const ScfResult two = run_scf(crystal, small_settings(2, {1, 1, 1}));
  ASSERT_TRUE(one.converged);
  ASSERT_TRUE(two.converged);
  EXPECT_EQ(two.threads_per_rank, 2);
  EXPECT_EQ(two.threads_per_kpoint, 2);  // one k-point: both threads on its bands and FFTs
  EXPECT_EQ(one.iterations, two.iterations);
  EXPECT_NEAR(two.free_energy_hartree, one.free_energy_hartree, 1e-10);
  for (std::size_t b = 0; b < one.eigenvalues_hartree[0].size(); ++b)
    EXPECT_NEAR(two.eigenvalues_hartree[0][b], one.eigenvalues_hartree[0][b], 1e-9) << b;
}

TEST(ThreadsPerKPoint, ThreadsStayOverKPointsWhereEachHasOne) {
  FW_REQUIRE_AU_PSP8();
  const ScfResult r = run_scf(testing::fcc_au_primitive(), small_settings(2, {2, 2, 2}));
  ASSERT_GE(r.kpoints.size(), 2u);
  EXPECT_EQ(r.threads_per_rank, 2);
  EXPECT_EQ(r.threads_per_kpoint, 1);
}

}  // namespace
}  // namespace fw::dft
