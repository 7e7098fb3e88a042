/// \file pulay.hpp
/// \brief Pulay (DIIS) density mixing with a preconditioner (Kerker, LDOS), on the density's G
/// coefficients.
#pragma once

#include <deque>
#include <vector>

#include "dft/mixing/preconditioner.hpp"

namespace fw::dft {

/// ρ_next = Σ c_i ρ_in,i + β P⁻¹(Σ c_i R_i), R = ρ_out − ρ_in, Σ c_i = 1 minimising |Σ c_i R_i|
/// (Pulay, Chem. Phys. Lett. 73, 393 (1980)); P⁻¹ approximates the inverse dielectric operator
/// (dft/mixing/kerker.hpp, dft/mixing/ldos.hpp).
class PulayMixer {
 public:
  PulayMixer(double beta, std::size_t history) : beta_(beta), history_(history) {}

  std::vector<Complex> mix(const std::vector<Complex>& rho_in, const std::vector<Complex>& rho_out,
                           const DensityPreconditioner& preconditioner);
  void reset() {
    inputs_.clear();
    residuals_.clear();
  }

 private:
  double beta_;
  std::size_t history_;
  std::deque<std::vector<Complex>> inputs_, residuals_;
};

}  // namespace fw::dft
