/// \file davidson.cpp
/// \brief Block Davidson (Davidson, J. Comput. Phys. 17, 87 (1975)) for plane-wave Hamiltonians.
#include "dft/solver/davidson.hpp"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "dft/parallel/scalapack_eigensolver.hpp"

namespace fw::dft {
namespace {

const Complex kOne(1.0), kZero(0.0), kMinusOne(-1.0);

/// c (m x n) = a^H (k x m)^H b (k x n).
void gemm_ch(std::size_t m, std::size_t n, std::size_t k, const Complex* a, const Complex* b,
             Complex* c) {
  cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
              static_cast<int>(k), &kOne, a, static_cast<int>(k), b, static_cast<int>(k), &kZero, c,
              static_cast<int>(m));
}

/// Hermitian eigen-decomposition in place (columns of a become eigenvectors, ascending).
void heev(std::vector<Complex>& a, std::size_t n, std::vector<double>& w,
          const DenseEigensolver& dense) {
  for (const Complex& v : a)
    if (!std::isfinite(v.real()) || !std::isfinite(v.imag()))
      throw std::runtime_error(
          "the Davidson subspace matrix holds NaN or infinity (the potential or the starting "
          "wavefunctions are not finite)");
  if (dense)
    dense(a, n, w);
  else
    lapack_heevd(a, n, w);
}

/// Removes the components of t (npw x nt) along v (npw x nv, orthonormal), twice for stability.
void project_out(const Complex* v, std::size_t nv, Complex* t, std::size_t nt, std::size_t npw) {
  if (nv == 0 || nt == 0) return;
  std::vector<Complex> overlap(nv * nt);
  for (int pass = 0; pass < 2; ++pass) {
    gemm_ch(nv, nt, npw, v, t, overlap.data());
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(npw),
                static_cast<int>(nt), static_cast<int>(nv), &kMinusOne, v, static_cast<int>(npw),
                overlap.data(), static_cast<int>(nv), &kOne, t, static_cast<int>(npw));
  }
}

/// Orthonormalises t (npw x nt) by S^{-1/2} on its well-conditioned subspace; returns kept count.
std::size_t orthonormalize_block(std::vector<Complex>& t, std::size_t npw, std::size_t nt,
                                 const DenseEigensolver& dense = nullptr) {
  std::vector<Complex> s(nt * nt);
  gemm_ch(nt, nt, npw, t.data(), t.data(), s.data());
  std::vector<double> w;
  heev(s, nt, w, dense);
  const double w_max = w.empty() ? 0.0 : w.back();
  std::vector<Complex> transform;
  std::size_t kept = 0;
  for (std::size_t j = 0; j < nt; ++j) {
    if (w[j] <= 1e-12 * w_max || w[j] <= 1e-24) continue;
    const double scale = 1.0 / std::sqrt(w[j]);
    for (std::size_t i = 0; i < nt; ++i) transform.push_back(s[j * nt + i] * scale);
    ++kept;
  }
  std::vector<Complex> out(npw * kept);
  if (kept > 0)
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(npw),
                static_cast<int>(kept), static_cast<int>(nt), &kOne, t.data(),
                static_cast<int>(npw), transform.data(), static_cast<int>(nt), &kZero, out.data(),
                static_cast<int>(npw));
  t = std::move(out);
  return kept;
}

}  // namespace

bool orthonormalize(std::vector<Complex>& x, std::size_t npw, std::size_t n) {
  return orthonormalize_block(x, npw, n) == n;
}

