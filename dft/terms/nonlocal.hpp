/// \file nonlocal.hpp
/// \brief Kleinman–Bylander projectors of one k-point, V_NL = Σ |β_i> D_ij <β_j|, applied with
/// ZGEMM.
#pragma once

#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/terms/energy_term.hpp"
#include "dft/terms/form_factors.hpp"

namespace fw::dft {

/// B (npw x n_proj, column-major): B_{G,p} = <k+G|β_p> = (4π... in the table)/√Ω · (−i)^l Y_lm(k+G)
/// β_l(|k+G|) e^{−i(k+G)·τ_a}; D (n_proj x n_proj, column-major) couples projectors of one atom and
/// l.
struct KPointProjectors {
  std::size_t n_proj = 0;
  std::vector<Complex> b;
  std::vector<Complex> d;
  std::vector<int> atom_of_projector;
};

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff);

/// HX += B D B^H X for `n_bands` columns (ld = npw). Also returns the projections P = B^H X
/// (n_proj x n_bands) in `projections` when non-null.
void apply_nonlocal(const KPointProjectors& proj, std::size_t npw, std::size_t n_bands,
                    const Complex* x, Complex* hx, std::vector<Complex>* projections = nullptr);

/// Nonlocal term: E = Σ_k w_k Σ_n f_n <ψ_nk|V_NL|ψ_nk>, operator apply_nonlocal, forces
/// F_a = −Σ_k w_k Σ_n f_n 2 Re Σ_{p∈a} (∂P_pn)* (D P)_pn with ∂P = Bᴴ(i(k+G) ψ).
/// Stress (Nielsen & Martin, PRB 32, 3780 (1985); q = k+G with q·τ fixed, B ∝ 1/√Ω):
/// σ_ij = −δ_ij E_nl/Ω + (1/Ω) Σ_k w_k Σ_n f_n 2 Re Σ_p (∂P_pn/∂ε_ij)* (D P)_pn, where ∂B/∂ε_ij
/// = −(−i)^l/√Ω e^{−iq·τ} [F_l'(|q|) Y_lm q_i q_j/|q| + F_l(|q|) ∂_iY_lm q_j] (symmetrised).
class NonlocalTerm : public EnergyTerm {
 public:
  explicit NonlocalTerm(const ScfContext& ctx) : ctx_(ctx) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::nonlocal; }
  double energy(const DensityState& rho) const override;
  void add_forces(const DensityState& rho, std::vector<Vec3>& forces) const override;
  void add_stress(const DensityState& rho, Mat3& sigma) const override;

 private:
  const ScfContext& ctx_;
};

}  // namespace fw::dft
