/// \file hamiltonian.hpp
/// \brief H|ψ> at one k-point: kinetic (diagonal), local V_eff(r) by FFT, nonlocal by ZGEMM.
#pragma once

#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/kohn_sham/projectors.hpp"

namespace fw::dft {

class KPointHamiltonian {
 public:
  KPointHamiltonian(const KPointBasis& basis, const KPointProjectors& projectors,
                    const std::vector<double>& v_eff, const FftPlans& plans)
      : basis_(basis), projectors_(projectors), v_eff_(v_eff), plans_(plans) {}

  /// hx = H x for `n_bands` columns of length npw (column-major). `work` holds one FFT-grid buffer
  /// per thread: the bands' local-potential FFT pairs are shared out among work.size() OpenMP
  /// threads (one band per thread at a time), the nonlocal part is one ZGEMM chain on the block.
  void apply(const Complex* x, Complex* hx, std::size_t n_bands,
             std::vector<FftBuffer>& work) const;

  const KPointBasis& basis() const { return basis_; }
  const KPointProjectors& projectors() const { return projectors_; }

 private:
  const KPointBasis& basis_;
  const KPointProjectors& projectors_;
  const std::vector<double>& v_eff_;
  const FftPlans& plans_;
};

}  // namespace fw::dft
