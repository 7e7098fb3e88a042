/// \file pulay_kerker.hpp
/// \brief Pulay (DIIS) density mixing with Kerker preconditioning, on the density's G coefficients.
#pragma once

#include <deque>
#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

/// ρ_next = Σ c_i ρ_in,i + β K (Σ c_i R_i), R = ρ_out − ρ_in, Σ c_i = 1 minimising |Σ c_i R_i|
/// (Pulay, Chem. Phys. Lett. 73, 393 (1980)); K(G) = G²/(G² + q0²) damps long-wavelength charge
/// sloshing in metals (Kerker, PRB 23, 3082 (1981)).
class PulayKerkerMixer {
 public:
  PulayKerkerMixer(double beta, double kerker_q0_bohr_inv, std::size_t history)
      : beta_(beta), q0_(kerker_q0_bohr_inv), history_(history) {}

  std::vector<Complex> mix(const std::vector<Complex>& rho_in, const std::vector<Complex>& rho_out,
                           const std::vector<Vec3>& box_g);
  void reset() {
    inputs_.clear();
    residuals_.clear();
  }

 private:
  double beta_, q0_;
  std::size_t history_;
  std::deque<std::vector<Complex>> inputs_, residuals_;
};

}  // namespace fw::dft
