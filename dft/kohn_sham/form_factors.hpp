/// \file form_factors.hpp
/// \brief Reciprocal-space form factors of each species: local potential, model core, atomic
/// valence density and Kleinman–Bylander projectors, tabulated once and interpolated.
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/crystal.hpp"
#include "dft/pseudo/radial.hpp"

namespace fw::dft {

/// One projector's table with its channel position.
struct ProjectorFormFactor {
  int l = 0;
  int channel = 0;        ///< index into Pseudopotential::channels
  int projector = 0;      ///< index within the channel
  RadialTransform table;  ///< 4π ∫ r² j_l(qr) β(r) dr
};

/// One pseudo-atomic orbital's table (the SCF's starting wavefunctions).
struct OrbitalFormFactor {
  int l = 0;
  RadialTransform table;  ///< 4π ∫ r² j_l(qr) φ(r) dr
};

struct SpeciesFormFactors {
  /// 4π ∫ r² j0(qr) (V_loc(r) + Z_val/r) dr; the −4πZ_val/q² tail is added analytically, so
  /// V_loc(q) = [local_short_range(q) − 4π Z_val/q²]/Ω and the G = 0 limit is ε_atm/Ω with
  /// ε_atm = local_short_range(0) (ABINIT's "epsatm", source of the psp_core energy).
  RadialTransform local_short_range;
  RadialTransform core_density;     ///< 4π ∫ r² j0(qr) ρ_core(r) dr (absent if no core)
  RadialTransform valence_density;  ///< 4π ∫ r² j0(qr) ρ_atom(r) dr (absent if the file has none)
  bool has_core = false, has_valence = false;
  double z_valence = 0.0;
  double epsatm = 0.0;
  std::vector<ProjectorFormFactor> projectors;
  std::vector<OrbitalFormFactor> orbitals;  ///< in the file's order (lowest energy first)
};

/// dF/dq of a form factor F(q) = 4π ∫ r² j_l(qr) g(r) dr (the stress needs it, Nielsen & Martin,
/// PRB 32, 3780 (1985)): from j_0' = −j_1 and j_l' = j_{l−1} − (l+1) j_l/x (l ≥ 1),
/// F' = −4π ∫ r³ j_1(qr) g dr (l = 0) or 4π ∫ r³ j_{l−1}(qr) g dr − (l+1) F/q (l ≥ 1), the integral
/// tabulated and splined like F.
class RadialTransformDerivative {
 public:
  RadialTransformDerivative() = default;
  /// The same (r^p·g, p, l) as F's RadialTransform.
  RadialTransformDerivative(const Pseudopotential& psp, const std::vector<double>& r_power_g, int p,
                            int l, double q_max);
  /// F'(q), given F(q) (read for l ≥ 1); 0 at q = 0, where every use is multiplied by q.
  double operator()(double q, double f_of_q) const;

 private:
  int l_ = 0;
  RadialTransform lower_;  ///< 4π ∫ r³ j_{l∓1}(qr) g dr
};

/// d/dq of SpeciesFormFactors::local_short_range, core_density (empty without a core) and of each
/// projector table (in SpeciesFormFactors::projectors' order), to q_max bohr⁻¹.
RadialTransformDerivative local_short_range_derivative(const Pseudopotential& psp, double q_max);
RadialTransformDerivative core_density_derivative(const Pseudopotential& psp, double q_max);
std::vector<RadialTransformDerivative> projector_derivatives(const Pseudopotential& psp,
                                                             double q_max);

/// Tables up to q_max_density (local, core, valence) and q_max_projector (projectors), bohr⁻¹.
SpeciesFormFactors make_form_factors(const Pseudopotential& psp, double q_max_density,
                                     double q_max_projector);

/// Largest |G| of the FFT box.
double max_box_g(const Crystal& crystal, const FftGrid& grid);

/// Fills a box of G coefficients (index = FFT linear index) with Σ_a f_s(|G|) e^{−iG·τ_a}/Ω for
/// every G of the box, f chosen by `select`.
enum class RadialQuantity { kLocalPotential, kCoreDensity, kValenceDensity };
std::vector<Complex> structure_factor_sum(const Crystal& crystal, const FftGrid& grid,
                                          const std::vector<SpeciesFormFactors>& ff,
                                          RadialQuantity what);

/// The G vector (Cartesian, bohr⁻¹) of each FFT box index.
std::vector<Vec3> box_g_vectors(const Crystal& crystal, const FftGrid& grid);

}  // namespace fw::dft
