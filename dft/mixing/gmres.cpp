/// \file gmres.cpp
/// \brief GMRES without restart.
#include "dft/mixing/gmres.hpp"

#include <cmath>

namespace fw::dft {
namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

}  // namespace

GmresResult gmres(const LinearOperator& apply, const std::vector<double>& b, double rtol,
                  int max_iterations) {
  const std::size_t n = b.size();
  GmresResult out;
  out.x.assign(n, 0.0);
  const double b_norm = std::sqrt(dot(b, b));
  if (b_norm == 0.0) return out;
  const auto m = static_cast<std::size_t>(max_iterations);
  std::vector<std::vector<double>> v{b};
  for (double& e : v[0]) e /= b_norm;
  // Hessenberg columns (rotated into upper-triangular form), rotations, rotated right-hand side.
  std::vector<std::vector<double>> h;
  std::vector<double> cs, sn, g{b_norm};
  std::size_t k = 0;
  double residual = b_norm;
  while (k < m && residual > rtol * b_norm) {
    std::vector<double> w(n);
    apply(v[k], w);
    std::vector<double> column(k + 2, 0.0);
    for (std::size_t i = 0; i <= k; ++i) {
      column[i] = dot(w, v[i]);
      for (std::size_t j = 0; j < n; ++j) w[j] -= column[i] * v[i][j];
    }
    column[k + 1] = std::sqrt(dot(w, w));
    for (std::size_t i = 0; i < k; ++i) {
      const double t = cs[i] * column[i] + sn[i] * column[i + 1];
      column[i + 1] = -sn[i] * column[i] + cs[i] * column[i + 1];
      column[i] = t;
    }
    const double r = std::hypot(column[k], column[k + 1]);
    cs.push_back(r == 0.0 ? 1.0 : column[k] / r);
    sn.push_back(r == 0.0 ? 0.0 : column[k + 1] / r);
    const double h_next = column[k + 1];
    column[k] = r;
    column[k + 1] = 0.0;
    g.push_back(-sn[k] * g[k]);
    g[k] *= cs[k];
    h.push_back(std::move(column));
    residual = std::abs(g[k + 1]);
    ++k;
    if (h_next == 0.0) break;  // the Krylov space is invariant: the solution is exact
    for (double& e : w) e /= h_next;
    v.push_back(std::move(w));
  }
  // Back-substitution for the coefficients y of x = V y.
  std::vector<double> y(k);
  for (std::size_t i = k; i-- > 0;) {
    double s = g[i];
    for (std::size_t j = i + 1; j < k; ++j) s -= h[j][i] * y[j];
    y[i] = s / h[i][i];
  }
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < n; ++j) out.x[j] += y[i] * v[i][j];
  out.iterations = static_cast<int>(k);
  out.relative_residual = residual / b_norm;
  return out;
}

}  // namespace fw::dft
