/// \file davidson.cpp
/// \brief Block Davidson (Davidson, J. Comput. Phys. 17, 87 (1975)) for plane-wave Hamiltonians,
/// one template for complex (ZGEMM, zheevd) and real Γ-point (DGEMM, dsyevd) vectors.
#include "dft/solver/davidson.hpp"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <type_traits>

#include "dft/parallel/scalapack_eigensolver.hpp"

namespace fw::dft {
namespace {

double conj_of(double v) {
  return v;
}
Complex conj_of(const Complex& v) {
  return std::conj(v);
}
bool is_finite(double v) {
  return std::isfinite(v);
}
bool is_finite(const Complex& v) {
  return std::isfinite(v.real()) && std::isfinite(v.imag());
}

/// c (m x n) = alpha a^H b + beta c, a (k x m), b (k x n); ldc given.
void gemm_ch(std::size_t m, std::size_t n, std::size_t k, const Complex* a, const Complex* b,
             Complex* c, std::size_t ldc, double alpha = 1.0, double beta = 0.0) {
  const Complex al(alpha), be(beta);
  cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
              static_cast<int>(k), &al, a, static_cast<int>(k), b, static_cast<int>(k), &be, c,
              static_cast<int>(ldc));
}
void gemm_ch(std::size_t m, std::size_t n, std::size_t k, const double* a, const double* b,
             double* c, std::size_t ldc, double alpha = 1.0, double beta = 0.0) {
  cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
              static_cast<int>(k), alpha, a, static_cast<int>(k), b, static_cast<int>(k), beta, c,
              static_cast<int>(ldc));
}

/// c (m x n) = alpha a b + beta c, a (m x k, ld m), b (k x n, ld k).
void gemm_nn(std::size_t m, std::size_t n, std::size_t k, const Complex* a, const Complex* b,
             Complex* c, double alpha = 1.0, double beta = 0.0) {
  const Complex al(alpha), be(beta);
  cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
              static_cast<int>(k), &al, a, static_cast<int>(m), b, static_cast<int>(k), &be, c,
              static_cast<int>(m));
}
void gemm_nn(std::size_t m, std::size_t n, std::size_t k, const double* a, const double* b,
             double* c, double alpha = 1.0, double beta = 0.0) {
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
              static_cast<int>(k), alpha, a, static_cast<int>(m), b, static_cast<int>(k), beta, c,
              static_cast<int>(m));
}

/// c (m x n, leading dimension ldc) = a^H b, a (k x m) and b (k x n) holding this rank's rows;
/// summed over `rows`, the ranks that hold the others (null: every row is here).
template <typename T>
void gram(std::size_t m, std::size_t n, std::size_t k, const T* a, const T* b, T* c,
          std::size_t ldc, const Communicator* rows) {
  if (!rows || rows->size() == 1) {
    gemm_ch(m, n, k, a, b, c, ldc);
    return;
  }
  std::vector<T> local(m * n);
  gemm_ch(m, n, k, a, b, local.data(), m);
  rows->sum(local.data(), local.size());
  for (std::size_t j = 0; j < n; ++j) std::copy_n(local.data() + j * m, m, c + j * ldc);
}

void lapack_eigh(std::vector<Complex>& a, std::size_t n, std::vector<double>& w) {
  lapack_heevd(a, n, w);
}
void lapack_eigh(std::vector<double>& a, std::size_t n, std::vector<double>& w) {
  lapack_syevd(a, n, w);
}

/// Hermitian (symmetric) eigen-decomposition in place (columns of a become eigenvectors,
/// ascending).
template <typename T>
void eigh(std::vector<T>& a, std::size_t n, std::vector<double>& w,
          const DenseEigensolverOf<T>& dense) {
  for (const T& v : a)
    if (!is_finite(v))
      throw std::runtime_error(
          "the Davidson subspace matrix holds NaN or infinity (the potential or the starting "
          "wavefunctions are not finite)");
  if (dense)
    dense(a, n, w);
  else
    lapack_eigh(a, n, w);
}

/// Removes the components of t (npw x nt) along v (npw x nv, orthonormal), twice for stability.
template <typename T>
void project_out(const T* v, std::size_t nv, T* t, std::size_t nt, std::size_t npw,
                 const Communicator* rows) {
  if (nv == 0 || nt == 0) return;
  std::vector<T> overlap(nv * nt);
  for (int pass = 0; pass < 2; ++pass) {
    gram(nv, nt, npw, v, t, overlap.data(), nv, rows);
    gemm_nn(npw, nt, nv, v, overlap.data(), t, -1.0, 1.0);
  }
}

