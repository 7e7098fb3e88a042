/// \file test_smearing.cpp
/// \brief Smearing functions: limits, normalisation, entropy consistency w'(x) = x f'(x).
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "dft/solver/smearing.hpp"

namespace fw::dft {
namespace {

class SmearingKinds : public ::testing::TestWithParam<SmearingKind> {};

TEST_P(SmearingKinds, OccupationGoesFromEmptyToFullAndEntropyDerivativeIsXTimesDelta) {
  const Smearing s{GetParam(), 0.01};
  EXPECT_NEAR(s.occupation(-40.0), 0.0, 1e-12);
  EXPECT_NEAR(s.occupation(40.0), 1.0, 1e-12);
  EXPECT_NEAR(s.entropy_term(-40.0), 0.0, 1e-10);
  EXPECT_NEAR(s.entropy_term(40.0), 0.0, 1e-10);
  const double h = 1e-5;
  for (double x = -4.0; x <= 4.0; x += 0.37) {
    const double delta = (s.occupation(x + h) - s.occupation(x - h)) / (2 * h);
    const double dw = (s.entropy_term(x + h) - s.entropy_term(x - h)) / (2 * h);
    EXPECT_NEAR(dw, x * delta, 1e-8) << s.name() << " x=" << x;
  }
}

INSTANTIATE_TEST_SUITE_P(All, SmearingKinds,
                         ::testing::Values(SmearingKind::kFermiDirac, SmearingKind::kGaussian,
                                           SmearingKind::kMethfesselPaxton,
                                           SmearingKind::kMarzariVanderbilt));

TEST(Smearing, FermiDiracValuesAtTheFermiLevel) {
  const Smearing s{SmearingKind::kFermiDirac, 0.01};
  EXPECT_DOUBLE_EQ(s.occupation(0.0), 0.5);
  EXPECT_NEAR(s.entropy_term(0.0), std::log(0.5), 1e-15);
}

TEST(Smearing, FermiLevelHoldsTheElectronCount) {
  const Smearing s{SmearingKind::kGaussian, 0.02};
  const std::vector<std::vector<double>> eig{{-1.0, 0.0, 0.1, 0.5}, {-0.9, 0.05, 0.2, 0.6}};
  const std::vector<double> w{0.25, 0.75};
  const double mu = find_fermi_level(eig, w, 3.0, s);
  double n = 0.0;
  for (std::size_t k = 0; k < 2; ++k)
    for (double e : eig[k]) n += w[k] * 2.0 * s.occupation((mu - e) / 0.02);
  EXPECT_NEAR(n, 3.0, 1e-10);
}

TEST(Smearing, ParsesNamesAndEnergyUnits) {
  EXPECT_NEAR(parse_smearing("fermi-dirac:0.01Ha").width_hartree, 0.01, 1e-15);
  EXPECT_NEAR(parse_smearing("mv:0.02Ry").width_hartree, 0.01, 1e-15);
  EXPECT_EQ(parse_smearing("cold:0.1eV").kind, SmearingKind::kMarzariVanderbilt);
  EXPECT_NEAR(parse_energy_hartree("27.211386245988eV", "--ecut"), 1.0, 1e-12);
  EXPECT_THROW(parse_smearing("boltzmann:0.01"), InputError);
  EXPECT_THROW(parse_energy_hartree("30kJ", "--ecut"), InputError);
}

}  // namespace
}  // namespace fw::dft
