/// \file test_lattice_constant.cpp
/// \brief The E(V) lattice-constant fit against ABINIT 9.6.2 on the same cells
/// (tests/data/dft/eos_au: fcc Au, Au.psp8 with PBE, 30 Ha, 6×6×6, seven lattice constants).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/units.hpp"
#include "dft/facet/lattice_constant.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(LatticeConstant, EosFitEqualsAbinitsOnTheSameSevenCells) {
  FW_REQUIRE_AU_PSP8();
  std::ifstream in(FACETWELD_SOURCE_DIR "/tests/data/dft/eos_au/abinit_eos.json");
  const nlohmann::json ref = nlohmann::json::parse(in);
  ScfSettings scf = testing::small_pbe_settings(30.0, {6, 6, 6}, 1e-10);
  scf.smearing = Smearing{SmearingKind::kFermiDirac, 0.01};
  scf.n_bands = 14;
  scf.threads = 0;
  const EosSettings eos{30.0, {6, 6, 6}, 7, 0.02};
  const Pseudopotential psp = read_pseudopotential(testing::kAuPsp8);
  const LatticeConstantFit fit = fit_lattice_constant(psp, "Au", 4.15, scf, eos);
  ASSERT_TRUE(fit.converged);
  EXPECT_EQ(fit.recentred, 0);
  ASSERT_EQ(fit.points.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    const auto& p = ref.at("points").at(i);
    EXPECT_NEAR(fit.points[i].a_A, p.at("a_A").get<double>(), 1e-9) << i;
    // The same free energy per atom (ABINIT's etotal), to 1e-6 Ha.
    EXPECT_NEAR(fit.points[i].free_energy_eV / units::kHartreeInEV, p.at("etotal_Ha").get<double>(),
                1e-6)
        << "a = " << fit.points[i].a_A;
  }
  // The analytic pressure at each point is ABINIT's (same fixed plane-wave set) to 0.01 GPa...
  for (std::size_t i = 0; i < 7; ++i)
    EXPECT_NEAR(fit.points[i].pressure_GPa, ref.at("points").at(i).at("pressure_GPa").get<double>(),
                0.01)
        << "a = " << fit.points[i].a_A;
  // ...so its zero lies where ABINIT's does (between its 3rd and 4th points), and 30 Ha leaves a
  // Pulay gap of ~0.03 Å to the E(V) minimum.
  EXPECT_GT(fit.a0_stress_A, ref.at("points").at(2).at("a_A").get<double>());
  EXPECT_LT(fit.a0_stress_A, ref.at("points").at(3).at("a_A").get<double>());
  EXPECT_GT(fit.a0_A - fit.a0_stress_A, 0.01);
  // The bar is 0.002 Å; equal curves give far less.
  EXPECT_NEAR(fit.a0_A, ref.at("bm3_a0_A").get<double>(), 2e-4);
  EXPECT_GT(fit.b0_GPa, 100.0);  // gold: ~140 GPa
  EXPECT_LT(fit.b0_GPa, 200.0);
  const nlohmann::json j = to_json(fit);
  EXPECT_DOUBLE_EQ(j.at("a0_A").get<double>(), fit.a0_A);
  EXPECT_EQ(j.at("points").size(), 7u);
}

TEST(LatticeConstant, EosOfCellsTooCoarseForThePseudopotentialIsRefused) {
  FW_REQUIRE_AU_PSP8();
  // Au.psp8 (19 electrons) at 10 Ha: the plane-wave count jumps between the seven volumes, so
  // F(V) is noise about a curve; its "a0" must not be written as the functional's.
  ScfSettings scf = testing::small_pbe_settings(10.0, {4, 4, 4}, 1e-8);
  scf.smearing = Smearing{SmearingKind::kFermiDirac, 0.01};
  scf.threads = 0;
  const EosSettings eos{10.0, {4, 4, 4}, 7, 0.02};
  const Pseudopotential psp = read_pseudopotential(testing::kAuPsp8);
  try {
    fit_lattice_constant(psp, "Au", 4.08, scf, eos);
    FAIL() << "a jagged E(V) was fitted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), "--eos-ecut");
    EXPECT_NE(std::string(e.what()).find("not a smooth curve"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace fw::dft
