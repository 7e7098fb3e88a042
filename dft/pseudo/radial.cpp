/// \file radial.cpp
/// \brief Radial integrals and spherical-Bessel transforms (see radial.hpp).
#include "dft/pseudo/radial.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace fw::dft {

double spherical_bessel(int l, double x) {
  if (std::abs(x) < 0.3) {
    // Series j_l(x) = x^l/(2l+1)!! [1 − y/(2(2l+3)) + y²/(8(2l+3)(2l+5)) −
    // y³/(48(2l+3)(2l+5)(2l+7))], y = x².
    double double_factorial = 1.0;
    for (int k = 1; k <= 2 * l + 1; k += 2) double_factorial *= k;
    const double y = x * x, a = 2 * l + 3, b = 2 * l + 5, c = 2 * l + 7, d = 2 * l + 9;
    return std::pow(x, l) / double_factorial *
           (1.0 - y / (2 * a) + y * y / (8 * a * b) - y * y * y / (48 * a * b * c) +
            y * y * y * y / (384 * a * b * c * d));
  }
  const double s = std::sin(x), c = std::cos(x), ix = 1.0 / x;
  switch (l) {
    case 0:
      return s * ix;
    case 1:
      return (s * ix - c) * ix;
    case 2:
      return ((3.0 * ix * ix - 1.0) * s * ix - 3.0 * c * ix * ix);
    case 3:
      return ((15.0 * ix * ix * ix - 6.0 * ix) * s * ix - (15.0 * ix * ix - 1.0) * c * ix);
    default:
      throw std::invalid_argument("spherical_bessel: l > 3 not supported");
  }
}

double radial_integral(const Pseudopotential& psp, const std::vector<double>& f) {
  const std::size_t n = f.size();
  // Simpson on the largest odd number of points, trapezoid on a leftover last interval.
  const std::size_t n_simpson = (n % 2 == 1) ? n : n - 1;
  double sum = 0.0;
  for (std::size_t i = 0; i < n_simpson; ++i) {
    const double w = (i == 0 || i == n_simpson - 1) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
    sum += w * f[i] * psp.rab_bohr[i];
  }
  sum /= 3.0;
  if (n_simpson < n) sum += 0.5 * (f[n - 2] * psp.rab_bohr[n - 2] + f[n - 1] * psp.rab_bohr[n - 1]);
  return sum;
}

RadialTransform::RadialTransform(const Pseudopotential& psp, const std::vector<double>& r_power_g,
                                 int p, int l, double q_max, double dq)
    : dq_(dq) {
  const std::size_t nq = static_cast<std::size_t>(std::ceil(q_max / dq)) + 4;
  const std::size_t nr = psp.r_bohr.size();
  values_.resize(nq);
  std::vector<double> integrand(nr), r_factor(nr);
  for (std::size_t i = 0; i < nr; ++i) r_factor[i] = std::pow(psp.r_bohr[i], 2 - p) * r_power_g[i];
  for (std::size_t iq = 0; iq < nq; ++iq) {
    const double q = dq * static_cast<double>(iq);
    for (std::size_t i = 0; i < nr; ++i)
      integrand[i] = r_factor[i] * spherical_bessel(l, q * psp.r_bohr[i]);
    values_[iq] = 4.0 * std::numbers::pi * radial_integral(psp, integrand);
  }
  // Natural cubic spline second derivatives (tridiagonal solve).
  second_derivatives_.assign(nq, 0.0);
  std::vector<double> u(nq, 0.0);
  for (std::size_t i = 1; i + 1 < nq; ++i) {
    const double pv = 0.5 * second_derivatives_[i - 1] + 2.0;
    second_derivatives_[i] = -0.5 / pv;
    const double d = (values_[i + 1] - 2.0 * values_[i] + values_[i - 1]) / dq;
    u[i] = (6.0 * d / (2.0 * dq) - 0.5 * u[i - 1]) / pv;
  }
  second_derivatives_[nq - 1] = 0.0;
  for (std::size_t k = nq - 1; k-- > 0;)
    second_derivatives_[k] = second_derivatives_[k] * second_derivatives_[k + 1] + u[k];
}

double RadialTransform::operator()(double q) const {
  const double x = q / dq_;
  std::size_t i = static_cast<std::size_t>(x);
  if (i + 1 >= values_.size())
    throw std::out_of_range("RadialTransform: q beyond the tabulated range");
  const double b = x - static_cast<double>(i), a = 1.0 - b;
  return a * values_[i] + b * values_[i + 1] +
         ((a * a * a - a) * second_derivatives_[i] + (b * b * b - b) * second_derivatives_[i + 1]) *
             dq_ * dq_ / 6.0;
}

}  // namespace fw::dft
