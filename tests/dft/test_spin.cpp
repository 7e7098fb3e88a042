/// \file test_spin.cpp
/// \brief Collinear spin: the polarised XC against its limits, the starting moments, and a
/// non-magnetic metal (bulk Au) whose starting moment collapses to the unpolarised answer.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "dft/kohn_sham/form_factors.hpp"
#include "dft/kohn_sham/xc_functional.hpp"
#include "dft/solver/spin.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

struct SmallGrid {
  double a = 6.0;
  Crystal crystal;
  FftGrid grid{{12, 12, 12}};
  FftPlans plans{grid};
  std::vector<Vec3> g;
  SmallGrid() {
    crystal.cell_bohr = Mat3::diagonal(a, a, a);
    g = box_g_vectors(crystal, grid);
  }
  /// A smooth, positive, non-uniform density (so the GGA gradient terms matter).
  std::vector<double> density(double mean, double phase) const {
    std::vector<double> rho(grid.size());
    for (int i = 0; i < 12; ++i)
      for (int j = 0; j < 12; ++j)
        for (int k = 0; k < 12; ++k) {
          const double x = 2.0 * std::numbers::pi * i / 12.0, y = 2.0 * std::numbers::pi * j / 12.0;
          rho[static_cast<std::size_t>((i * 12 + j) * 12 + k)] =
              mean * (1.0 + 0.5 * std::cos(x + phase) * std::sin(y) +
                      0.2 * std::cos(2.0 * std::numbers::pi * k / 12.0));
        }
    return rho;
  }
};

TEST(SpinXc, PolarisedAtEqualChannelsEqualsUnpolarisedPbe) {
  const SmallGrid s;
  const auto rho = s.density(0.03, 0.0);
  std::vector<double> half(rho.size());
  for (std::size_t i = 0; i < rho.size(); ++i) half[i] = 0.5 * rho[i];
  XcFunctional xc({101, 130});
  std::vector<double> v, v_up, v_down;
  const double volume = s.a * s.a * s.a;
  const double e = xc.evaluate(rho, s.g, s.plans, volume, v);
  const double e_spin = xc.evaluate_polarized(half, half, s.g, s.plans, volume, v_up, v_down);
  EXPECT_NEAR(e_spin, e, 1e-11 * std::abs(e));
  for (std::size_t i = 0; i < v.size(); i += 37) {
    EXPECT_NEAR(v_up[i], v[i], 1e-9) << i;
    EXPECT_NEAR(v_down[i], v[i], 1e-9) << i;
  }
}

TEST(SpinXc, FullyPolarisedUniformExchangeIsDiracTimesCubeRootOfTwo) {
  // ε_x(ρ, ζ = 1) = 2^{1/3} ε_x(ρ, 0) (spin scaling of exchange); v_x↑ = (4/3) ε_x(ρ, 1).
  const SmallGrid s;
  const double rho0 = 0.02;
  const std::vector<double> up(s.grid.size(), rho0), down(s.grid.size(), 0.0);
  const double eps_x = -0.75 * std::cbrt(3.0 / std::numbers::pi) * std::cbrt(rho0) * std::cbrt(2.0);
  const double volume = s.a * s.a * s.a;
  for (int id : {1, 101}) {  // LDA_X, GGA_X_PBE
    XcFunctional xc({id});
    std::vector<double> v_up, v_down;
    const double e = xc.evaluate_polarized(up, down, s.g, s.plans, volume, v_up, v_down);
    EXPECT_NEAR(e, eps_x * rho0 * volume, 1e-10) << "id " << id;
    EXPECT_NEAR(v_up[17], 4.0 / 3.0 * eps_x, 1e-10) << "id " << id;
  }
}

