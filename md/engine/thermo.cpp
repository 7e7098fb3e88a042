/// \file thermo.cpp
/// \brief Kinetic energy, temperature, pressure, stress in metal units.
#include "md/engine/thermo.hpp"

#include "core/units.hpp"

namespace fw::md {

double degrees_of_freedom(const System& system) {
  const double moving = static_cast<double>(system.moving_count());
  const bool any_frozen = system.moving_count() != system.size();
  return std::max(1.0, 3.0 * moving - (any_frozen ? 0.0 : 3.0));
}

double kinetic_energy_eV(const System& system) {
  double twice = 0.0;
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 v = system.velocity(i);
    twice += system.mass_amu(i) * dot(v, v);
  }
  return 0.5 * twice * units::kAmuA2PerPs2InEV;
}

double temperature_K(const System& system) {
  return 2.0 * kinetic_energy_eV(system) / (degrees_of_freedom(system) * units::kBoltzmannEVPerK);
}

std::array<double, 6> stress_GPa(const System& system, const ForceResult& forces) {
  std::array<double, 6> kinetic{};
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 v = system.velocity(i);
    const double m = system.mass_amu(i) * units::kAmuA2PerPs2InEV;
    kinetic[0] += m * v.x * v.x;
    kinetic[1] += m * v.y * v.y;
    kinetic[2] += m * v.z * v.z;
    kinetic[3] += m * v.y * v.z;
    kinetic[4] += m * v.x * v.z;
    kinetic[5] += m * v.x * v.y;
  }
  std::array<double, 6> out{};
  const double volume = system.volume_A3();
  for (std::size_t c = 0; c < 6; ++c) {
    out[c] = -(kinetic[c] + forces.virial_eV[c]) / volume * units::kEVPerA3InGPa;
  }
  return out;
}

double pressure_GPa(const System& system, const ForceResult& forces) {
  if (!(system.pbc[0] && system.pbc[1] && system.pbc[2])) return 0.0;
  const auto s = stress_GPa(system, forces);
  return -(s[0] + s[1] + s[2]) / 3.0;
}

}  // namespace fw::md