/// Orthonormalises t (npw x nt) by S^{-1/2} on its well-conditioned subspace; returns kept count.
template <typename T>
std::size_t orthonormalize_block(std::vector<T>& t, std::size_t npw, std::size_t nt,
                                 const std::type_identity_t<DenseEigensolverOf<T>>& dense = nullptr,
                                 const Communicator* rows = nullptr) {
  std::vector<T> s(nt * nt);
  gram(nt, nt, npw, t.data(), t.data(), s.data(), nt, rows);
  std::vector<double> w;
  eigh(s, nt, w, dense);
  const double w_max = w.empty() ? 0.0 : w.back();
  std::vector<T> transform;
  std::size_t kept = 0;
  for (std::size_t j = 0; j < nt; ++j) {
    if (w[j] <= 1e-12 * w_max || w[j] <= 1e-24) continue;
    const double scale = 1.0 / std::sqrt(w[j]);
    for (std::size_t i = 0; i < nt; ++i) transform.push_back(s[j * nt + i] * scale);
    ++kept;
  }
  std::vector<T> out(npw * kept);
  if (kept > 0) gemm_nn(npw, kept, nt, t.data(), transform.data(), out.data());
  t = std::move(out);
  return kept;
}

/// A uniform random coefficient in [−½, ½) (both parts for complex vectors).
template <typename T>
T random_coefficient(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-0.5, 0.5);
  if constexpr (std::is_same_v<T, double>) {
    return u(rng);
  } else {
    const double re = u(rng);
    return T(re, u(rng));
  }
}

/// Start vectors that were linearly dependent (nearly coinciding atomic orbitals, or a start
/// that lost rank in real coordinates) are replaced by random columns relaxed by 1/(1 + kinetic)
/// and orthogonal to the kept ones, so the block keeps its size; the converged bands do not
/// depend on the start. `v` holds `kept` orthonormal columns on entry, n on return.
template <typename T>
void fill_dependent_columns(std::vector<T>& v, std::size_t kept, std::size_t n,
                            const std::vector<double>& kinetic,
                            const std::type_identity_t<DenseEigensolverOf<T>>& dense,
                            const Communicator* rows) {
  const std::size_t npw = kinetic.size();
  std::mt19937_64 rng(0x5eed + kept);
  for (int attempt = 0; attempt < 3 && kept < n; ++attempt) {
    const std::size_t missing = n - kept;
    std::vector<T> t(npw * missing);
    for (std::size_t j = 0; j < missing; ++j)
      for (std::size_t g = 0; g < npw; ++g)
        t[j * npw + g] = random_coefficient<T>(rng) / (1.0 + kinetic[g]);
    project_out(v.data(), kept, t.data(), missing, npw, rows);
    const std::size_t added = orthonormalize_block(t, npw, missing, dense, rows);
    v.resize(npw * kept);
    v.insert(v.end(), t.begin(), t.begin() + static_cast<std::ptrdiff_t>(npw * added));
    kept += added;
  }
  if (kept < n) throw std::runtime_error("Davidson: start vectors are linearly dependent");
}

}  // namespace

bool orthonormalize(std::vector<Complex>& x, std::size_t npw, std::size_t n) {
  return orthonormalize_block(x, npw, n) == n;
}

