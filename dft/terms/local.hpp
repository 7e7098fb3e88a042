/// \file local.hpp
/// \brief Local pseudopotential term: E = Ω Σ_{G≠0} Re V_loc(G) ρ*(G), potential V_loc(r), forces
/// F_a = Ω Σ_G Re[i G v_s(G) e^{−iG·τ_a} ρ*(G)] (Ihm, Zunger & Cohen, J. Phys. C 12, 4409 (1979)).
/// The G = 0 limit (Σ ε_atm/Ω) is the separate psp_core term (dft/terms/psp_core.hpp). Stress
/// (Nielsen & Martin, PRB 32, 3780 (1985); Ω·ρ(G) and G·τ fixed, |G| → |G| − G_iG_j
/// ε_ij/|G|): σ_ij = −δ_ij E/Ω − Σ_{G≠0} Re[Σ_a v_s'(|G|)/Ω e^{−iG·τ_a} ρ*(G)] G_i G_j/|G|, with
/// v_s'(q) = d/dq [local_short_range(q) − 4πZ/q²].
#pragma once

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

class LocalTerm : public EnergyTerm {
 public:
  explicit LocalTerm(const KohnShamBasis& ks) : ks_(ks) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::local; }
  double energy(const KohnShamState& state, const DensityState& rho) const override;
  void add_potential(const DensityState& rho, std::vector<double>& v_r) const override;
  void add_forces(const KohnShamState& state, const DensityState& rho,
                  std::vector<Vec3>& forces) const override;
  void add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const override;

 private:
  const KohnShamBasis& ks_;
};

}  // namespace fw::dft
