/// \file psp_core.hpp
/// \brief ABINIT's psp_core energy: the G = 0 limit of the local pseudopotentials,
/// E = N_el Σ_a ε_atm,a / Ω with ε_atm = 4π ∫ r² (V_loc(r) + Z_val/r) dr. Independent of the atomic
/// positions (no forces) and of ρ; left out of the Hamiltonian, so eigenvalues share ABINIT's
/// reference. Stress: E ∝ 1/Ω, so σ_ij = −δ_ij E/Ω.
#pragma once

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

class PspCoreTerm : public EnergyTerm {
 public:
  explicit PspCoreTerm(const KohnShamBasis& ks);
  double EnergyTerms::*slot() const override { return &EnergyTerms::psp_core; }
  double energy(const KohnShamState& /*state*/, const DensityState& /*rho*/) const override {
    return energy_;
  }
  void add_stress(const KohnShamState& /*state*/, const DensityState& /*rho*/,
                  Mat3& sigma) const override {
    for (int a = 0; a < 3; ++a) sigma[a][a] -= energy_ / volume_;
  }

 private:
  double energy_ = 0.0;
  double volume_ = 1.0;
};

}  // namespace fw::dft
