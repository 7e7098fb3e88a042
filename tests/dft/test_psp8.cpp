/// \file test_psp8.cpp
/// \brief psp8 reader against the numbers written in Debian's PseudoDojo Au.psp8.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>

#include "core/error.hpp"
#include "dft/pseudo/psp8.hpp"
#include "dft/pseudo/radial.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

double charge(const Pseudopotential& psp, const std::vector<double>& rho) {
  std::vector<double> f(rho.size());
  for (std::size_t i = 0; i < rho.size(); ++i)
    f[i] = 4.0 * std::numbers::pi * psp.r_bohr[i] * psp.r_bohr[i] * rho[i];
  return radial_integral(psp, f);
}

TEST(Psp8, ReadsHeaderProjectorsAndDensitiesOfPseudoDojoAu) {
  FW_REQUIRE_AU_PSP8();
  const auto psp = read_psp8(testing::kAuPsp8);
  EXPECT_EQ(psp.element, "Au");
  EXPECT_DOUBLE_EQ(psp.z_atom, 79.0);
  EXPECT_DOUBLE_EQ(psp.z_valence, 19.0);
  EXPECT_EQ(psp.functional.libxc_ids, (std::vector<int>{1, 12}));  // pspxc -1012
  ASSERT_EQ(psp.channels.size(), 4u);                              // nproj 2 2 2 1
  EXPECT_EQ(psp.channels[3].projectors.size(), 1u);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 0), 9.4139990751283);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(1, 1), -1.9909283914364e-01);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 1), 0.0);
  EXPECT_EQ(psp.n_points(), 500u);
  EXPECT_DOUBLE_EQ(psp.v_local_hartree.back(), -3.8076166882794);  // last row, ≈ −Z_val/r
  // The valence density (stored as 4πρ) holds Z_val electrons up to the grid's 4.99 bohr tail.
  EXPECT_NEAR(charge(psp, psp.rho_valence_atom), 19.0, 0.1);
  EXPECT_GT(charge(psp, psp.rho_core), 5.0);
}

TEST(Psp8, TruncatedFileIsAnInputErrorNamingTheFile) {
  FW_REQUIRE_AU_PSP8();
  const std::string path = ::testing::TempDir() + "/truncated.psp8";
  {
    std::ifstream in(testing::kAuPsp8);
    std::ofstream out(path);
    std::string line;
    for (int i = 0; i < 100 && std::getline(in, line); ++i) out << line << "\n";
  }
  try {
    read_psp8(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), path);
    EXPECT_NE(std::string(e.what()).find("unexpected end of file"), std::string::npos) << e.what();
  }
}

TEST(Psp8, MissingFileIsAnInputError) {
  EXPECT_THROW(read_pseudopotential("/nonexistent/Au.psp8"), InputError);
}

}  // namespace
}  // namespace fw::dft
