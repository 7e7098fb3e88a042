/// \file xc.hpp
/// \brief The exchange–correlation term: the run's XcFunctional (dft/kohn_sham/xc_functional.hpp)
/// at the valence plus model-core density.
#pragma once

#include <vector>

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

/// XC term: E_xc[ρ + ρ_core] and v_xc; forces from the model core (nonlinear core correction,
/// Louie, Froyen & Cohen, PRB 26, 1738 (1982)): F_a = Ω Σ_G Re[i G c_s(G) e^{−iG·τ_a} v_xc*(G)].
/// Stress at ρ_t = ρ + ρ_core (Nielsen & Martin, PRB 32, 3780 (1985) with the GGA term of
/// Dal Corso & Resta, PRB 50, 4327 (1994); the core as ABINIT's):
/// σ_ij = δ_ij (E_xc − ∫v_xc ρ_t)/Ω − (1/Ω)∫ ∂f/∂|∇ρ_t| ∂_iρ_t ∂_jρ_t/|∇ρ_t| dr
///        − Σ_{G≠0} Re[v_xc*(G) Σ_a c_s'(|G|)/Ω e^{−iG·τ_a}] G_i G_j/|G|,
/// the last from the model core's form factor c_s changing with |G| (Ω·ρ_val(G) stays fixed).
class XcTerm : public EnergyTerm {
 public:
  explicit XcTerm(const KohnShamBasis& ks) : ks_(ks) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::xc; }
  double energy(const KohnShamState& state, const DensityState& rho) const override;
  void add_potential(const DensityState& rho, std::vector<double>& v_r) const override;
  /// Collinear spin: v_xc,↑ and v_xc,↓ at ρ_σ + ρ_core/2 (the model core split evenly between the
  /// channels, as ABINIT and QE do).
  void add_spin_potential(const DensityState& rho, std::vector<double>& v_up,
                          std::vector<double>& v_down) const override;
  void add_forces(const KohnShamState& state, const DensityState& rho,
                  std::vector<Vec3>& forces) const override;
  void add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const override;

 private:
  /// E_xc at ρ_val + ρ_core; v_xc into v (and the GGA stress term, see XcFunctional::evaluate).
  /// With a magnetisation, the spin-polarised E_xc and v = (v↑ + v↓)/2, the potential the model
  /// core (half in each channel) feels; no stress then.
  double evaluate(const DensityState& rho, std::vector<double>& v,
                  Mat3* gradient_stress = nullptr) const;
  /// E_xc[ρ↑ + ρ_core/2, ρ↓ + ρ_core/2] and both channels' potentials.
  double evaluate_spin(const DensityState& rho, std::vector<double>& v_up,
                       std::vector<double>& v_down) const;
  const KohnShamBasis& ks_;
};

}  // namespace fw::dft