TEST(SpinXc, PolarisedPotentialIsTheEnergyDerivativeOfEachChannel) {
  // v_σ(r) = ∂E/∂ρ_σ(r) (×N/Ω on the grid): a central difference at one point, PBE, ζ ≠ 0.
  const SmallGrid s;
  auto up = s.density(0.02, 0.0), down = s.density(0.012, 1.0);
  XcFunctional xc({101, 130});
  const double volume = s.a * s.a * s.a;
  std::vector<double> v_up, v_down, scratch_up, scratch_down;
  xc.evaluate_polarized(up, down, s.g, s.plans, volume, v_up, v_down);
  const std::size_t point = 300;
  const double h = 1e-5, dv = volume / static_cast<double>(s.grid.size());
  for (int channel = 0; channel < 2; ++channel) {
    auto& rho = channel == 0 ? up : down;
    const double keep = rho[point];
    rho[point] = keep + h;
    const double plus =
        xc.evaluate_polarized(up, down, s.g, s.plans, volume, scratch_up, scratch_down);
    rho[point] = keep - h;
    const double minus =
        xc.evaluate_polarized(up, down, s.g, s.plans, volume, scratch_up, scratch_down);
    rho[point] = keep;
    const double derivative = (plus - minus) / (2.0 * h * dv);
    EXPECT_NEAR((channel == 0 ? v_up : v_down)[point], derivative, 1e-6) << "channel " << channel;
  }
}

TEST(SpinSettings, ParsesStartingMomentsAndNamesBadOnes) {
  const auto m = parse_starting_moments("Ni=0.6,Fe=-2.2", "--magmom");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].element, "Ni");
  EXPECT_DOUBLE_EQ(m[1].moment_muB, -2.2);
  EXPECT_TRUE(parse_starting_moments("", "--magmom").empty());
  EXPECT_THROW(parse_starting_moments("Ni", "--magmom"), InputError);
  EXPECT_THROW(parse_starting_moments("Ni=abc", "--magmom"), InputError);
  EXPECT_THROW(parse_starting_moments("Ni=0.6x", "--magmom"), InputError);
  EXPECT_THROW(parse_starting_moments("Ni=1,Ni=2", "--magmom"), InputError);
}

TEST(SpinSettings, RefusesMomentsThatDoNotFitTheRun) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  EXPECT_THROW(starting_moment_per_species(crystal, {{"Ni", 0.6}}, "--magmom"), InputError);
  EXPECT_THROW(starting_moment_per_species(crystal, {{"Au", 25.0}}, "--magmom"), InputError);
  ScfSettings s = testing::small_pbe_settings(10.0, {2, 2, 2}, 1e-6);
  s.n_spin = 2;  // no starting moment
  EXPECT_THROW(run_scf(crystal, s), InputError);
  s.starting_moments = {{"Au", 0.5}};
  s.compute_stress = true;
  EXPECT_THROW(run_scf(crystal, s), InputError);
  s.compute_stress = false;
  s.checkpoint_path = "spin.ckpt";
  EXPECT_THROW(run_scf(crystal, s), InputError);
  s.checkpoint_path.clear();
  s.n_spin = 1;  // moments without spin
  EXPECT_THROW(run_scf(crystal, s), InputError);
}

TEST(ScfSpin, BulkAuStartingMomentCollapsesToTheUnpolarisedEnergy) {
  // Au is not magnetic: a starting moment of 1 muB must vanish, and the energy, Fermi level and
  // (equal) eigenvalues of both channels must be the unpolarised run's.
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  ScfSettings s = testing::small_pbe_settings(14.0, {4, 4, 4}, 1e-9);
  s.density_tolerance = 1e-7;
  s.max_iterations = 80;
  const ScfResult plain = run_scf(crystal, s);
  ASSERT_TRUE(plain.converged);
  s.n_spin = 2;
  s.starting_moments = {{"Au", 1.0}};
  const ScfResult spin = run_scf(crystal, s);
  ASSERT_TRUE(spin.converged);
  EXPECT_EQ(spin.n_spin, 2);
  EXPECT_LT(std::abs(spin.magnetization.total_muB), 1e-4);
  EXPECT_LT(spin.magnetization.absolute_muB, 1e-3);
  EXPECT_NEAR(spin.free_energy_hartree, plain.free_energy_hartree, 1e-7);
  EXPECT_NEAR(spin.fermi_hartree, plain.fermi_hartree, 1e-6);
  const std::size_t n_k = plain.kpoints.size();
  ASSERT_EQ(spin.eigenvalues_hartree.size(), 2 * n_k);
  for (std::size_t k = 0; k < n_k; ++k)
    for (std::size_t n = 0; n < plain.eigenvalues_hartree[k].size(); ++n) {
      EXPECT_NEAR(spin.eigenvalues_hartree[k][n], plain.eigenvalues_hartree[k][n], 1e-5);
      EXPECT_NEAR(spin.eigenvalues_hartree[n_k + k][n], plain.eigenvalues_hartree[k][n], 1e-5);
    }
}

}  // namespace
}  // namespace fw::dft
