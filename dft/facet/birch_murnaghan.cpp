/// \file birch_murnaghan.cpp
/// \brief Birch–Murnaghan E(V) fit as a least-squares cubic in V^(−2/3).
#include "dft/facet/birch_murnaghan.hpp"

#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fw::dft {

namespace {

double x_of(double v) {
  return std::pow(v, -2.0 / 3.0);
}

/// dE/dx and d²E/dx² of the cubic.
double d1(const double* c, double x) {
  return c[1] + 2.0 * c[2] * x + 3.0 * c[3] * x * x;
}
double d2(const double* c, double x) {
  return 2.0 * c[2] + 6.0 * c[3] * x;
}

/// B(V) = V d²E/dV² with x(V) = V^(−2/3): dx/dV = −(2/3)V^(−5/3), d²x/dV² = (10/9)V^(−8/3).
double bulk_modulus(const double* c, double v) {
  const double x = x_of(v);
  const double dx = -2.0 / 3.0 * std::pow(v, -5.0 / 3.0);
  const double ddx = 10.0 / 9.0 * std::pow(v, -8.0 / 3.0);
  return v * (d2(c, x) * dx * dx + d1(c, x) * ddx);
}

}  // namespace

double BirchMurnaghanFit::energy(double v) const {
  const double x = x_of(v);
  return c[0] + x * (c[1] + x * (c[2] + x * c[3]));
}

double BirchMurnaghanFit::pressure(double v) const {
  return -d1(c, x_of(v)) * (-2.0 / 3.0 * std::pow(v, -5.0 / 3.0));
}

double zero_pressure_volume(const std::vector<double>& volumes,
                            const std::vector<double>& pressures) {
  const std::size_t n = volumes.size();
  if (n != pressures.size() || n < 4)
    throw std::invalid_argument("at least 4 pressures, one per volume");
  double x_mean = 0.0;
  for (double v : volumes) x_mean += x_of(v) / static_cast<double>(n);
  std::vector<double> a(n * 3), b(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!(volumes[i] > 0.0) || !std::isfinite(pressures[i]))
      throw std::invalid_argument("positive volumes and finite pressures");
    const double t = x_of(volumes[i]) / x_mean;
    for (std::size_t j = 0; j < 3; ++j) a[i * 3 + j] = std::pow(t, static_cast<double>(j));
    b[i] = 1.5 * pressures[i] * std::pow(volumes[i], 5.0 / 3.0);
  }
  if (LAPACKE_dgels(LAPACK_ROW_MAJOR, 'N', static_cast<lapack_int>(n), 3, 1, a.data(), 3, b.data(),
                    1) != 0)
    throw std::invalid_argument("the pressure points are degenerate");
  // dE/dx = b0 + b1 t + b2 t², t = x / x_mean: the root with a positive slope.
  const double qa = b[2], qb = b[1], qc = b[0];
  std::vector<double> roots;
  if (std::abs(qa) < 1e-300 * std::abs(qb)) {
    roots.push_back(-qc / qb);
  } else if (const double disc = qb * qb - 4.0 * qa * qc; disc >= 0.0) {
    roots.push_back((-qb + std::sqrt(disc)) / (2.0 * qa));
    roots.push_back((-qb - std::sqrt(disc)) / (2.0 * qa));
  }
  const auto [v_lo, v_hi] = std::minmax_element(volumes.begin(), volumes.end());
  for (double t : roots) {
    const double x = t * x_mean;
    if (x >= x_of(*v_hi) && x <= x_of(*v_lo) && qb + 2.0 * qa * t > 0.0) return std::pow(x, -1.5);
  }
  throw std::invalid_argument("the pressure does not vanish inside the sampled volumes");
}

BirchMurnaghanFit fit_birch_murnaghan(const std::vector<double>& volumes,
                                      const std::vector<double>& energies) {
  const std::size_t n = volumes.size();
  if (n != energies.size()) throw std::invalid_argument("as many energies as volumes");
  if (n < 5) throw std::invalid_argument("at least 5 E(V) points (a cubic and one to spare)");
  for (std::size_t i = 0; i < n; ++i)
    if (!(volumes[i] > 0.0) || !std::isfinite(energies[i]))
      throw std::invalid_argument("positive volumes and finite energies");
  // Columns scaled by the mean x so the normal matrix stays well conditioned.
  double x_mean = 0.0;
  for (double v : volumes) x_mean += x_of(v) / static_cast<double>(n);
  std::vector<double> a(n * 4), b(energies);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = x_of(volumes[i]) / x_mean;
    for (std::size_t j = 0; j < 4; ++j) a[i * 4 + j] = std::pow(t, static_cast<double>(j));
  }
  const lapack_int info = LAPACKE_dgels(LAPACK_ROW_MAJOR, 'N', static_cast<lapack_int>(n), 4, 1,
                                        a.data(), 4, b.data(), 1);
  if (info != 0) throw std::invalid_argument("the E(V) points are degenerate (equal volumes?)");
  BirchMurnaghanFit fit;
  for (int j = 0; j < 4; ++j) fit.c[j] = b[static_cast<std::size_t>(j)] / std::pow(x_mean, j);

  // The minimum: a root of dE/dx = c1 + 2c2 x + 3c3 x² with d²E/dx² > 0 inside the samples.
  const auto [v_lo, v_hi] = std::minmax_element(volumes.begin(), volumes.end());
  const double x_lo = x_of(*v_hi), x_hi = x_of(*v_lo);
  std::vector<double> roots;
  const double qa = 3.0 * fit.c[3], qb = 2.0 * fit.c[2], qc = fit.c[1];
  if (std::abs(qa) < 1e-300) {
    roots.push_back(-qc / qb);
  } else {
    const double disc = qb * qb - 4.0 * qa * qc;
    if (disc >= 0.0) {
      const double s = std::sqrt(disc);
      roots.push_back((-qb + s) / (2.0 * qa));
      roots.push_back((-qb - s) / (2.0 * qa));
    }
  }
  double x0 = std::nan("");
  for (double r : roots)
    if (r >= x_lo && r <= x_hi && d2(fit.c, r) > 0.0) x0 = r;
  if (!std::isfinite(x0))
    throw std::invalid_argument("the fitted E(V) has no minimum inside the sampled volumes");
  fit.v0 = std::pow(x0, -1.5);
  fit.e0 = fit.energy(fit.v0);
  fit.b0 = bulk_modulus(fit.c, fit.v0);
  // B0' = dB/dP = (dB/dV)/(dP/dV), central differences on the fitted cubic.
  const double h = 1e-4 * fit.v0;
  fit.b0_prime = (bulk_modulus(fit.c, fit.v0 + h) - bulk_modulus(fit.c, fit.v0 - h)) /
                 (fit.pressure(fit.v0 + h) - fit.pressure(fit.v0 - h));
  double sum2 = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double r = energies[i] - fit.energy(volumes[i]);
    sum2 += r * r;
  }
  fit.rms_residual = std::sqrt(sum2 / static_cast<double>(n));
  return fit;
}

}  // namespace fw::dft
