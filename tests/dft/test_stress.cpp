/// \file test_stress.cpp
/// \brief The analytic stress tensor: its pieces against finite differences (Y_lm gradients, form
/// factor derivatives, Ewald), the SCF stress against ABINIT 9.6.2 (tests/data/dft/stress_au/), and
/// the pressure against −dF/dV of isotropically scaled cells at a fixed plane-wave set.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/units.hpp"
#include "dft/kohn_sham/form_factors.hpp"
#include "dft/kohn_sham/spherical_harmonics.hpp"
#include "dft/kohn_sham/xc_functional.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft/terms/ewald.hpp"
#include "dft_test_support.hpp"
#include "tests/cli_runner.hpp"

namespace fw::dft {
namespace {

constexpr double kGPa = units::kHartreePerBohr3InGPa;

/// A cell strained by ε: rows a_i → a_i (1 + ε), fractional positions kept.
Mat3 strained(const Mat3& cell, const Mat3& eps) {
  return cell * Mat3{{Vec3{1, 0, 0} + eps[0], Vec3{0, 1, 0} + eps[1], Vec3{0, 0, 1} + eps[2]}};
}

TEST(Stress, SphericalHarmonicGradientsMatchFiniteDifferences) {
  const Vec3 q{0.37, -1.21, 0.83};
  const double h = 1e-6;
  for (int l = 0; l <= 3; ++l)
    for (int m = 0; m < 2 * l + 1; ++m) {
      const Vec3 grad = real_spherical_harmonic_gradient(l, m, q);
      for (int i = 0; i < 3; ++i) {
        Vec3 plus = q, minus = q;
        plus[i] += h;
        minus[i] -= h;
        const double fd =
            (real_spherical_harmonic(l, m, plus) - real_spherical_harmonic(l, m, minus)) / (2 * h);
        EXPECT_NEAR(grad[i], fd, 1e-8) << "l " << l << " m " << m << " axis " << i;
      }
    }
}

TEST(Stress, FormFactorDerivativesMatchFiniteDifferencesOfTheTables) {
  FW_REQUIRE_AU_PSP8();
  const Pseudopotential psp = read_pseudopotential(testing::kAuPsp8);
  const SpeciesFormFactors ff = make_form_factors(psp, 12.0, 12.0);
  const auto d_local = local_short_range_derivative(psp, 12.0);
  const auto d_core = core_density_derivative(psp, 12.0);
  const auto d_projectors = projector_derivatives(psp, 12.0);
  ASSERT_EQ(d_projectors.size(), ff.projectors.size());
  ASSERT_TRUE(ff.has_core);
  // Central differences of the splined tables, away from q = 0 where the natural spline's
  // F''(0) = 0 is not the function's.
  const double h = 1e-4;
  for (double q : {0.7, 2.3, 5.1, 9.4}) {
    auto fd = [&](const RadialTransform& f) { return (f(q + h) - f(q - h)) / (2 * h); };
    EXPECT_NEAR(d_local(q, ff.local_short_range(q)), fd(ff.local_short_range),
                1e-6 * std::abs(ff.local_short_range(0.0)))
        << "q " << q;
    EXPECT_NEAR(d_core(q, ff.core_density(q)), fd(ff.core_density),
                1e-6 * std::abs(ff.core_density(0.0)))
        << "q " << q;
    for (std::size_t p = 0; p < ff.projectors.size(); ++p) {
      const auto& table = ff.projectors[p].table;
      EXPECT_NEAR(d_projectors[p](q, table(q)), fd(table), 1e-6 * std::abs(table(1.0)) + 1e-8)
          << "q " << q << " projector " << p << " l " << ff.projectors[p].l;
    }
  }
  // Near q = 0: against the transforms tabulated with step h, read at their nodes (no spline).
  const double q = 0.05;
  std::size_t p = 0;
  for (const auto& channel : psp.channels)
    for (const auto& projector : channel.projectors) {
      const RadialTransform exact(psp, projector.r_beta, 1, channel.l, q + 3 * h, h);
      const double fd = (exact(q + h) - exact(q - h)) / (2 * h);
      EXPECT_NEAR(d_projectors[p](q, exact(q)), fd, 1e-6 * std::abs(ff.projectors[p].table(1.0)))
          << "q " << q << " projector " << p << " l " << channel.l;
      ++p;
    }
}

TEST(Stress, EwaldStressMatchesStrainFiniteDifferences) {
  // A triclinic 3-atom cell of unequal charges: every component of σ is non-zero.
  const Mat3 cell{{Vec3{6.1, 0.3, -0.2}, Vec3{0.8, 5.7, 0.4}, Vec3{-0.5, 0.6, 6.6}}};
  const std::vector<Vec3> frac{Vec3{0, 0, 0}, Vec3{0.31, 0.52, 0.18}, Vec3{0.74, 0.15, 0.61}};
  const std::vector<double> charges{3.0, 5.0, 2.0};
  const EwaldResult r = ewald(cell, frac, charges);
  const double volume = std::abs(determinant(cell));
  const double h = 1e-5;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      Mat3 eps;
      eps[i][j] += 0.5 * h;
      eps[j][i] += 0.5 * h;
      const double e_plus = ewald(strained(cell, eps), frac, charges).energy_hartree;
      const double e_minus = ewald(strained(cell, -1.0 * eps), frac, charges).energy_hartree;
      const double fd = (e_plus - e_minus) / (2 * h) / volume;
      EXPECT_NEAR(r.stress_hartree_per_bohr3[i][j], fd, 1e-8) << i << j;
    }
  EXPECT_GT(std::abs(r.stress_hartree_per_bohr3[0][1]), 1e-4);  // a real shear stress
}

/// The inputs and ABINIT's stress of tests/data/dft/stress_au/NAME.abi.
struct AbinitCase {
  Crystal crystal;
  ScfSettings settings;
  Mat3 stress_hartree_per_bohr3;
};

AbinitCase abinit_case(const std::string& name) {
  std::ifstream in(FACETWELD_SOURCE_DIR "/tests/data/dft/stress_au/abinit_stress.json");
  const nlohmann::json j = nlohmann::json::parse(in).at(name);
  AbinitCase c;
  for (int i = 0; i < 3; ++i)
    for (int d = 0; d < 3; ++d) {
      c.crystal.cell_bohr[i][d] = j["cell_bohr"][i][d].get<double>();
      c.stress_hartree_per_bohr3[i][d] = j["stress_Ha_per_bohr3"][i][d].get<double>();
    }
  const Mat3 to_frac = inverse(c.crystal.cell_bohr);
  for (const auto& x : j["positions_cart_bohr"]) {
    c.crystal.positions_frac.push_back(
        Vec3{x[0].get<double>(), x[1].get<double>(), x[2].get<double>()} * to_frac);
    c.crystal.species_of_atom.push_back(0);
  }
  c.crystal.species.push_back(read_pseudopotential(testing::kAuPsp8));
  const auto mesh = j["ngkpt"].get<std::array<int, 3>>();
  const int ixc = j["ixc"].get<int>();
  c.settings = testing::small_pbe_settings(j["ecut_hartree"].get<double>(), mesh, 1e-11);
  c.settings.xc_libxc_ids = parse_xc_functional(std::to_string(ixc));
  c.settings.smearing = Smearing{SmearingKind::kFermiDirac, 0.01};
  c.settings.n_bands = j["nband"].get<int>();
  c.settings.fft_grid = j["ngfft"].get<std::array<int, 3>>();
  c.settings.density_tolerance = 1e-9;
  c.settings.compute_forces = false;
  c.settings.compute_stress = true;
  return c;
}

/// Runs ours on the case and compares every component with ABINIT's.
void expect_stress_matches_abinit(const std::string& name, double tolerance_GPa) {
  const AbinitCase c = abinit_case(name);
  const ScfResult r = run_scf(c.crystal, c.settings);
  ASSERT_TRUE(r.converged);
  ASSERT_TRUE(r.stress_hartree_per_bohr3.has_value());
  const Mat3& ours = *r.stress_hartree_per_bohr3;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      EXPECT_NEAR(ours[i][j] * kGPa, c.stress_hartree_per_bohr3[i][j] * kGPa, tolerance_GPa)
          << name << " sigma(" << i + 1 << " " << j + 1 << ")";
}

TEST(Stress, ShearedFccAuPbeMatchesAbinitEveryComponent) {
  FW_REQUIRE_AU_PSP8();
  expect_stress_matches_abinit("sheared_fcc1_pbe", 0.002);
}

TEST(Stress, ShearedFccAuLdaMatchesAbinitEveryComponent) {
  FW_REQUIRE_AU_PSP8();
  expect_stress_matches_abinit("sheared_fcc1_lda", 0.002);
}

TEST(Stress, DisplacedTwoAtomAuCellMatchesAbinitEveryComponent) {
  FW_REQUIRE_AU_PSP8();
  expect_stress_matches_abinit("displaced_au2_pbe", 0.002);
}

TEST(Stress, PressureMatchesVolumeDerivativeOfFreeEnergyAtFixedPlaneWaves) {
  FW_REQUIRE_AU_PSP8();
  // Scaling the cell by s and the cut-off by 1/s² keeps every |k+G|²/2 ≤ Ecut decision, so the
  // plane-wave set (and the fixed FFT grid) are those of the analytic σ: Tr σ = (1/Ω) dF/de.
  AbinitCase c = abinit_case("displaced_au2_pbe");
  c.settings.kpoint_mesh = {1, 1, 1};
  c.settings.kpoint_shift = {1, 1, 1};  // the (½,½,½) point: one k-point keeps the test fast
  c.settings.ecut_hartree = 12.0;
  const ScfResult r = run_scf(c.crystal, c.settings);
  ASSERT_TRUE(r.converged);
  const Mat3& sigma = *r.stress_hartree_per_bohr3;
  const double trace = sigma[0][0] + sigma[1][1] + sigma[2][2];
  ScfSettings scaled_settings = c.settings;
  scaled_settings.compute_stress = false;
  auto free_energy = [&](double e) {
    Crystal scaled = c.crystal;
    scaled.cell_bohr = (1.0 + e) * c.crystal.cell_bohr;
    scaled_settings.ecut_hartree = c.settings.ecut_hartree / ((1.0 + e) * (1.0 + e));
    const ScfResult s = run_scf(scaled, scaled_settings);
    EXPECT_TRUE(s.converged);
    EXPECT_EQ(s.n_plane_waves, r.n_plane_waves);
    return s.free_energy_hartree;
  };
  // Central differences at h and 2h, Richardson-extrapolated (error h⁴; measured: P = −503.38120
  // GPa, the h = 1e-3 difference alone 5.8e-4 GPa off, 2e-3 2.3e-3 GPa, the extrapolation 1e-6).
  const double h = 1e-3, volume = c.crystal.volume_bohr3();
  const double d1 = (free_energy(h) - free_energy(-h)) / (2 * h) / volume;
  const double d2 = (free_energy(2 * h) - free_energy(-2 * h)) / (4 * h) / volume;
  const double fd_trace = d1 + (d1 - d2) / 3.0;
  const double pressure_GPa = -trace / 3 * kGPa, fd_pressure_GPa = -fd_trace / 3 * kGPa;
  EXPECT_GT(std::abs(pressure_GPa), 10.0);  // the fixed-basis pressure at 12 Ha is large
  EXPECT_NEAR(pressure_GPa, fd_pressure_GPa, 1e-4);
}

TEST(Stress, CliWritesStressAndPressureInGPaOnlyWhenAsked) {
  FW_REQUIRE_AU_PSP8();
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "fw_scf_stress";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "au.vasp")
      << "Au\n1.0\n0.0 2.04 2.04\n2.04 0.0 2.04\n2.04 2.04 0.0\nAu\n1\nCartesian\n0 0 0\n";
  const std::string args = "scf --structure " + (dir / "au.vasp").string() + " --psp " +
                           testing::kAuPsp8 +
                           " --xc pbe --ecut 12Ha --kpts 2x2x2 --threads 1 --no-forces --json ";
  const auto with = fw::test::run_facetweld(args + (dir / "with.json").string() + " --stress", dir);
  ASSERT_EQ(with.exit_code, 0) << with.output;
  EXPECT_NE(with.output.find("stress (GPa): xx "), std::string::npos) << with.output;
  const auto j = nlohmann::json::parse(std::ifstream(dir / "with.json"));
  ASSERT_TRUE(j.contains("stress_GPa") && j.contains("pressure_GPa"));
  ASSERT_EQ(j["stress_GPa"].size(), 3u);
  double trace = 0.0;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(j["stress_GPa"][i].size(), 3u);
    trace += j["stress_GPa"][i][i].get<double>();
    for (int k = 0; k < 3; ++k) {
      if (k != i) {
        EXPECT_NEAR(j["stress_GPa"][i][k].get<double>(), 0.0, 1e-9);  // cubic
      }
    }
  }
  EXPECT_NEAR(j["pressure_GPa"].get<double>(), -trace / 3, 1e-9);
  EXPECT_GT(std::abs(j["pressure_GPa"].get<double>()), 1.0);
  EXPECT_TRUE(j["settings"]["stress"].get<bool>());
  const auto without = fw::test::run_facetweld(args + (dir / "without.json").string(), dir);
  ASSERT_EQ(without.exit_code, 0) << without.output;
  const auto k = nlohmann::json::parse(std::ifstream(dir / "without.json"));
  EXPECT_FALSE(k.contains("stress_GPa") || k.contains("pressure_GPa"));
  EXPECT_FALSE(k["settings"]["stress"].get<bool>());
}

}  // namespace
}  // namespace fw::dft
