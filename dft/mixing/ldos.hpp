/// \file ldos.hpp
/// \brief LDOS preconditioning (Herbst & Levitt, J. Phys.: Condens. Matter 32, 205004 (2020)):
/// the dielectric operator ε† = 1 − χ0 v_c with the independent-particle response modelled by the
/// local density of states at the Fermi level,
///   χ0 δV = −D_loc δV + D_loc ∫D_loc δV / D,  D = ∫D_loc,
/// solved by GMRES. Where the LDOS is uniform (bulk metal) it is Kerker with q0² = 4π D/Ω; where
/// it vanishes (vacuum, insulating regions) the residual passes unscreened, which removes the
/// slow slab-to-vacuum charge sloshing of Kerker mixing in slabs.
#pragma once

#include "dft/mixing/preconditioner.hpp"

namespace fw::dft {

/// The Gaussian width (Ha) the LDOS is broadened with for the model, as DFTK's default:
/// max(σ, min(0.1 Ha, 100 σ)) for the SCF smearing width σ.
double ldos_broadening_hartree(double smearing_width_hartree);

/// Weight of a state of energy ε in D_loc: 2 (spin) · exp(−x²)/(w √π), x = (ε − ε_F)/w.
double ldos_weight(double energy_hartree, double fermi_hartree, double broadening_hartree);

class LdosPreconditioner : public DensityPreconditioner {
 public:
  /// `ldos_r`: D_loc on the grid (states / (Ha bohr³)); `g_max`: the density sphere the step is
  /// band-limited to; `tolerance`: GMRES's relative residual (1 %, as DFTK: a mixing step needs
  /// no more).
  LdosPreconditioner(std::vector<double> ldos_r, const std::vector<Vec3>& box_g,
                     const FftPlans& plans, double volume_bohr3, double g_max,
                     double tolerance = 1e-2);
  /// Solves ε† δρ = R (GMRES); the G = 0 coefficient is kept.
  void apply(std::vector<Complex>& residual_g) const override;

 private:
  std::vector<double> ldos_r_;
  const std::vector<Vec3>& box_g_;
  const FftPlans& plans_;
  double volume_, g_max_, tolerance_;
  double total_dos_ = 0.0;  ///< D = ∫D_loc (states / Ha)
};

}  // namespace fw::dft
