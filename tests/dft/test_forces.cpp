/// \file test_forces.cpp
/// \brief Analytic forces against central finite differences of the SCF free energy.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(Forces, DisplacedFourAtomAuCellMatchesFiniteDifferencesTo1e4EVPerA) {
  FW_REQUIRE_AU_PSP8();
  const double a = testing::kAbinitAuLatticeBohr;
  Crystal crystal = testing::fcc_au_primitive();
  crystal.cell_bohr = Mat3::diagonal(a, a, a);
  const double s = units::kAngstromInBohr / a;  // Å → fractional
  crystal.positions_frac = {Vec3{0.05 * s, 0.03 * s, -0.02 * s}, Vec3{0.5, 0.5, 0},
                            Vec3{0.5, 0, 0.5}, Vec3{0, 0.5, 0.5}};
  crystal.species_of_atom = {0, 0, 0, 0};
  ScfSettings settings = default_scf_settings();
  settings.ecut_hartree = 10.0;
  settings.kpoint_mesh = {1, 1, 1};
  settings.kpoint_shift = {1, 1, 1};  // the (½,½,½) point: one k-point keeps the test fast
  settings.xc_libxc_ids = {101, 130};
  settings.energy_tolerance_hartree = 1e-11;
  settings.density_tolerance = 1e-8;
  const ScfResult r = run_scf(crystal, settings);
  ASSERT_TRUE(r.converged);
  settings.compute_forces = false;
  const double h = 0.005;  // bohr
  const double to_eV_per_A = units::kHartreeInEV / units::kBohrInAngstrom;
  const int d = 0;
  Crystal plus = crystal, minus = crystal;
  plus.positions_frac[0][d] += h / a;
  minus.positions_frac[0][d] -= h / a;
  const double fd = -(run_scf(plus, settings).free_energy_hartree -
                      run_scf(minus, settings).free_energy_hartree) /
                    (2 * h);
  EXPECT_GT(std::abs(fd) * to_eV_per_A, 0.02);  // the displacement produces a real force
  EXPECT_NEAR(r.forces_hartree_per_bohr[0][d] * to_eV_per_A, fd * to_eV_per_A, 1e-4);
}

}  // namespace
}  // namespace fw::dft
