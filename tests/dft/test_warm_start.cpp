/// \file test_warm_start.cpp
/// \brief An SCF started from an earlier geometry's state (ScfState: wavefunctions, density with
/// the atomic densities moved along) reaches the cold start's energy and forces in fewer steps; a
/// state of another cut-off or k-mesh is ignored, and the run is the cold one.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

constexpr double kToleranceHartree = 1e-9;

/// Four-atom cubic Au cell (Au.psp8, PBE, 8 Ha, the (½,½,½) k-point), atom 0 moved by
/// `shift_bohr` along (1, 0.6, −0.4)/|…|: the geometries of two ionic steps.
Crystal four_atom_au(double shift_bohr) {
  const double a = testing::kAbinitAuLatticeBohr;
  Crystal c = testing::fcc_au_primitive();
  c.cell_bohr = Mat3::diagonal(a, a, a);
  const Vec3 direction = normalized(Vec3{1.0, 0.6, -0.4});
  c.positions_frac = {
      Vec3{0.05, 0.03, -0.02} / a * units::kAngstromInBohr + direction * (shift_bohr / a),
      Vec3{0.5, 0.5, 0}, Vec3{0.5, 0, 0.5}, Vec3{0, 0.5, 0.5}};
  c.species_of_atom = {0, 0, 0, 0};
  return c;
}

ScfSettings settings(double ecut_hartree = 8.0, std::array<int, 3> mesh = {1, 1, 1}) {
  ScfSettings s = testing::small_pbe_settings(ecut_hartree, mesh, kToleranceHartree);
  s.kpoint_shift = {1, 1, 1};
  s.density_tolerance = 1e-7;
  s.compute_forces = true;
  s.keep_final_state = true;
  return s;
}

/// The converged state of the first geometry.
ScfState first_step_state(const ScfSettings& s) {
  ScfResult r = run_scf(four_atom_au(0.0), s);
  EXPECT_TRUE(r.converged);
  EXPECT_TRUE(r.final_state);
  return std::move(*r.final_state);
}

TEST(WarmStart, DisplacedCellReachesTheColdEnergyAndForcesInFewerSteps) {
  FW_REQUIRE_AU_PSP8();
  const ScfSettings s = settings();
  ScfState state = first_step_state(s);
  EXPECT_EQ(state.kohn_sham.psi.size(), 1u);
  const Crystal moved = four_atom_au(0.05);
  const ScfResult cold = run_scf(moved, s);
  const ScfResult warm = run_scf(moved, s, std::move(state));
  ASSERT_TRUE(cold.converged);
  ASSERT_TRUE(warm.converged);
  EXPECT_FALSE(cold.warm_started);
  EXPECT_TRUE(warm.warm_started);
  EXPECT_EQ(warm.atomic_orbital_bands, 0);
  EXPECT_NEAR(warm.free_energy_hartree, cold.free_energy_hartree, 10 * kToleranceHartree);
  ASSERT_EQ(warm.forces_hartree_per_bohr.size(), cold.forces_hartree_per_bohr.size());
  for (std::size_t a = 0; a < cold.forces_hartree_per_bohr.size(); ++a)
    EXPECT_LT(norm(warm.forces_hartree_per_bohr[a] - cold.forces_hartree_per_bohr[a]), 1e-5)
        << "atom " << a;
  EXPECT_GT(norm(cold.forces_hartree_per_bohr[0]), 1e-3);  // the displacement is felt
  std::printf("SCF steps: cold %d, warm %d\n", cold.iterations, warm.iterations);
  EXPECT_LT(warm.iterations, cold.iterations);
}

TEST(WarmStart, StateOfAnotherCutoffOrKMeshIsIgnoredAndTheRunIsCold) {
  FW_REQUIRE_AU_PSP8();
  const ScfState state = first_step_state(settings());
  const Crystal moved = four_atom_au(0.05);
  for (const ScfSettings& other : {settings(9.0), settings(8.0, {1, 1, 2})}) {
    const ScfResult cold = run_scf(moved, other);
    std::vector<std::string> log;
    ScfSettings logged = other;
    logged.log = [&](const std::string& line) { log.push_back(line); };
    const ScfResult given = run_scf(moved, logged, state);
    ASSERT_TRUE(given.converged);
    EXPECT_FALSE(given.warm_started);
    EXPECT_GT(given.atomic_orbital_bands, 0);  // the cold start's pseudo-atomic orbitals
    EXPECT_EQ(given.iterations, cold.iterations);
    EXPECT_NEAR(given.free_energy_hartree, cold.free_energy_hartree, 1e-10);
    bool said_why = false;
    for (const auto& line : log)
      said_why = said_why || line.find("state ignored") != std::string::npos;
    EXPECT_TRUE(said_why);
  }
}

}  // namespace
}  // namespace fw::dft
