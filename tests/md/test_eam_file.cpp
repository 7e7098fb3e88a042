/// \file test_eam_file.cpp
/// \brief funcfl/setfl parsing: values as tabulated, LAMMPS's grid and spline, and clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "md/engine/eam_potential.hpp"
#include "md/formats/eam_file.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("facetweld_md_" + name);
  std::ofstream(path) << text;
  return path;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(EamFile, ReadsAuU3HeaderAndArrays) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
  const FuncflFile f = read_funcfl(test::kAuU3);
  EXPECT_EQ(f.element, "Au");
  EXPECT_DOUBLE_EQ(f.mass_amu, 196.97);
  EXPECT_EQ(f.nrho, 500);
  EXPECT_EQ(f.nr, 500);
  EXPECT_DOUBLE_EQ(f.cutoff_A, 5.5500000000000114);
  ASSERT_EQ(f.embedding_eV.size(), 500u);
  EXPECT_DOUBLE_EQ(f.embedding_eV[1], -4.8957152905617285e-01);
  EXPECT_EQ(f.density.size(), 500u);
}

TEST(EamFile, SplineReproducesTabulatedValuesAtKnots) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
  const FuncflFile f = read_funcfl(test::kAuU3);
  const EamPotential pot = EamPotential::from_funcfl({f});
  for (int k : {10, 100, 300}) {
    EXPECT_NEAR(pot.embedding_eV(0, k * f.drho), f.embedding_eV[static_cast<std::size_t>(k)],
                1e-12);
    EXPECT_NEAR(pot.density_at(0, 0, k * f.dr_A), f.density[static_cast<std::size_t>(k)], 1e-12);
  }
  // phi = 27.2*0.529 Z^2 / r: LAMMPS's rounded Hartree*bohr, not CODATA.
  const double r = 200 * f.dr_A;
  const double z = f.z_effective[200];
  EXPECT_NEAR(pot.pair_eV(0, 0, r), 27.2 * 0.529 * z * z / r, 1e-12);
}

TEST(EamFile, ShortArrayNamesFileLineAndWhatIsMissing) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
  std::string text = read_text(test::kAuU3);
  text = text.substr(0, text.size() / 2);  // cut in the middle of Z(r)
  const auto path = write_temp("short.eam", text);
  try {
    read_funcfl(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("short.eam:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("file ends after"), std::string::npos) << e.what();
    EXPECT_GT(e.line(), 3);
  }
}

TEST(EamFile, WrongCountsAreReported) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
  std::string text = read_text(test::kAuU3);
  const auto pos = text.find("  500  5.01");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 5, "  400");  // Nrho says 400 but 500 values follow
  const auto path = write_temp("count.eam", text);
  EXPECT_THROW(read_funcfl(path), InputError);
}

TEST(EamFile, GarbageNumberIsReportedWithLine) {
  const auto path =
      write_temp("garbage.eam", "comment\n79 196.97 4.08 FCC\n5 0.1 5 0.1 0.3\n1 2 x 4 5\n");
  try {
    read_funcfl(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("'x'"), std::string::npos);
  }
}

TEST(EamFile, SetflAlloyReadsEveryDebianFile) {
  const std::filesystem::path dir = "/usr/share/lammps/potentials";
  if (!std::filesystem::exists(dir / "CuNi.eam.alloy")) GTEST_FAIL() << "lammps-data not installed";
  const SetflFile f = read_setfl(dir / "CuNi.eam.alloy");
  ASSERT_EQ(f.elements.size(), 2u);
  EXPECT_EQ(f.r_phi_eV_A.size(), 3u);
  const EamPotential pot = EamPotential::from_setfl(f, {"Ni", "Cu"});
  EXPECT_EQ(pot.type_of("Cu"), 1);
  EXPECT_EQ(pot.lammps_style(), "eam/alloy");
}

}  // namespace
}  // namespace fw::md
