/// \file test_mixing.cpp
/// \brief Density-mixing pieces against closed forms: GMRES on a known system, the LDOS
/// preconditioner on a uniform LDOS (= Kerker with q0² = 4π D/Ω), and LDOS mixing on a slab.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "dft/basis/grid_operators.hpp"
#include "dft/kohn_sham/form_factors.hpp"
#include "dft/mixing/gmres.hpp"
#include "dft/mixing/kerker.hpp"
#include "dft/mixing/ldos.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(Gmres, SolvesANonsymmetricTridiagonalSystem) {
  const std::size_t n = 60;
  // A = tridiag(-1, 4, -2): nonsymmetric, diagonally dominant.
  const LinearOperator a = [&](const std::vector<double>& x, std::vector<double>& y) {
    y.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = 4.0 * x[i];
      if (i > 0) y[i] -= x[i - 1];
      if (i + 1 < n) y[i] -= 2.0 * x[i + 1];
    }
  };
  std::vector<double> x_true(n), b;
  for (std::size_t i = 0; i < n; ++i) x_true[i] = std::sin(0.3 * static_cast<double>(i)) + 0.1;
  a(x_true, b);
  const GmresResult r = gmres(a, b, 1e-12, 60);
  EXPECT_LE(r.relative_residual, 1e-12);
  EXPECT_LT(r.iterations, 60);
  for (std::size_t i = 0; i < n; ++i) EXPECT_NEAR(r.x[i], x_true[i], 1e-10);
}

TEST(Gmres, StopsAtTheToleranceAndReportsTheResidual) {
  const std::size_t n = 40;
  const LinearOperator a = [&](const std::vector<double>& x, std::vector<double>& y) {
    y.resize(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = (1.0 + static_cast<double>(i)) * x[i];
  };
  const std::vector<double> b(n, 1.0);
  const GmresResult r = gmres(a, b, 1e-2, 40);
  std::vector<double> ax;
  a(r.x, ax);
  double res = 0.0;
  for (std::size_t i = 0; i < n; ++i) res += (b[i] - ax[i]) * (b[i] - ax[i]);
  EXPECT_LE(std::sqrt(res / static_cast<double>(n)), 1e-2);
  EXPECT_NEAR(std::sqrt(res / static_cast<double>(n)), r.relative_residual, 1e-12);
  EXPECT_LT(r.iterations, 40);
}

/// A band-limited real random residual on a cubic box, as box G coefficients.
std::vector<Complex> random_residual(const FftPlans& plans, const std::vector<Vec3>& box_g,
                                     double g_max) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  std::vector<double> field(plans.grid().size());
  for (double& v : field) v = normal(rng);
  auto g = to_reciprocal(field, plans);
  band_limit(g, box_g, g_max);
  zero_nyquist(g, plans.grid());
  g[0] = 0.0;
  return g;
}

TEST(LdosPreconditioner, UniformLdosIsKerkerWithTheThomasFermiVector) {
  Crystal cell;
  cell.cell_bohr = Mat3{{Vec3{10, 0, 0}, Vec3{0, 10, 0}, Vec3{0, 0, 10}}};
  const FftGrid grid{{16, 16, 16}};
  const FftPlans plans(grid);
  const auto box_g = box_g_vectors(cell, grid);
  const double g_max = 4.0;
  // D_loc = D/Ω uniform: ε† = 1 + 4π D_loc/G², i.e. Kerker with q0² = 4π D_loc.
  const double q0 = 0.9, d_loc = q0 * q0 / (4.0 * std::numbers::pi);
  const auto residual = random_residual(plans, box_g, g_max);
  auto by_ldos = residual, by_kerker = residual;
  LdosPreconditioner(std::vector<double>(grid.size(), d_loc), box_g, plans, cell.volume_bohr3(),
                     g_max, 1e-11)
      .apply(by_ldos);
  KerkerPreconditioner(q0, box_g).apply(by_kerker);
  double scale = 0.0;
  for (const auto& c : by_kerker) scale = std::max(scale, std::abs(c));
  ASSERT_GT(scale, 0.0);
  for (std::size_t i = 0; i < residual.size(); ++i)
    EXPECT_NEAR(std::abs(by_ldos[i] - by_kerker[i]) / scale, 0.0, 1e-9) << "box index " << i;
}

TEST(LdosPreconditioner, WithoutStatesAtTheFermiLevelTheResidualPassesUnchanged) {
  Crystal cell;
  cell.cell_bohr = Mat3{{Vec3{8, 0, 0}, Vec3{0, 8, 0}, Vec3{0, 0, 8}}};
  const FftGrid grid{{12, 12, 12}};
  const FftPlans plans(grid);
  const auto box_g = box_g_vectors(cell, grid);
  const auto residual = random_residual(plans, box_g, 3.0);
  auto out = residual;
  LdosPreconditioner(std::vector<double>(grid.size(), 0.0), box_g, plans, cell.volume_bohr3(), 3.0)
      .apply(out);
  for (std::size_t i = 0; i < residual.size(); ++i) EXPECT_EQ(out[i], residual[i]);
}

/// A 3-layer Au(100) slab with 8 Å (15.1 bohr) between the outer planes (a = 4.08 Å), a cell where
/// Kerker mixing's uniform screening is wrong in the vacuum.
Crystal au100_slab() {
  const double a = testing::kAbinitAuLatticeBohr;
  const double d = a / 2.0, vacuum = 15.118, c = 2.0 * d + vacuum;
  const double in_plane = a / std::numbers::sqrt2;
  Crystal slab;
  slab.cell_bohr = Mat3{{Vec3{in_plane, 0, 0}, Vec3{0, in_plane, 0}, Vec3{0, 0, c}}};
  for (int layer = 0; layer < 3; ++layer)
    slab.positions_frac.push_back(
        Vec3{layer % 2 == 0 ? 0.0 : 0.5, layer % 2 == 0 ? 0.0 : 0.5, (layer - 1) * d / c + 0.5});
  slab.species_of_atom = {0, 0, 0};
  slab.species.push_back(read_pseudopotential(testing::kAuPsp8));
  return slab;
}

TEST(LdosMixing, ConvergesASlabInFewerStepsThanKerkerToTheSameEnergy) {
  FW_REQUIRE_AU_PSP8();
  const Crystal slab = au100_slab();
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 10.0;
  s.kpoint_mesh = {2, 2, 1};
  s.smearing = Smearing{SmearingKind::kFermiDirac, 0.01};
  s.compute_forces = false;
  s.threads = 2;
  s.mixing_preconditioner = "ldos";
  const ScfResult ldos = run_scf(slab, s);
  s.mixing_preconditioner = "kerker";
  s.mixing_beta = 0.7;  // the previous default, Kerker's best on bulk
  const ScfResult kerker = run_scf(slab, s);
  ASSERT_TRUE(ldos.converged);
  ASSERT_TRUE(kerker.converged);
  EXPECT_NEAR(ldos.free_energy_hartree, kerker.free_energy_hartree, 1e-7);
  EXPECT_LT(ldos.iterations, kerker.iterations);
  std::printf("3-layer Au(100) slab: LDOS %d SCF steps, Kerker %d\n", ldos.iterations,
              kerker.iterations);
}

}  // namespace
}  // namespace fw::dft
