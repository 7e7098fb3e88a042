/// \file test_oszicar.cpp
/// \brief OSZICAR reader vs pymatgen 2022.11.7 and vs the OUTCAR of the same run.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/oszicar.hpp"
#include "vasp_io/outcar.hpp"

namespace fw::vasp {
namespace {

using testing::corpus_dir;
using testing::expected_values;

TEST(Oszicar, MatchesPymatgenPerIonicStep) {
  FW_REQUIRE_CORPUS();
  const auto ex = expected_values("custodian_FeO_ldau_spin_relax", "OSZICAR");
  const Oszicar o = read_oszicar(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "OSZICAR");
  EXPECT_TRUE(o.completeness.complete);
  ASSERT_EQ(o.ionic_steps.size(), ex["n_ionic_steps"].get<std::size_t>());
  for (std::size_t i = 0; i < o.ionic_steps.size(); ++i) {
    const auto& e = ex["ionic_steps"][i];
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].free_energy_eV, e["F"].get<double>()) << i;
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].energy_sigma0_eV, e["E0"].get<double>()) << i;
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].delta_energy_eV, e["dE"].get<double>()) << i;
    EXPECT_DOUBLE_EQ(*o.ionic_steps[i].magnetization_muB, e["mag"].get<double>()) << i;
    EXPECT_EQ(o.ionic_steps[i].electronic_steps,
              ex["n_electronic_steps_per_ionic_step"][i].get<int>())
        << i;
  }
  EXPECT_DOUBLE_EQ(o.ionic_steps.back().energy_sigma0_eV, ex["final_E0"].get<double>());
}

TEST(Oszicar, ReadsExponentWithoutLetterWherePymatgenFails) {
  FW_REQUIRE_CORPUS();
  // MANIFEST item 4: "d E =-.243930-146" is -0.243930e-146; pymatgen raises ValueError.
  const Oszicar o = read_oszicar(corpus_dir() / "nomad_dftu_multi_vasp610" / "OSZICAR");
  ASSERT_EQ(o.ionic_steps.size(), 1u);
  EXPECT_DOUBLE_EQ(o.ionic_steps[0].delta_energy_eV, -0.243930e-146);
  // The energies agree with the OUTCAR of the same run (OSZICAR prints 8 significant digits).
  const Outcar outcar = read_outcar(corpus_dir() / "nomad_dftu_multi_vasp610" / "OUTCAR");
  EXPECT_NEAR(o.ionic_steps[0].free_energy_eV, outcar.last_step()->energies.free_energy_eV, 1e-5);
  EXPECT_NEAR(o.ionic_steps[0].energy_sigma0_eV, outcar.last_step()->energies.energy_sigma0_eV,
              1e-5);
  EXPECT_EQ(o.ionic_steps[0].electronic_steps, outcar.last_step()->electronic_steps);
}

TEST(Oszicar, TruncatedMidScfIsIncompleteWithCompletedStepsKept) {
  const std::string text =
      "       N       E                     dE             d eps       ncg     rms          "
      "rms(c)\n"
      "DAV:   1     0.197035158899E+03    0.19704E+03   -0.14032E+04    96   0.137E+03\n"
      "   1 F= -.20663237E+02 E0= -.20663237E+02  d E =-.206632E+02  mag=    -2.0180\n"
      "DAV:   1    -0.207549043766E+02   -0.91668E-01   -0.25458E+00    96   0.115E+01\n";
  const Oszicar o = parse_oszicar(text, "OSZICAR");
  ASSERT_EQ(o.ionic_steps.size(), 1u);
  EXPECT_DOUBLE_EQ(o.ionic_steps[0].energy_sigma0_eV, -20.663237);
  EXPECT_FALSE(o.completeness.complete);
  EXPECT_EQ(o.unfinished_step.size(), 1u);
}

TEST(Oszicar, MolecularDynamicsLineKeepsTemperatureAndEnergies) {
  const Oszicar o = parse_oszicar(
      "RMM:  12    -0.338316231E+03   -0.10E-03   -0.1E-03   1000   0.1E-01\n"
      "     1 T=  2000. E= -.33283766E+03 F= -.33831623E+03 E0= -.33831623E+03  EK= 0.54784E+01 "
      "SP= 0.00E+00 SK= 0.00E+00\n",
      "OSZICAR");
  ASSERT_EQ(o.ionic_steps.size(), 1u);
  EXPECT_DOUBLE_EQ(*o.ionic_steps[0].temperature_K, 2000.0);
  EXPECT_DOUBLE_EQ(*o.ionic_steps[0].total_energy_eV, -332.83766);
  EXPECT_DOUBLE_EQ(o.ionic_steps[0].free_energy_eV, -338.31623);
  EXPECT_DOUBLE_EQ(*o.ionic_steps[0].kinetic_energy_eV, 5.4784);
  EXPECT_TRUE(o.completeness.complete);
}

TEST(Oszicar, EmptyAndForeignFilesAreClearErrors) {
  EXPECT_THROW(parse_oszicar("", "OSZICAR"), InputError);
  EXPECT_THROW(parse_oszicar("just some text\n", "OSZICAR"), InputError);
  try {
    parse_oszicar("   1 F= -.2066X237E+02 E0= -.20663237E+02\n", "OSZICAR");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 1);
  }
}

}  // namespace
}  // namespace fw::vasp
