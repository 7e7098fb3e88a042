/// \file preconditioner.hpp
/// \brief The interface of a density-mixing preconditioner: P⁻¹ ≈ J⁻¹ = (1 − χ0 v_c)⁻¹, the
/// inverse dielectric operator that turns a density residual ρ_out − ρ_in into a density step
/// (Herbst & Levitt, J. Phys.: Condens. Matter 32, 205004 (2020), eq. 8).
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

class DensityPreconditioner {
 public:
  virtual ~DensityPreconditioner() = default;
  /// Replaces the residual (G coefficients of the FFT box) by P⁻¹ applied to it.
  virtual void apply(std::vector<Complex>& residual_g) const = 0;
};

}  // namespace fw::dft
