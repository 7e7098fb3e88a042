/// \file kinetic.hpp
/// \brief Kinetic energy term: T = Σ_k w_k Σ_n f_n Σ_G |k+G|²/2 |c_nk(G)|²; its operator is the
/// diagonal |k+G|²/2 of each k-point's basis (KPointBasis::kinetic_hartree).
#pragma once

#include "dft/terms/energy_term.hpp"

namespace fw::dft {

class KineticTerm : public EnergyTerm {
 public:
  explicit KineticTerm(const ScfContext& ctx) : ctx_(ctx) {}
  double EnergyTerms::*slot() const override { return &EnergyTerms::kinetic; }
  double energy(const DensityState& rho) const override;

 private:
  const ScfContext& ctx_;
};

}  // namespace fw::dft
