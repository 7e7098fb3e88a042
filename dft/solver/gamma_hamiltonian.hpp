/// \file gamma_hamiltonian.hpp
/// \brief H on the real coordinates of a Γ-point sphere (dft/basis/gamma_real.hpp): two real bands
/// share one complex FFT pair, the nonlocal part is one DGEMM chain.
#pragma once

#include <vector>

#include "dft/kohn_sham/gamma_real_basis.hpp"

namespace fw::dft {

class GammaHamiltonian {
 public:
  GammaHamiltonian(const KPointBasis& basis, const GammaRealBasis& gamma,
                   const std::vector<double>& v_eff, const FftPlans& plans)
      : basis_(basis), gamma_(gamma), v_eff_(v_eff), plans_(plans) {}

  /// hx = H x for n real columns (column-major, length npw). Bands go through the local potential
  /// two at a time as ψ_a + iψ_b (one FFT pair for two real bands), the pairs shared out among
  /// work.size() OpenMP threads as in KPointHamiltonian::apply.
  void apply(const double* x, double* hx, std::size_t n, std::vector<FftBuffer>& work) const;

 private:
  const KPointBasis& basis_;
  const GammaRealBasis& gamma_;
  const std::vector<double>& v_eff_;
  const FftPlans& plans_;
};

}  // namespace fw::dft
