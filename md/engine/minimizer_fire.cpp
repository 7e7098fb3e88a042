/// \file minimizer_fire.cpp
/// \brief FIRE (Bitzek et al. 2006).
#include "md/engine/minimizer_fire.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace fw::md {

MinimizeResult FireMinimizer::minimize(System& system, ForceField& field,
                                       const MinimizeSettings& settings) {
  constexpr int kMinPositiveSteps = 5;
  constexpr double kIncrease = 1.1, kDecrease = 0.5, kAlphaStart = 0.1, kAlphaShrink = 0.99;
  const std::size_t n = system.size();
  std::fill(system.v.begin(), system.v.end(), 0.0);
  double dt = dt_start_ps;
  double alpha = kAlphaStart;
  int positive_steps = 0;
  MinimizeResult result;
  for (result.iterations = 0;; ++result.iterations) {
    result.energy_eV = field.compute(system).energy_eV;
    ++result.force_evaluations;
    result.max_force_eV_per_A = max_movable_force_eV_per_A(system);
    if (result.max_force_eV_per_A < settings.force_tolerance_eV_per_A) {
      result.converged = true;
      result.stop_reason = "max force below tolerance";
      break;
    }
    if (result.iterations >= settings.max_iterations) {
      result.stop_reason = "iteration limit reached";
      break;
    }
    double power = 0.0, v_sq = 0.0, f_sq = 0.0;
    for (std::size_t k = 0; k < 3 * n; ++k) {
      power += system.f[k] * system.v[k];
      v_sq += system.v[k] * system.v[k];
      f_sq += system.f[k] * system.f[k];
    }
    if (power > 0.0) {
      // v ← (1−α) v + α |v| F̂
      const double mix = alpha * std::sqrt(v_sq / f_sq);
      for (std::size_t k = 0; k < 3 * n; ++k)
        system.v[k] = (1.0 - alpha) * system.v[k] + mix * system.f[k];
      if (++positive_steps > kMinPositiveSteps) {
        dt = std::min(dt * kIncrease, dt_max_ps);
        alpha *= kAlphaShrink;
      }
    } else {
      std::fill(system.v.begin(), system.v.end(), 0.0);
      dt *= kDecrease;
      alpha = kAlphaStart;
      positive_steps = 0;
    }
    // Semi-implicit Euler step, each atom's displacement capped at max_step_A.
    for (std::size_t i = 0; i < n; ++i) {
      if (system.frozen[i]) continue;
      const double inv_m = 1.0 / (system.mass_amu(i) * units::kAmuA2PerPs2InEV);
      double step_sq = 0.0;
      for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) {
        system.v[c] += dt * system.f[c] * inv_m;
        step_sq += (dt * system.v[c]) * (dt * system.v[c]);
      }
      const double scale = step_sq > settings.max_step_A * settings.max_step_A
                               ? settings.max_step_A / std::sqrt(step_sq)
                               : 1.0;
      for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) system.x[c] += scale * dt * system.v[c];
    }
  }
  std::fill(system.v.begin(), system.v.end(), 0.0);
  return result;
}

}  // namespace fw::md
