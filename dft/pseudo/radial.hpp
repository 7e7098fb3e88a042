/// \file radial.hpp
/// \brief Radial integrals of pseudopotential functions and their spherical-Bessel transforms.
#pragma once

#include <vector>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

/// Spherical Bessel function j_l(x), l = 0..3, accurate near x = 0 (series) and beyond.
double spherical_bessel(int l, double x);

/// ∫ f(r) dr on the pseudopotential grid (Simpson in the grid index, weighted by dr/di).
double radial_integral(const Pseudopotential& psp, const std::vector<double>& f);

/// A radial function's transform F(q) = 4π ∫ r² j_l(q r) g(r) dr tabulated on a uniform q grid
/// and interpolated by a natural cubic spline (error ~ dq⁴; dq = 0.01 bohr⁻¹ by default).
class RadialTransform {
 public:
  RadialTransform() = default;
  /// `r_power_g` = r^p · g(r) on the grid; the integrand is 4π r^(2−p) j_l(qr) (r^p g).
  RadialTransform(const Pseudopotential& psp, const std::vector<double>& r_power_g, int p, int l,
                  double q_max, double dq = 0.01);
  double operator()(double q) const;
  double q_max() const { return dq_ * static_cast<double>(values_.size() - 1); }

 private:
  double dq_ = 0.0;
  std::vector<double> values_, second_derivatives_;
};

}  // namespace fw::dft
