/// \file test_radial.cpp
/// \brief Spherical Bessel functions and radial transforms against closed forms.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "dft/pseudo/radial.hpp"

namespace fw::dft {
namespace {

TEST(Radial, SphericalBesselMatchesStandardLibraryAcrossSmallAndLargeArguments) {
  for (int l = 0; l <= 3; ++l)
    for (double x : {1e-6, 0.05, 0.29, 0.31, 1.0, 3.7, 12.0, 40.0})
      EXPECT_NEAR(spherical_bessel(l, x), std::sph_bessel(static_cast<unsigned>(l), x), 1e-12)
          << "l=" << l << " x=" << x;
}

TEST(Radial, GaussianTransformMatchesAnalyticFourierTransform) {
  // 4π ∫ r² e^{−r²} j0(qr) dr = π^{3/2} e^{−q²/4}.
  Pseudopotential psp;
  for (int i = 0; i < 1201; ++i) {
    psp.r_bohr.push_back(0.01 * i);
    psp.rab_bohr.push_back(0.01);
  }
  std::vector<double> g;
  for (double r : psp.r_bohr) g.push_back(std::exp(-r * r));
  const RadialTransform t(psp, g, 0, 0, 10.0);
  for (double q : {0.0, 0.5, 1.234, 3.0, 7.77})
    EXPECT_NEAR(t(q), std::pow(std::numbers::pi, 1.5) * std::exp(-q * q / 4), 1e-9) << "q=" << q;
}

}  // namespace
}  // namespace fw::dft
