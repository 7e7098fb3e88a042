/// \file hartree.hpp
/// \brief Hartree term: E_H = (Ω/2) Σ_{G≠0} 4π |ρ(G)|²/G², potential v_H(G) = 4π ρ(G)/G²; no
/// forces of its own (they act through ρ). Stress (Nielsen & Martin, PRB 32, 3780 (1985);
/// Ω·ρ(G) fixed): σ_ij = −δ_ij E_H/Ω + Σ_{G≠0} 4π |ρ(G)|² G_i G_j/G⁴.
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/terms/energy_term.hpp"

namespace fw::dft {

/// E_H; fills v_h(G) = 4π ρ(G)/G² (0 at G = 0).
double hartree(const std::vector<Complex>& rho_g, const std::vector<Vec3>& box_g,
               double volume_bohr3, std::vector<Complex>& v_h_g);

class HartreeTerm : public EnergyTerm {
 public:
  explicit HartreeTerm(const KohnShamBasis& ks) : ks_(ks) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::hartree; }
  double energy(const KohnShamState& state, const DensityState& rho) const override;
  void add_potential(const DensityState& rho, std::vector<double>& v_r) const override;
  void add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const override;

 private:
  const KohnShamBasis& ks_;
};

}  // namespace fw::dft
