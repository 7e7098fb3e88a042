/// \file thermostat_langevin.cpp
/// \brief Langevin friction and noise.
#include "md/engine/thermostat_langevin.hpp"

#include <cmath>
#include <sstream>

#include "core/units.hpp"

namespace fw::md {

LangevinThermostat::LangevinThermostat(double temperature_K, double damping_ps, std::uint64_t seed)
    : temperature_K_(temperature_K), damping_ps_(damping_ps), rng_(seed) {}

void LangevinThermostat::add_forces(System& system, double dt_ps) {
  const std::size_t n = system.size();
  bath_force_.resize(3 * n);
  const double kT = units::kBoltzmannEVPerK * temperature_K_;
  for (std::size_t i = 0; i < n; ++i) {
    if (system.frozen[i]) {
      bath_force_[3 * i] = bath_force_[3 * i + 1] = bath_force_[3 * i + 2] = 0.0;
      continue;
    }
    const double m = system.mass_amu(i) * units::kAmuA2PerPs2InEV;  // eV ps²/Å²
    const double friction = m / damping_ps_;
    const double noise = std::sqrt(2.0 * m * kT / (damping_ps_ * dt_ps));
    for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) {
      bath_force_[c] = -friction * system.v[c] + noise * gauss_(rng_);
      system.f[c] += bath_force_[c];
    }
  }
}

void LangevinThermostat::end_step(System& system, double dt_ps) {
  // Work of the bath over the step, with the end-of-step velocities (first order in dt).
  double power = 0.0;
  for (std::size_t k = 0; k < bath_force_.size() && k < system.v.size(); ++k)
    power += bath_force_[k] * system.v[k];
  work_eV_ += power * dt_ps;
}

std::string LangevinThermostat::save_state() const {
  std::ostringstream out;
  out.precision(17);
  out << work_eV_ << " " << rng_ << " " << gauss_;
  return out.str();
}

void LangevinThermostat::restore_state(const std::string& state) {
  std::istringstream in(state);
  in >> work_eV_ >> rng_ >> gauss_;
}

}  // namespace fw::md
