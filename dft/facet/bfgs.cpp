/// \file bfgs.cpp
/// \brief BFGS Hessian update and the trust-limited quasi-Newton step.
#include "dft/facet/bfgs.hpp"

#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fw::dft {

Bfgs::Bfgs(std::size_t n_coords, std::size_t coords_per_atom, double initial_curvature_eV_per_A2,
           double max_step_A)
    : n_(n_coords),
      coords_per_atom_(coords_per_atom),
      max_step_A_(max_step_A),
      hessian_(n_coords * n_coords, 0.0) {
  if (coords_per_atom == 0 || n_coords % coords_per_atom != 0)
    throw std::invalid_argument("Bfgs: coordinates do not group into atoms");
  for (std::size_t i = 0; i < n_; ++i) hessian_[i * n_ + i] = initial_curvature_eV_per_A2;
}

void Bfgs::update(const std::vector<double>& x, const std::vector<double>& f) {
  // H ← H + Δg Δgᵀ/(Δgᵀ Δx) − (H Δx)(H Δx)ᵀ/(Δxᵀ H Δx), Δg = −Δf. Skipped when the curvature
  // Δgᵀ Δx is not positive, which keeps H positive definite.
  std::vector<double> dx(n_), dg(n_), h_dx(n_, 0.0);
  for (std::size_t i = 0; i < n_; ++i) {
    dx[i] = x[i] - x_previous_[i];
    dg[i] = -(f[i] - f_previous_[i]);
  }
  double curvature = 0.0, dx_h_dx = 0.0;
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t j = 0; j < n_; ++j) h_dx[i] += hessian_[i * n_ + j] * dx[j];
    curvature += dg[i] * dx[i];
    dx_h_dx += dx[i] * h_dx[i];
  }
  if (curvature <= 1e-12 || dx_h_dx <= 1e-12) return;
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < n_; ++j)
      hessian_[i * n_ + j] += dg[i] * dg[j] / curvature - h_dx[i] * h_dx[j] / dx_h_dx;
}

std::vector<double> Bfgs::step(const std::vector<double>& x, const std::vector<double>& f) {
  if (x.size() != n_ || f.size() != n_) throw std::invalid_argument("Bfgs: wrong vector size");
  if (!x_previous_.empty()) update(x, f);
  x_previous_ = x;
  f_previous_ = f;

  // dx = V |Ω|⁻¹ Vᵀ f from the eigen-decomposition H = V Ω Vᵀ (LAPACK dsyev).
  std::vector<double> v = hessian_, omega(n_);
  const int info = LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'V', 'U', static_cast<int>(n_), v.data(),
                                 static_cast<int>(n_), omega.data());
  if (info != 0) throw std::runtime_error("Bfgs: dsyev failed (info " + std::to_string(info) + ")");
  std::vector<double> dx(n_, 0.0);
  for (std::size_t k = 0; k < n_; ++k) {
    double along = 0.0;
    for (std::size_t i = 0; i < n_; ++i) along += v[i * n_ + k] * f[i];
    along /= std::max(std::abs(omega[k]), 1e-8);
    for (std::size_t i = 0; i < n_; ++i) dx[i] += v[i * n_ + k] * along;
  }
  double longest = 0.0;
  for (std::size_t a = 0; a < n_; a += coords_per_atom_) {
    double length2 = 0.0;
    for (std::size_t c = 0; c < coords_per_atom_; ++c) length2 += dx[a + c] * dx[a + c];
    longest = std::max(longest, std::sqrt(length2));
  }
  if (longest > max_step_A_)
    for (double& d : dx) d *= max_step_A_ / longest;
  return dx;
}

}  // namespace fw::dft
