/// \file velocities.cpp
/// \brief Maxwell–Boltzmann sampling.
#include "md/engine/velocities.hpp"

#include <cmath>
#include <random>
#include <string>

#include "core/error.hpp"
#include "core/units.hpp"
#include "md/engine/thermo.hpp"

namespace fw::md {

void check_temperature(double temperature_K, const std::string& option) {
  if (!(temperature_K >= 0.0 && temperature_K <= 1e5)) {
    throw InputError(option,
                     "temperature " + std::to_string(temperature_K) + " K is outside [0, 1e5] K");
  }
}

void assign_maxwell_boltzmann(System& system, double temperature_K, std::uint64_t seed) {
  check_temperature(temperature_K, "temperature");
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  Vec3 momentum;
  double mass_total = 0.0;
  for (std::size_t i = 0; i < system.size(); ++i) {
    const double m = system.mass_amu(i);
    const double sigma =
        std::sqrt(units::kBoltzmannEVPerK * temperature_K / (m * units::kAmuA2PerPs2InEV));
    for (std::size_t c = 0; c < 3; ++c) {
      const double g = gauss(rng);  // drawn for every atom so the stream does not depend on flags
      system.v[3 * i + c] = system.frozen[i] ? 0.0 : sigma * g;
    }
    if (!system.frozen[i]) {
      momentum += m * system.velocity(i);
      mass_total += m;
    }
  }
  if (system.moving_count() == system.size() && mass_total > 0.0) {
    const Vec3 drift = momentum / mass_total;
    for (std::size_t i = 0; i < system.size(); ++i) {
      for (std::size_t c = 0; c < 3; ++c) system.v[3 * i + c] -= drift[static_cast<int>(c)];
    }
  }
  const double t_now = md::temperature_K(system);
  const double scale = t_now > 0.0 ? std::sqrt(temperature_K / t_now) : 0.0;
  for (double& v : system.v) v *= scale;
}

}  // namespace fw::md
