/// \file gamma_hamiltonian.cpp
/// \brief The Kohn–Sham Hamiltonian on real Γ-point wavefunctions.
#include "dft/solver/gamma_hamiltonian.hpp"

#include <cblas.h>
#include <omp.h>

#include <algorithm>
#include <cmath>

namespace fw::dft {

void GammaHamiltonian::apply(const double* x, double* hx, std::size_t n,
                             std::vector<FftBuffer>& work) const {
  const GammaRealMap& map = gamma_.map;
  const std::size_t npw = map.size(), n_pairs = (n + 1) / 2;
  const std::size_t n_grid = plans_.grid().size();
  const double inv_n = 1.0 / static_cast<double>(n_grid);
  const double sqrt2 = std::sqrt(2.0), inv_sqrt2 = 1.0 / sqrt2;
  const Complex i_unit(0.0, 1.0), minus_half_i(0.0, -0.5);
  const std::vector<std::size_t>& fft = basis_.fft_index;
  const int threads = static_cast<int>(std::min(work.size(), n_pairs));
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    FftBuffer& buffer = work[static_cast<std::size_t>(omp_get_thread_num())];
    std::vector<double> zeros(npw, 0.0), discard(npw);
#pragma omp for schedule(static)
    for (std::size_t pair = 0; pair < n_pairs; ++pair) {
      const std::size_t first = 2 * pair;
      const bool two = first + 1 < n;
      const double* xa = x + first * npw;
      const double* xb = two ? xa + npw : zeros.data();
      double* ha = hx + first * npw;
      double* hb = two ? ha + npw : discard.data();
      // ψ_a + iψ_b: c(G) = c_a(G) + i c_b(G), c(−G) = c_a(G)* + i c_b(G)*.
      std::fill(buffer.data(), buffer.data() + n_grid, Complex(0.0));
      buffer[fft[map.zero]] = Complex(xa[0], xb[0]);
      for (std::size_t j = 0; j < map.plus.size(); ++j) {
        const Complex ca(xa[2 * j + 1] * inv_sqrt2, xa[2 * j + 2] * inv_sqrt2);
        const Complex cb(xb[2 * j + 1] * inv_sqrt2, xb[2 * j + 2] * inv_sqrt2);
        buffer[fft[map.plus[j]]] = ca + i_unit * cb;
        buffer[fft[map.minus[j]]] = std::conj(ca) + i_unit * std::conj(cb);
      }
      plans_.to_real_space(buffer.data(), basis_.fft_support);
      for (std::size_t i = 0; i < n_grid; ++i) buffer[i] *= v_eff_[i];
      plans_.to_reciprocal_space(buffer.data(), basis_.fft_support);
      // F = V ψ_a + i V ψ_b with both products real: (Vψ_a)(G) = (F(G) + F(−G)*)/2,
      // (Vψ_b)(G) = (F(G) − F(−G)*)/(2i).
      const Complex f0 = buffer[fft[map.zero]] * inv_n;
      ha[0] = map.kinetic[0] * xa[0] + f0.real();
      hb[0] = map.kinetic[0] * xb[0] + f0.imag();
      for (std::size_t j = 0; j < map.plus.size(); ++j) {
        const Complex f_plus = buffer[fft[map.plus[j]]] * inv_n;
        const Complex f_minus = std::conj(buffer[fft[map.minus[j]]] * inv_n);
        const Complex va = 0.5 * (f_plus + f_minus), vb = minus_half_i * (f_plus - f_minus);
        const double kinetic = map.kinetic[2 * j + 1];
        ha[2 * j + 1] = kinetic * xa[2 * j + 1] + sqrt2 * va.real();
        ha[2 * j + 2] = kinetic * xa[2 * j + 2] + sqrt2 * va.imag();
        hb[2 * j + 1] = kinetic * xb[2 * j + 1] + sqrt2 * vb.real();
        hb[2 * j + 2] = kinetic * xb[2 * j + 2] + sqrt2 * vb.imag();
      }
    }
  }
  // V_NL x = B D Bᵀ x, all real.
  if (gamma_.n_proj == 0 || n == 0) return;
  const int np = static_cast<int>(gamma_.n_proj), ng = static_cast<int>(npw),
            nb = static_cast<int>(n);
  std::vector<double> p(gamma_.n_proj * n), dp(gamma_.n_proj * n);
  cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, np, nb, ng, 1.0, gamma_.b.data(), ng, x, ng,
              0.0, p.data(), np);
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, np, nb, np, 1.0, gamma_.d.data(), np,
              p.data(), np, 0.0, dp.data(), np);
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, ng, nb, np, 1.0, gamma_.b.data(), ng,
              dp.data(), np, 1.0, hx, ng);
}

}  // namespace fw::dft
