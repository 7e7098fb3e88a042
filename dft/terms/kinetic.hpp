/// \file kinetic.hpp
/// \brief Kinetic energy term: T = Σ_k w_k Σ_n f_n Σ_G |k+G|²/2 |c_nk(G)|²; its operator is the
/// diagonal |k+G|²/2 of each k-point's basis (KPointBasis::kinetic_hartree). Stress (Nielsen &
/// Martin, PRB 32, 3780 (1985)): σ_ij = −(1/Ω) Σ_k w_k Σ_n f_n Σ_G |c_nk(G)|² (k+G)_i
/// (k+G)_j.
#pragma once

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

class KineticTerm : public EnergyTerm {
 public:
  explicit KineticTerm(const KohnShamBasis& ks) : ks_(ks) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::kinetic; }
  double energy(const KohnShamState& state, const DensityState& rho) const override;
  void add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const override;

 private:
  const KohnShamBasis& ks_;
};

}  // namespace fw::dft
