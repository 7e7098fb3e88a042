/// \file pulay.cpp
/// \brief Pulay (DIIS) density mixing.
#include "dft/mixing/pulay.hpp"

#include <cmath>

namespace fw::dft {
namespace {

/// Solves a x = rhs (n x n, row-major) by Gaussian elimination with partial pivoting.
std::vector<double> solve(std::vector<double> a, std::vector<double> rhs) {
  const std::size_t n = rhs.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r * n + c]) > std::abs(a[p * n + c])) p = r;
    for (std::size_t k = 0; k < n; ++k) std::swap(a[c * n + k], a[p * n + k]);
    std::swap(rhs[c], rhs[p]);
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r * n + c] / a[c * n + c];
      for (std::size_t k = c; k < n; ++k) a[r * n + k] -= f * a[c * n + k];
      rhs[r] -= f * rhs[c];
    }
  }
  std::vector<double> x(n);
  for (std::size_t c = n; c-- > 0;) {
    double s = rhs[c];
    for (std::size_t k = c + 1; k < n; ++k) s -= a[c * n + k] * x[k];
    x[c] = s / a[c * n + c];
  }
  return x;
}

}  // namespace

std::vector<Complex> PulayMixer::mix(const std::vector<Complex>& rho_in,
                                     const std::vector<Complex>& rho_out,
                                     const DensityPreconditioner& preconditioner) {
  const std::size_t n = rho_in.size();
  std::vector<Complex> residual(n);
  for (std::size_t i = 0; i < n; ++i) residual[i] = rho_out[i] - rho_in[i];
  inputs_.push_back(rho_in);
  residuals_.push_back(residual);
  if (inputs_.size() > history_) {
    inputs_.pop_front();
    residuals_.pop_front();
  }
  const std::size_t h = inputs_.size();
  // Bordered DIIS system [A 1; 1ᵀ 0][c; λ] = [0; 1].
  std::vector<double> a((h + 1) * (h + 1), 0.0), rhs(h + 1, 0.0);
  double trace = 0.0;
  for (std::size_t i = 0; i < h; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      double s = 0.0;
      for (std::size_t k = 0; k < n; ++k)
        s += (std::conj(residuals_[i][k]) * residuals_[j][k]).real();
      a[i * (h + 1) + j] = a[j * (h + 1) + i] = s;
      if (i == j) trace += s;
    }
  for (std::size_t i = 0; i < h; ++i) {
    a[i * (h + 1) + i] += 1e-12 * trace / static_cast<double>(h);
    a[i * (h + 1) + h] = a[h * (h + 1) + i] = 1.0;
  }
  rhs[h] = 1.0;
  const auto c = solve(a, rhs);
  std::vector<Complex> next(n, 0.0), r_opt(n, 0.0);
  for (std::size_t i = 0; i < h; ++i)
    for (std::size_t k = 0; k < n; ++k) {
      next[k] += c[i] * inputs_[i][k];
      r_opt[k] += c[i] * residuals_[i][k];
    }
  preconditioner.apply(r_opt);
  for (std::size_t k = 0; k < n; ++k) next[k] += beta_ * r_opt[k];
  return next;
}

}  // namespace fw::dft
