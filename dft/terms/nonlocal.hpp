/// \file nonlocal.hpp
/// \brief The nonlocal pseudopotential term V_NL = Σ |β_i> D_ij <β_j| on the occupied orbitals (its
/// projectors: dft/kohn_sham/projectors.hpp).
#pragma once

#include <vector>

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

/// Nonlocal term: E = Σ_k w_k Σ_n f_n <ψ_nk|V_NL|ψ_nk>, operator apply_nonlocal, forces
/// F_a = −Σ_k w_k Σ_n f_n 2 Re Σ_{p∈a} (∂P_pn)* (D P)_pn with ∂P = Bᴴ(i(k+G) ψ).
/// Stress (Nielsen & Martin, PRB 32, 3780 (1985); q = k+G with q·τ fixed, B ∝ 1/√Ω):
/// σ_ij = −δ_ij E_nl/Ω + (1/Ω) Σ_k w_k Σ_n f_n 2 Re Σ_p (∂P_pn/∂ε_ij)* (D P)_pn, where ∂B/∂ε_ij
/// = −(−i)^l/√Ω e^{−iq·τ} [F_l'(|q|) Y_lm q_i q_j/|q| + F_l(|q|) ∂_iY_lm q_j] (symmetrised).
class NonlocalTerm : public EnergyTerm {
 public:
  explicit NonlocalTerm(const KohnShamBasis& ks) : ks_(ks) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::nonlocal; }
  double energy(const KohnShamState& state, const DensityState& rho) const override;
  void add_forces(const KohnShamState& state, const DensityState& rho,
                  std::vector<Vec3>& forces) const override;
  void add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const override;

 private:
  const KohnShamBasis& ks_;
};

}  // namespace fw::dft
