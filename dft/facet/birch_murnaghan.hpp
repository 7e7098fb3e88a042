/// \file birch_murnaghan.hpp
/// \brief Third-order Birch–Murnaghan equation of state fitted to E(V) points (Birch, Phys. Rev.
/// 71, 809 (1947)): equilibrium volume, bulk modulus and its pressure derivative.
#pragma once

#include <vector>

namespace fw::dft {

/// The fit, in the units of its input (volume V, energy E); B0 in E/V.
struct BirchMurnaghanFit {
  double v0 = 0.0;            ///< equilibrium volume
  double e0 = 0.0;            ///< energy at v0
  double b0 = 0.0;            ///< bulk modulus V d²E/dV² at v0
  double b0_prime = 0.0;      ///< dB/dP at v0
  double rms_residual = 0.0;  ///< root-mean-square of E_i − E_fit(V_i)
  double energy(double v) const;
  double pressure(double v) const;     ///< −dE/dV
  double c[4] = {0.0, 0.0, 0.0, 0.0};  ///< E = c0 + c1 x + c2 x² + c3 x³, x = V^(−2/3)
};

/// Third-order BM is exactly a cubic in x = V^(−2/3), so the fit is a linear least-squares
/// problem (LAPACK dgels). Needs ≥ 5 points (4 coefficients and one degree of freedom) and a
/// minimum inside the sampled volumes; throws std::invalid_argument naming what is wrong.
BirchMurnaghanFit fit_birch_murnaghan(const std::vector<double>& volumes,
                                      const std::vector<double>& energies);

/// The volume where the pressure vanishes, from pressures P_i(V_i) (P in E/V units): BM3's
/// dE/dx = (3/2) P V^(5/3) is a quadratic in x = V^(−2/3), fitted by least squares (≥ 4 points)
/// and solved for its root with dE/dx rising (a minimum of E). Throws std::invalid_argument when
/// the root lies outside the sampled volumes.
double zero_pressure_volume(const std::vector<double>& volumes,
                            const std::vector<double>& pressures);

}  // namespace fw::dft
