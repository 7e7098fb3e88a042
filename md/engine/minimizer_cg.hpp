/// \file minimizer_cg.hpp
/// \brief Polak–Ribière conjugate gradients with a bracketing secant line search.
#pragma once

#include <vector>

#include "md/engine/minimizer.hpp"

namespace fw::md {

/// Nonlinear CG (Polak–Ribière+, restarted when the direction stops descending); the line
/// search brackets the zero of dE/dα = −F·d and refines it by secant steps until
/// |dE/dα| < 0.1 |dE/dα(0)| with the energy not increased (strong-Wolfe-like), as in
/// Nocedal & Wright, Numerical Optimization, ch. 3 and 5.
class ConjugateGradientMinimizer : public Minimizer {
 public:
  std::string name() const override { return "cg"; }
  MinimizeResult minimize(System& system, ForceField& field,
                          const MinimizeSettings& settings) override;

 private:
  std::vector<double> direction_, previous_force_;
};

}  // namespace fw::md
