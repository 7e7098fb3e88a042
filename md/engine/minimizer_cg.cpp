/// \file minimizer_cg.cpp
/// \brief Conjugate-gradient minimiser.
#include "md/engine/minimizer_cg.hpp"

#include <algorithm>
#include <cmath>

namespace fw::md {
namespace {

double dot_movable(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
  return s;
}

}  // namespace

MinimizeResult ConjugateGradientMinimizer::minimize(System& system, ForceField& field,
                                                    const MinimizeSettings& settings) {
  const std::size_t n3 = 3 * system.size();
  MinimizeResult result;
  double energy = field.compute(system).energy_eV;
  ++result.force_evaluations;
  double max_force = max_movable_force_eV_per_A(system);
  direction_ = system.f;
  previous_force_ = system.f;
  double alpha_guess = 0.0;
  for (result.iterations = 0;; ++result.iterations) {
    result.energy_eV = energy;
    result.max_force_eV_per_A = max_force;
    if (max_force < settings.force_tolerance_eV_per_A) {
      result.converged = true;
      result.stop_reason = "max force below tolerance";
      break;
    }
    if (result.iterations >= settings.max_iterations) {
      result.stop_reason = "iteration limit reached";
      break;
    }
    double slope0 = -dot_movable(system.f, direction_);  // dE/dα at α = 0
    if (slope0 >= 0.0) {  // not a descent direction: restart along the force
      direction_ = system.f;
      slope0 = -dot_movable(system.f, direction_);
    }
    double max_d = 0.0;
    for (std::size_t i = 0; i < system.size(); ++i) {
      max_d = std::max(max_d, std::sqrt(direction_[3 * i] * direction_[3 * i] +
                                        direction_[3 * i + 1] * direction_[3 * i + 1] +
                                        direction_[3 * i + 2] * direction_[3 * i + 2]));
    }
    const double alpha_max = settings.max_step_A / max_d;
    double alpha_try = alpha_guess > 0.0 ? std::min(alpha_guess, alpha_max) : alpha_max * 0.1;

    // Line search: positions move by increments so that wrapping on rebuilds stays consistent.
    double alpha_now = 0.0;
    const auto move_to = [&](double alpha) {
      const double step = alpha - alpha_now;
      for (std::size_t k = 0; k < n3; ++k) system.x[k] += step * direction_[k];
      alpha_now = alpha;
      const double e = field.compute(system).energy_eV;
      ++result.force_evaluations;
      max_movable_force_eV_per_A(system);
      return e;
    };
    // Bracket [lo, hi] of the minimum along d: lo has E below the start and dE/dα < 0; hi has
    // dE/dα > 0 (secant applies) or too high an energy (bisect).
    const double noise_eV = 1e-11 * (1.0 + std::abs(energy));
    double lo = 0.0, e_lo = energy, g_lo = slope0;
    double hi = -1.0, g_hi = 0.0;
    bool hi_has_slope = false;
    double e_new = energy;
    bool accepted = false;
    for (int trial = 0; trial < 40; ++trial) {
      double alpha;
      if (hi < 0.0) {
        alpha = trial == 0 ? alpha_try : std::min(2.0 * lo, lo + alpha_max);
      } else if (hi_has_slope) {
        const double width = hi - lo;
        alpha = std::clamp(lo - g_lo * width / (g_hi - g_lo), lo + 0.05 * width, hi - 0.05 * width);
      } else {
        alpha = 0.5 * (lo + hi);
      }
      e_new = move_to(alpha);
      const double g = -dot_movable(system.f, direction_);
      const bool sufficient_decrease = e_new <= energy + 1e-4 * alpha * slope0 + noise_eV;
      if (!sufficient_decrease || e_new > e_lo + noise_eV) {
        hi = alpha;
        hi_has_slope = g > 0.0;
        g_hi = g;
      } else if (std::abs(g) <= 0.1 * std::abs(slope0)) {
        accepted = true;
        break;
      } else if (g > 0.0) {
        hi = alpha;
        hi_has_slope = true;
        g_hi = g;
      } else {
        lo = alpha;
        e_lo = e_new;
        g_lo = g;
      }
      if (hi > 0.0 && hi - lo < 1e-12 * hi) break;
    }
    if (!accepted) {
      // Fall back to the best bracketed point below the start energy, if any.
      if (lo > 0.0) {
        e_new = move_to(lo);
      } else {
        move_to(0.0);
        result.stop_reason = "line search found no lower energy (force tolerance below noise?)";
        result.max_force_eV_per_A = max_movable_force_eV_per_A(system);
        break;
      }
    }
    alpha_guess = alpha_now;
    energy = e_new;
    max_force = max_movable_force_eV_per_A(system);
    // Polak–Ribière+: β = max(0, F·(F − F_prev) / F_prev·F_prev).
    const double prev_sq = dot_movable(previous_force_, previous_force_);
    double beta = 0.0;
    if (prev_sq > 0.0) {
      double num = 0.0;
      for (std::size_t k = 0; k < n3; ++k) num += system.f[k] * (system.f[k] - previous_force_[k]);
      beta = std::max(0.0, num / prev_sq);
    }
    if ((result.iterations + 1) % std::max<std::size_t>(n3, 50) == 0) beta = 0.0;
    for (std::size_t k = 0; k < n3; ++k) direction_[k] = system.f[k] + beta * direction_[k];
    previous_force_ = system.f;
  }
  return result;
}

}  // namespace fw::md
