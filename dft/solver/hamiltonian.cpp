/// \file hamiltonian.cpp
/// \brief Application of the Kohn–Sham Hamiltonian at one k-point.
#include "dft/solver/hamiltonian.hpp"

#include <omp.h>

#include <algorithm>

namespace fw::dft {

void KPointHamiltonian::apply(const Complex* x, Complex* hx, std::size_t n_bands,
                              std::vector<FftBuffer>& work) const {
  const std::size_t npw = basis_.size();
  const std::size_t n_grid = plans_.grid().size();
  const double inv_n = 1.0 / static_cast<double>(n_grid);
  const int threads = static_cast<int>(std::min(work.size(), n_bands));
  // Bands are independent: each thread transforms whole bands with its own buffer (a coarse grain
  // that keeps the threads busy on a loaded machine, unlike a split of each transform).
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    FftBuffer& buffer = work[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(static)
    for (std::size_t b = 0; b < n_bands; ++b) {
      const Complex* xb = x + b * npw;
      Complex* hb = hx + b * npw;
      std::fill(buffer.data(), buffer.data() + n_grid, Complex(0.0));
      for (std::size_t g = 0; g < npw; ++g) buffer[basis_.fft_index[g]] = xb[g];
      plans_.to_real_space(buffer.data(), basis_.fft_support);
      for (std::size_t i = 0; i < n_grid; ++i) buffer[i] *= v_eff_[i];
      plans_.to_reciprocal_space(buffer.data(), basis_.fft_support);
      for (std::size_t g = 0; g < npw; ++g)
        hb[g] = basis_.kinetic_hartree[g] * xb[g] + buffer[basis_.fft_index[g]] * inv_n;
    }
  }
  apply_nonlocal(projectors_, npw, n_bands, x, hx);
}

}  // namespace fw::dft
