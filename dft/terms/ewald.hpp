/// \file ewald.hpp
/// \brief Ewald ion–ion energy and forces of point charges Z_val in a neutralising background.
#pragma once

#include <vector>

#include "dft/crystal.hpp"
#include "dft/terms/energy_term.hpp"

namespace fw::dft {

struct EwaldResult {
  double energy_hartree = 0.0;
  std::vector<Vec3> forces_hartree_per_bohr;
  /// σ_ij = (1/Ω) ∂E/∂ε_ij (Nielsen & Martin, PRB 32, 3780 (1985)): real space
  /// ½ Σ Z_a Z_b φ'(d) d_i d_j/d with φ = erfc(ηd)/d; reciprocal space per G
  /// E_G [2 G_i G_j (1/4η² + 1/G²) − δ_ij]; background −δ_ij E_background; all over Ω.
  Mat3 stress_hartree_per_bohr3;
};

/// E = ½ Σ'_{a,b,L} Z_a Z_b erfc(η d)/d + (2π/Ω) Σ_{G≠0} e^{−G²/4η²}/G² |S(G)|² − η/√π Σ Z_a²
///     − π (Σ Z_a)²/(2Ωη²), d = |τ_a − τ_b − L| (Ewald 1921; the last term is the G = 0 background
/// convention ABINIT and QE use). Converged to ~1e-14 Ha; independent of η.
EwaldResult ewald(const Crystal& crystal);

/// Same with explicit point charges (used by tests: Madelung constants).
EwaldResult ewald(const Mat3& cell_bohr, const std::vector<Vec3>& positions_frac,
                  const std::vector<double>& charges);

/// The Ewald term of a run: fixed energy, analytic forces and stress.
class EwaldTerm : public EnergyTerm {
 public:
  explicit EwaldTerm(const Crystal& crystal) : result_(ewald(crystal)) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::ewald; }
  double energy(const KohnShamState& /*state*/, const DensityState& /*rho*/) const override {
    return result_.energy_hartree;
  }
  void add_forces(const KohnShamState& /*state*/, const DensityState& /*rho*/,
                  std::vector<Vec3>& forces) const override {
    for (std::size_t a = 0; a < forces.size(); ++a) forces[a] += result_.forces_hartree_per_bohr[a];
  }
  void add_stress(const KohnShamState& /*state*/, const DensityState& /*rho*/,
                  Mat3& sigma) const override {
    for (int a = 0; a < 3; ++a) sigma[a] += result_.stress_hartree_per_bohr3[a];
  }

 private:
  EwaldResult result_;
};

}  // namespace fw::dft