DavidsonResult davidson(const ApplyOperator& apply_h, const std::vector<double>& kinetic,
                        std::size_t n_bands, std::vector<Complex>& x,
                        std::vector<double>& eigenvalues, int max_iterations, double tolerance,
                        const DenseEigensolver& dense) {
  const std::size_t npw = kinetic.size();
  if (n_bands > npw) throw std::invalid_argument("more bands than plane waves");
  const std::size_t max_basis = std::min(npw, 3 * n_bands);
  DavidsonResult result;

  std::vector<Complex> v = x;  // basis, npw x m
  std::size_t m = orthonormalize_block(v, npw, n_bands, dense);
  if (m != n_bands) throw std::runtime_error("Davidson: start vectors are linearly dependent");
  std::vector<Complex> hv(npw * m);
  apply_h(v.data(), hv.data(), m);
  result.n_applications += m;

  // V^H H V (leading dimension max_basis), extended by the new columns only as V grows: the
  // O(npw·m²) product of every iteration becomes O(npw·m·k) for k new vectors.
  std::vector<Complex> projected(max_basis * max_basis, 0.0);
  cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(m),
              static_cast<int>(npw), &kOne, v.data(), static_cast<int>(npw), hv.data(),
              static_cast<int>(npw), &kZero, projected.data(), static_cast<int>(max_basis));

  std::vector<Complex> hx(npw * n_bands), residual(npw * n_bands), subspace;
  std::vector<double> ritz;
  for (int iteration = 0;; ++iteration) {
    // Rayleigh–Ritz in span(v).
    subspace.resize(m * m);
    for (std::size_t j = 0; j < m; ++j)
      std::copy(projected.begin() + static_cast<long>(j * max_basis),
                projected.begin() + static_cast<long>(j * max_basis + m),
                subspace.begin() + static_cast<long>(j * m));
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = i + 1; j < m; ++j) {
        const Complex avg = 0.5 * (subspace[j * m + i] + std::conj(subspace[i * m + j]));
        subspace[j * m + i] = avg;
        subspace[i * m + j] = std::conj(avg);
      }
    heev(subspace, m, ritz, dense);
    x.assign(npw * n_bands, 0.0);
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(npw),
                static_cast<int>(n_bands), static_cast<int>(m), &kOne, v.data(),
                static_cast<int>(npw), subspace.data(), static_cast<int>(m), &kZero, x.data(),
                static_cast<int>(npw));
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(npw),
                static_cast<int>(n_bands), static_cast<int>(m), &kOne, hv.data(),
                static_cast<int>(npw), subspace.data(), static_cast<int>(m), &kZero, hx.data(),
                static_cast<int>(npw));
    eigenvalues.assign(ritz.begin(), ritz.begin() + static_cast<long>(n_bands));

    // Residuals and the bands still to improve.
    std::vector<std::size_t> active;
    result.max_residual_norm = 0.0;
    for (std::size_t b = 0; b < n_bands; ++b) {
      double r2 = 0.0;
      for (std::size_t g = 0; g < npw; ++g) {
        const Complex r = hx[b * npw + g] - eigenvalues[b] * x[b * npw + g];
        residual[b * npw + g] = r;
        r2 += std::norm(r);
      }
      const double rn = std::sqrt(r2);
      result.max_residual_norm = std::max(result.max_residual_norm, rn);
      if (rn > tolerance) active.push_back(b);
    }
    result.iterations = iteration;
    if (active.empty() || iteration >= max_iterations) break;

    if (m + active.size() > max_basis) {  // restart from the Ritz vectors: X^H H X = diag(λ)
      v = x;
      hv = hx;
      m = n_bands;
      std::fill(projected.begin(), projected.end(), Complex(0.0));
      for (std::size_t b = 0; b < n_bands; ++b) projected[b * max_basis + b] = eigenvalues[b];
    }
    // Fewer plane waves than 3·n_bands: only as many corrections as the basis has room for.
    if (m + active.size() > max_basis) active.resize(max_basis - m);
    if (active.empty()) break;

    // TPA-preconditioned corrections.
    std::vector<Complex> t(npw * active.size());
    for (std::size_t a = 0; a < active.size(); ++a) {
      const std::size_t b = active[a];
      double ekin = 0.0;
      for (std::size_t g = 0; g < npw; ++g) ekin += kinetic[g] * std::norm(x[b * npw + g]);
      ekin = std::max(ekin, 1e-3);
      for (std::size_t g = 0; g < npw; ++g) {
        const double y = kinetic[g] / ekin;
        const double num = 27.0 + y * (18.0 + y * (12.0 + 8.0 * y));
        t[a * npw + g] = residual[b * npw + g] * (num / (num + 16.0 * y * y * y * y));
      }
    }
    project_out(v.data(), m, t.data(), active.size(), npw);
    const std::size_t kept = orthonormalize_block(t, npw, active.size(), dense);
    if (kept == 0) break;
    project_out(v.data(), m, t.data(), kept, npw);
    std::vector<Complex> ht(npw * kept);
    apply_h(t.data(), ht.data(), kept);
    result.n_applications += kept;
    v.resize(npw * (m + kept));
    hv.resize(npw * (m + kept));
    std::copy(t.begin(), t.end(), v.begin() + static_cast<long>(npw * m));
    std::copy(ht.begin(), ht.end(), hv.begin() + static_cast<long>(npw * m));
    // New columns [V T]^H (H T) of the projected matrix, and their Hermitian mirror.
    cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, static_cast<int>(m + kept),
                static_cast<int>(kept), static_cast<int>(npw), &kOne, v.data(),
                static_cast<int>(npw), ht.data(), static_cast<int>(npw), &kZero,
                projected.data() + m * max_basis, static_cast<int>(max_basis));
    for (std::size_t j = m; j < m + kept; ++j)
      for (std::size_t i = 0; i < m; ++i)
        projected[i * max_basis + j] = std::conj(projected[j * max_basis + i]);
    m += kept;
  }
  return result;
}

}  // namespace fw::dft
