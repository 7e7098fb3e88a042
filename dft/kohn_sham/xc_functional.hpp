/// \file xc_functional.hpp
/// \brief Exchange–correlation energy and potential through libxc (LDA and GGA, spin-unpolarised
/// and collinear spin-polarised);
/// the XC term (dft/terms/xc.hpp) evaluates it at the valence plus core density.
#pragma once

#include <string>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/crystal.hpp"

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

  /// Collinear spin through libxc's XC_POLARIZED kernels: E_xc = ∫ (ρ↑ + ρ↓) ε_xc(ρ↑, ρ↓, σ↑↑,
  /// σ↑↓, σ↓↓) dr and v_σ = ∂E/∂ρ_σ(r); GGA: v↑ = v_ρ↑ − ∇·(2 v_σ↑↑ ∇ρ↑ + v_σ↑↓ ∇ρ↓) and
  /// likewise for ↓ (gradients by FFT as above). Each channel is clipped below at half the floor
  /// of `evaluate`, so ρ↑ = ρ↓ = ρ/2 gives the unpolarised numbers.
  double evaluate_polarized(const std::vector<double>& rho_up, const std::vector<double>& rho_down,
                            const std::vector<Vec3>& box_g, const FftPlans& plans,
                            double volume_bohr3, std::vector<double>& v_up,
                            std::vector<double>& v_down) const;

 private:
  std::vector<int> ids_;
  std::vector<void*> functionals_;
  std::vector<void*> polarized_;  ///< the same functionals initialised with XC_POLARIZED
  bool is_gga_ = false;
};

/// Parses "pbe", "lda" (= PW92), "pz", "pbesol", a libxc name list "gga_x_pbe+gga_c_pbe" or ids
/// "101+130" / ABINIT-style "-101130". Throws fw::InputError(option, ...) if unknown.
std::vector<int> parse_xc_functional(const std::string& text, const std::string& option = "--xc");

}  // namespace fw::dft
