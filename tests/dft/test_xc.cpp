/// \file test_xc.cpp
/// \brief libxc wrapper: uniform electron gas exchange (Dirac) and PBE's uniform limit.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "dft/kohn_sham/form_factors.hpp"
#include "dft/kohn_sham/xc_functional.hpp"

namespace fw::dft {
namespace {

TEST(Xc, UniformDensityExchangeIsDiracForLdaAndPbe) {
  const double a = 6.0, rho0 = 0.02;
  Crystal crystal;
  crystal.cell_bohr = Mat3::diagonal(a, a, a);
  FftGrid grid{{12, 12, 12}};
  FftPlans plans(grid);
  const auto g = box_g_vectors(crystal, grid);
  const std::vector<double> rho(grid.size(), rho0);
  // Dirac exchange: ε_x = −(3/4)(3/π)^{1/3} ρ^{1/3}, v_x = (4/3) ε_x.
  const double eps_x = -0.75 * std::cbrt(3.0 / std::numbers::pi) * std::cbrt(rho0);
  for (int id : {1, 101}) {  // LDA_X, GGA_X_PBE (F_x(s = 0) = 1)
    XcFunctional xc({id});
    std::vector<double> v;
    const double e = xc.evaluate(rho, g, plans, a * a * a, v);
    EXPECT_NEAR(e, eps_x * rho0 * a * a * a, 1e-12) << "id " << id;
    EXPECT_NEAR(v[17], 4.0 / 3.0 * eps_x, 1e-12) << "id " << id;
  }
}

TEST(Xc, ParsesNamesIdsAndAbinitCodes) {
  EXPECT_EQ(parse_xc_functional("pbe"), (std::vector<int>{101, 130}));
  EXPECT_EQ(parse_xc_functional("-101130"), (std::vector<int>{101, 130}));
  EXPECT_EQ(parse_xc_functional("gga_x_pbe+gga_c_pbe"), (std::vector<int>{101, 130}));
  EXPECT_EQ(parse_xc_functional("LDA"), (std::vector<int>{1, 12}));
}

}  // namespace
}  // namespace fw::dft
