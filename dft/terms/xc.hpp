/// \file xc.hpp
/// \brief Exchange–correlation energy and potential through libxc (LDA and GGA, spin-unpolarised).
#pragma once

#include <string>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/crystal.hpp"
#include "dft/terms/energy_term.hpp"

namespace fw::dft {

class XcFunctional {
 public:
  /// libxc ids, e.g. {101, 130} = GGA_X_PBE + GGA_C_PBE (ABINIT ixc = -101130).
  explicit XcFunctional(std::vector<int> libxc_ids);
  ~XcFunctional();
  XcFunctional(const XcFunctional&) = delete;
  XcFunctional& operator=(const XcFunctional&) = delete;

  bool is_gga() const { return is_gga_; }
  const std::vector<int>& ids() const { return ids_; }
  std::string name() const;

  /// E_xc = ∫ ρ ε_xc(ρ, |∇ρ|²) dr on the grid and v_xc = ∂E/∂ρ(r) (GGA: v_ρ − 2∇·(v_σ ∇ρ),
  /// gradients by FFT with the Nyquist components dropped). `rho` is the total density (valence +
  /// core), clipped below at 1e-14 e/bohr³ as ABINIT's xc_denpos.
  /// With `gradient_stress`, also the GGA part of the stress, −(2/N) Σ_r v_σ ∂_iρ ∂_jρ (v_σ =
  /// ∂(ρε)/∂|∇ρ|²; zero for LDA).
  double evaluate(const std::vector<double>& rho, const std::vector<Vec3>& box_g,
                  const FftPlans& plans, double volume_bohr3, std::vector<double>& v_xc,
                  Mat3* gradient_stress = nullptr) const;

 private:
  std::vector<int> ids_;
  std::vector<void*> functionals_;
  bool is_gga_ = false;
};

/// XC term: E_xc[ρ + ρ_core] and v_xc; forces from the model core (nonlinear core correction,
/// Louie, Froyen & Cohen, PRB 26, 1738 (1982)): F_a = Ω Σ_G Re[i G c_s(G) e^{−iG·τ_a} v_xc*(G)].
/// Stress at ρ_t = ρ + ρ_core (Nielsen & Martin, PRB 32, 3780 (1985) with the GGA term of
/// Dal Corso & Resta, PRB 50, 4327 (1994); the core as ABINIT's):
/// σ_ij = δ_ij (E_xc − ∫v_xc ρ_t)/Ω − (1/Ω)∫ ∂f/∂|∇ρ_t| ∂_iρ_t ∂_jρ_t/|∇ρ_t| dr
///        − Σ_{G≠0} Re[v_xc*(G) Σ_a c_s'(|G|)/Ω e^{−iG·τ_a}] G_i G_j/|G|,
/// the last from the model core's form factor c_s changing with |G| (Ω·ρ_val(G) stays fixed).
class XcTerm : public EnergyTerm {
 public:
  explicit XcTerm(const ScfContext& ctx) : ctx_(ctx) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::xc; }
  double energy(const DensityState& rho) const override;
  void add_potential(const DensityState& rho, std::vector<double>& v_r) const override;
  void add_forces(const DensityState& rho, std::vector<Vec3>& forces) const override;
  void add_stress(const DensityState& rho, Mat3& sigma) const override;

 private:
  /// E_xc at ρ_val + ρ_core; v_xc into v (and the GGA stress term, see XcFunctional::evaluate).
  double evaluate(const DensityState& rho, std::vector<double>& v,
                  Mat3* gradient_stress = nullptr) const;
  const ScfContext& ctx_;
};

/// Parses "pbe", "lda" (= PW92), "pz", "pbesol", a libxc name list "gga_x_pbe+gga_c_pbe" or ids
/// "101+130" / ABINIT-style "-101130". Throws fw::InputError(option, ...) if unknown.
std::vector<int> parse_xc_functional(const std::string& text, const std::string& option = "--xc");

}  // namespace fw::dft
