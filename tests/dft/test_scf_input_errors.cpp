/// \file test_scf_input_errors.cpp
/// \brief Settings the SCF cannot honour are refused up front as fw::InputError naming the option
/// (issue 13), and exceptions thrown inside OpenMP regions reach the caller instead of aborting.
#include <gtest/gtest.h>
#include <omp.h>

#include <stdexcept>

#include "core/error.hpp"
#include "dft/basis/plane_wave_basis.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/settings.hpp"
#include "dft/solver/memory_estimate.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

ScfSettings cheap_settings() {
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 12.0;
  s.kpoint_mesh = {2, 2, 2};
  s.xc_libxc_ids = {101, 130};
  s.threads = 1;
  s.compute_forces = false;
  return s;
}

/// The message of the InputError run_scf throws, or "" when it throws none.
std::string input_error(const Crystal& crystal, const ScfSettings& s) {
  try {
    run_scf(crystal, s);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ScfInputErrors, TooFewBandsForTheElectronsNamesNbands) {
  FW_REQUIRE_AU_PSP8();
  auto s = cheap_settings();
  s.n_bands = 1;  // Au.psp8 has 19 valence electrons: at least 10 bands
  const auto message = input_error(testing::fcc_au_primitive(), s);
  EXPECT_NE(message.find("--nbands"), std::string::npos) << message;
  EXPECT_NE(message.find("at least 10"), std::string::npos) << message;
}

TEST(ScfInputErrors, FftGridBelowTheDensitySphereNamesFftGrid) {
  FW_REQUIRE_AU_PSP8();
  auto s = cheap_settings();
  s.fft_grid = std::array<int, 3>{4, 4, 4};
  const auto message = input_error(testing::fcc_au_primitive(), s);
  EXPECT_NE(message.find("--fft-grid"), std::string::npos) << message;
}

TEST(ScfInputErrors, HugeCutoffIsRefusedBeforeAllocatingAndNamesEcut) {
  FW_REQUIRE_AU_PSP8();
  auto s = cheap_settings();
  s.ecut_hartree = 1e6;
  const auto message = input_error(testing::fcc_au_primitive(), s);
  EXPECT_NE(message.find("--ecut"), std::string::npos) << message;
}

TEST(ScfInputErrors, HugeKMeshIsRefusedBeforeAllocatingAndNamesKpts) {
  FW_REQUIRE_AU_PSP8();
  auto s = cheap_settings();
  s.kpoint_mesh = {1000, 1000, 1000};
  const auto message = input_error(testing::fcc_au_primitive(), s);
  EXPECT_NE(message.find("--kpts"), std::string::npos) << message;
}

TEST(ScfInputErrors, MemoryEstimateGrowsWithBandsKPointsAndCutoff) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  MemoryInputs in;
  in.ecut_hartree = 30.0;
  in.grid = choose_fft_grid(crystal.cell_bohr, 30.0);
  in.irreducible_kpoints = 72;
  in.full_mesh_points = 1728;
  in.n_bands = 14;
  const auto base = estimate_memory(crystal, in);
  // The sphere-volume estimate against the counted plane waves at Γ.
  const auto gamma = make_kpoint_basis(crystal, in.grid, KPoint{Vec3{0, 0, 0}, 1.0}, 30.0);
  EXPECT_NEAR(base.plane_waves_per_k, static_cast<double>(gamma.size()),
              0.03 * static_cast<double>(gamma.size()));
  EXPECT_NEAR(base.wavefunctions_bytes, 72 * base.plane_waves_per_k * 14 * 16.0, 1.0);
  auto more_k = in;
  more_k.irreducible_kpoints = 144;
  EXPECT_GT(estimate_memory(crystal, more_k).total_bytes(), base.total_bytes());
  auto two_ranks = in;
  two_ranks.ranks = 2;
  EXPECT_NEAR(estimate_memory(crystal, two_ranks).wavefunctions_bytes,
              0.5 * base.wavefunctions_bytes, 1.0);
  EXPECT_NO_THROW(check_memory_fits(base, in, MemoryLimit{1e12, "test"}, false));
  EXPECT_THROW(check_memory_fits(base, in, MemoryLimit{1e3, "test"}, false), InputError);
}

TEST(ExceptionGuard, AnExceptionInAnOpenMpLoopReachesTheCallerAfterTheRegion) {
  ExceptionGuard guard;
  int completed = 0;
#pragma omp parallel for num_threads(2) reduction(+ : completed)
  for (int i = 0; i < 64; ++i)
    guard.run([&] {
      if (i == 5) throw InputError("--test", "iteration 5 failed");
      ++completed;
    });
  EXPECT_LT(completed, 64);
  try {
    guard.rethrow();
    FAIL() << "no exception rethrown";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("iteration 5"), std::string::npos);
  }
}

}  // namespace
}  // namespace fw::dft
