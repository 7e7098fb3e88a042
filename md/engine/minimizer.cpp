/// \file minimizer.cpp
/// \brief Minimiser factory and shared helpers.
#include "md/engine/minimizer.hpp"

#include <cmath>

#include "core/error.hpp"
#include "md/engine/minimizer_cg.hpp"
#include "md/engine/minimizer_fire.hpp"

namespace fw::md {

std::unique_ptr<Minimizer> make_minimizer(const std::string& name) {
  if (name == "fire") return std::make_unique<FireMinimizer>();
  if (name == "cg") return std::make_unique<ConjugateGradientMinimizer>();
  throw InputError("minimizer", "unknown minimiser '" + name + "' (expected fire or cg)");
}

double max_movable_force_eV_per_A(System& system) {
  double max_sq = 0.0;
  for (std::size_t i = 0; i < system.size(); ++i) {
    if (system.frozen[i]) {
      system.f[3 * i] = system.f[3 * i + 1] = system.f[3 * i + 2] = 0.0;
      continue;
    }
    const Vec3 f = system.force(i);
    max_sq = std::max(max_sq, dot(f, f));
  }
  return std::sqrt(max_sq);
}

}  // namespace fw::md
