/// \file test_scf_bulk_au.cpp
/// \brief Bulk fcc Au SCF against ABINIT 9.6.2 term by term (bench/dft/abinit/small_au.abi).
#include <gtest/gtest.h>

#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(ScfBulkAu, MatchesAbinitSmallAuTermByTermAndWithin0p1MeV) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 20.0;
  s.kpoint_mesh = {4, 4, 4};
  s.smearing = Smearing{SmearingKind::kFermiDirac, 0.01};
  s.xc_libxc_ids = {101, 130};  // PBE forced on the LDA file, as ABINIT's ixc -101130
  s.n_bands = 14;
  s.energy_tolerance_hartree = 1e-10;
  s.compute_forces = true;
  const ScfResult r = run_scf(crystal, s);
  ASSERT_TRUE(r.converged);
  EXPECT_EQ(r.kpoints.size(), 8u);
  EXPECT_EQ(r.fft_grid.n, (std::array<int, 3>{24, 24, 24}));
  // ABINIT small_au (results.json): components of the total free energy, Ha.
  const auto& e = r.energies;
  EXPECT_NEAR(e.kinetic, 42.6319843791535, 2e-6);
  EXPECT_NEAR(e.hartree, 26.0598448786652, 2e-6);
  EXPECT_NEAR(e.xc, -25.3755955144362, 2e-6);
  EXPECT_NEAR(e.ewald, -107.335763432358, 1e-8);
  EXPECT_NEAR(e.psp_core, 5.34836352307938, 1e-8);
  EXPECT_NEAR(e.local, -91.3163940794835, 2e-6);
  EXPECT_NEAR(e.nonlocal, 2.31365366703845, 2e-6);
  EXPECT_NEAR(e.minus_kt_entropy, -0.00353454610770013, 1e-7);
  EXPECT_NEAR(r.free_energy_hartree, -147.677441124449, 3.67e-6);  // 0.1 meV
  EXPECT_NEAR(r.fermi_hartree, 0.495281433, 1e-6);
  const std::vector<double> gamma{-3.40562, -1.62029, -1.62029, -1.62029, 0.12096,
                                  0.30687,  0.30687,  0.30687,  0.36299,  0.36299,
                                  1.01419,  1.16152,  1.16152,  1.16152};
  for (std::size_t n = 0; n < gamma.size(); ++n)
    EXPECT_NEAR(r.eigenvalues_hartree[0][n], gamma[n], 1e-5);
  // One atom at an inversion centre: no force.
  EXPECT_NEAR(norm(r.forces_hartree_per_bohr[0]), 0.0, 1e-8);
}

}  // namespace
}  // namespace fw::dft
