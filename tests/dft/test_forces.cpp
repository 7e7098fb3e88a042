/// \file test_forces.cpp
/// \brief Analytic forces against central finite differences of the SCF free energy; the forces
/// of a periodic cell sum to zero after a small mean force is removed (as ABINIT does): the XC
/// grid's egg-box term, which the finite differences see and the returned forces do not.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "dft/settings.hpp"
#include "dft/solver/kohn_sham_terms.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

constexpr double kToEVPerA = units::kHartreeInEV / units::kBohrInAngstrom;

/// Four-atom cubic Au cell, atom 0 displaced by (0.05, 0.03, −0.02) Å, at a small cut-off and one
/// k-point (fast), and the SCF settings of it.
struct DisplacedCell {
  Crystal crystal;
  ScfSettings settings;
};

DisplacedCell displaced_four_atom_au_cell() {
  const double a = testing::kAbinitAuLatticeBohr;
  DisplacedCell c{testing::fcc_au_primitive(), default_scf_settings()};
  c.crystal.cell_bohr = Mat3::diagonal(a, a, a);
  const double s = units::kAngstromInBohr / a;  // Å → fractional
  c.crystal.positions_frac = {Vec3{0.05 * s, 0.03 * s, -0.02 * s}, Vec3{0.5, 0.5, 0},
                              Vec3{0.5, 0, 0.5}, Vec3{0, 0.5, 0.5}};
  c.crystal.species_of_atom = {0, 0, 0, 0};
  c.settings.ecut_hartree = 10.0;
  c.settings.kpoint_mesh = {1, 1, 1};
  c.settings.kpoint_shift = {1, 1, 1};  // the (½,½,½) point: one k-point keeps the test fast
  c.settings.xc_libxc_ids = {101, 130};
  c.settings.energy_tolerance_hartree = 1e-11;
  c.settings.density_tolerance = 1e-8;
  c.settings.compute_forces = true;
  return c;
}

/// The SCF of the displaced cell with forces, run once for the tests that read it.
const ScfResult& displaced_cell_result() {
  static const ScfResult r = [] {
    const DisplacedCell c = displaced_four_atom_au_cell();
    return run_scf(c.crystal, c.settings);
  }();
  return r;
}

TEST(Forces, DisplacedFourAtomAuCellMatchesFiniteDifferencesTo1e4EVPerA) {
  FW_REQUIRE_AU_PSP8();
  const ScfResult& r = displaced_cell_result();
  ASSERT_TRUE(r.converged);
  DisplacedCell c = displaced_four_atom_au_cell();
  c.settings.compute_forces = false;
  const double h = 0.005;  // bohr
  const double a = testing::kAbinitAuLatticeBohr;
  const int d = 0;
  Crystal plus = c.crystal, minus = c.crystal;
  plus.positions_frac[0][d] += h / a;
  minus.positions_frac[0][d] -= h / a;
  const double fd = -(run_scf(plus, c.settings).free_energy_hartree -
                      run_scf(minus, c.settings).free_energy_hartree) /
                    (2 * h);
  EXPECT_GT(std::abs(fd) * kToEVPerA, 0.02);  // the displacement produces a real force
  // −∂E/∂τ is the returned force plus the mean force the SCF removed.
  const double derivative =
      r.forces_hartree_per_bohr[0][d] + r.removed_mean_force_hartree_per_bohr[d];
  EXPECT_NEAR(derivative * kToEVPerA, fd * kToEVPerA, 1e-4);
}

TEST(Forces, PeriodicCellForcesSumToZeroAfterRemovingAMeanBelow2e3EVPerA) {
  FW_REQUIRE_AU_PSP8();
  const ScfResult& r = displaced_cell_result();
  ASSERT_TRUE(r.converged);
  ASSERT_EQ(r.forces_hartree_per_bohr.size(), 4u);
  std::printf("removed mean force %.3e eV/Å per atom\n",
              norm(r.removed_mean_force_hartree_per_bohr) * kToEVPerA);
  // The egg-box of a 10 Ha grid: 7.5e-4 eV/Å, 0.15 % of the 0.53 eV/Å force on atom 0.
  EXPECT_LT(norm(r.removed_mean_force_hartree_per_bohr) * kToEVPerA, 2e-3);
  Vec3 sum, largest;
  for (const Vec3& f : r.forces_hartree_per_bohr) {
    sum += f;
    for (int d = 0; d < 3; ++d) largest[d] = std::max(largest[d], std::abs(f[d]));
  }
  EXPECT_GT(largest[0] * kToEVPerA, 0.02);  // real forces, not zeros
  EXPECT_LT(norm(sum) * kToEVPerA, 1e-12);
}

TEST(Forces, RemoveMeanForceReturnsTheMeanAndLeavesForcesSummingToZero) {
  std::vector<Vec3> forces = {Vec3{1.0, -2.0, 0.5}, Vec3{-0.4, 2.6, 0.1}, Vec3{0.3, 0.3, 0.3}};
  const Vec3 mean = remove_mean_force(forces);
  EXPECT_NEAR(mean.x, 0.3, 1e-15);
  EXPECT_NEAR(mean.y, 0.3, 1e-15);
  EXPECT_NEAR(mean.z, 0.3, 1e-15);
  EXPECT_NEAR(forces[0].x, 0.7, 1e-15);
  EXPECT_NEAR(norm(forces[2]), 0.0, 1e-15);
  std::vector<Vec3> none;
  EXPECT_EQ(norm(remove_mean_force(none)), 0.0);
}

}  // namespace
}  // namespace fw::dft