template <typename T>
DavidsonResult davidson(const std::type_identity_t<ApplyOperatorOf<T>>& apply_h,
                        const std::vector<double>& kinetic, std::size_t n_bands, std::vector<T>& x,
                        std::vector<double>& eigenvalues, int max_iterations, double tolerance,
                        const std::type_identity_t<DenseEigensolverOf<T>>& dense,
                        const Communicator* rows) {
  const std::size_t npw = kinetic.size();  // this rank's rows
  const std::size_t npw_all =
      rows ? static_cast<std::size_t>(rows->sum(static_cast<double>(npw))) : npw;
  if (n_bands > npw_all) throw std::invalid_argument("more bands than plane waves");
  const std::size_t max_basis = std::min(npw_all, 3 * n_bands);
  DavidsonResult result;

  std::vector<T> v = x;  // basis, npw x m
  std::size_t m = orthonormalize_block(v, npw, n_bands, dense, rows);
  if (m != n_bands) {
    fill_dependent_columns(v, m, n_bands, kinetic, dense, rows);
    m = n_bands;
  }
  std::vector<T> hv(npw * m);
  apply_h(v.data(), hv.data(), m);
  result.n_applications += m;

  // V^H H V (leading dimension max_basis), extended by the new columns only as V grows: the
  // O(npw·m²) product of every iteration becomes O(npw·m·k) for k new vectors.
  std::vector<T> projected(max_basis * max_basis, T(0.0));
  gram(m, m, npw, v.data(), hv.data(), projected.data(), max_basis, rows);

  std::vector<T> hx(npw * n_bands), residual(npw * n_bands), subspace;
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
        const T avg = 0.5 * (subspace[j * m + i] + conj_of(subspace[i * m + j]));
        subspace[j * m + i] = avg;
        subspace[i * m + j] = conj_of(avg);
      }
    eigh(subspace, m, ritz, dense);
    x.assign(npw * n_bands, T(0.0));
    gemm_nn(npw, n_bands, m, v.data(), subspace.data(), x.data());
    gemm_nn(npw, n_bands, m, hv.data(), subspace.data(), hx.data());
    eigenvalues.assign(ritz.begin(), ritz.begin() + static_cast<long>(n_bands));

    // Residuals and the bands still to improve.
    std::vector<std::size_t> active;
    result.max_residual_norm = 0.0;
    std::vector<double> r2(n_bands, 0.0);
    for (std::size_t b = 0; b < n_bands; ++b)
      for (std::size_t g = 0; g < npw; ++g) {
        const T r = hx[b * npw + g] - eigenvalues[b] * x[b * npw + g];
        residual[b * npw + g] = r;
        r2[b] += std::norm(r);
      }
    if (rows) rows->sum(r2.data(), n_bands);
    for (std::size_t b = 0; b < n_bands; ++b) {
      const double rn = std::sqrt(r2[b]);
      result.max_residual_norm = std::max(result.max_residual_norm, rn);
      if (rn > tolerance) active.push_back(b);
    }
    result.iterations = iteration;
    if (active.empty() || iteration >= max_iterations) break;

    if (m + active.size() > max_basis) {  // restart from the Ritz vectors: X^H H X = diag(λ)
      v = x;
      hv = hx;
      m = n_bands;
      std::fill(projected.begin(), projected.end(), T(0.0));
      for (std::size_t b = 0; b < n_bands; ++b) projected[b * max_basis + b] = eigenvalues[b];
    }
    // Fewer plane waves than 3·n_bands: only as many corrections as the basis has room for.
    if (m + active.size() > max_basis) active.resize(max_basis - m);
    if (active.empty()) break;

    // TPA-preconditioned corrections.
    std::vector<T> t(npw * active.size());
    std::vector<double> ekin(active.size(), 0.0);
    for (std::size_t a = 0; a < active.size(); ++a)
      for (std::size_t g = 0; g < npw; ++g)
        ekin[a] += kinetic[g] * std::norm(x[active[a] * npw + g]);
    if (rows) rows->sum(ekin.data(), ekin.size());
    for (std::size_t a = 0; a < active.size(); ++a) {
      const std::size_t b = active[a];
      const double e = std::max(ekin[a], 1e-3);
      for (std::size_t g = 0; g < npw; ++g) {
        const double y = kinetic[g] / e;
        const double num = 27.0 + y * (18.0 + y * (12.0 + 8.0 * y));
        t[a * npw + g] = residual[b * npw + g] * (num / (num + 16.0 * y * y * y * y));
      }
    }
    project_out(v.data(), m, t.data(), active.size(), npw, rows);
    const std::size_t kept = orthonormalize_block(t, npw, active.size(), dense, rows);
    if (kept == 0) break;
    project_out(v.data(), m, t.data(), kept, npw, rows);
    std::vector<T> ht(npw * kept);
    apply_h(t.data(), ht.data(), kept);
    result.n_applications += kept;
    v.resize(npw * (m + kept));
    hv.resize(npw * (m + kept));
    std::copy(t.begin(), t.end(), v.begin() + static_cast<long>(npw * m));
    std::copy(ht.begin(), ht.end(), hv.begin() + static_cast<long>(npw * m));
    // New columns [V T]^H (H T) of the projected matrix, and their Hermitian mirror.
    gram(m + kept, kept, npw, v.data(), ht.data(), projected.data() + m * max_basis, max_basis,
         rows);
    for (std::size_t j = m; j < m + kept; ++j)
      for (std::size_t i = 0; i < m; ++i)
        projected[i * max_basis + j] = conj_of(projected[j * max_basis + i]);
    m += kept;
  }
  return result;
}

template DavidsonResult davidson<Complex>(const ApplyOperatorOf<Complex>&,
                                          const std::vector<double>&, std::size_t,
                                          std::vector<Complex>&, std::vector<double>&, int, double,
                                          const DenseEigensolverOf<Complex>&, const Communicator*);
template DavidsonResult davidson<double>(const ApplyOperatorOf<double>&, const std::vector<double>&,
                                         std::size_t, std::vector<double>&, std::vector<double>&,
                                         int, double, const DenseEigensolverOf<double>&,
                                         const Communicator*);

}  // namespace fw::dft
