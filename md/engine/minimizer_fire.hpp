/// \file minimizer_fire.hpp
/// \brief FIRE: damped MD that mixes the velocity towards the force and adapts the time step.
#pragma once

#include "md/engine/minimizer.hpp"

namespace fw::md {

/// Fast Inertial Relaxation Engine, Bitzek, Koskinen, Gähler, Moseler, Gumbsch,
/// PRL 97, 170201 (2006), with their parameters (N_min 5, f_inc 1.1, f_dec 0.5, α 0.1,
/// f_α 0.99) and real masses; Δt starts at 1 fs and is capped at 10 fs.
class FireMinimizer : public Minimizer {
 public:
  std::string name() const override { return "fire"; }
  MinimizeResult minimize(System& system, ForceField& field,
                          const MinimizeSettings& settings) override;

  double dt_start_ps = 0.001;
  double dt_max_ps = 0.010;
};

}  // namespace fw::md
