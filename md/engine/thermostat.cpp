/// \file thermostat.cpp
/// \brief Thermostat factory.
#include "md/engine/thermostat.hpp"

#include "core/error.hpp"
#include "md/engine/thermostat_langevin.hpp"
#include "md/engine/thermostat_nose_hoover.hpp"
#include "md/engine/velocities.hpp"

namespace fw::md {

void check_thermostat_temperature(const std::string& name, double temperature_K,
                                  const std::string& source) {
  if ((name == "nose-hoover-chain" || name == "nvt") && temperature_K == 0.0) {
    throw InputError(source,
                     "temperature 0 K with thermostat nose-hoover-chain: the chain has no mass at "
                     "0 K (LAMMPS fix nvt refuses it too); for a quench use thermostat langevin "
                     "(friction alone at 0 K) or a temperature above 0");
  }
}

std::unique_ptr<Thermostat> make_thermostat(const std::string& name, double temperature_K,
                                            double damping_ps, std::uint64_t seed) {
  check_temperature(temperature_K, "temperature_K");
  check_thermostat_temperature(name, temperature_K, "temperature_K");
  if (!(damping_ps > 0.0)) throw InputError("damping_ps", "thermostat damping time must be > 0 ps");
  if (name == "langevin")
    return std::make_unique<LangevinThermostat>(temperature_K, damping_ps, seed);
  if (name == "nose-hoover-chain" || name == "nvt") {
    return std::make_unique<NoseHooverChainThermostat>(temperature_K, damping_ps);
  }
  throw InputError("thermostat",
                   "unknown thermostat '" + name + "' (expected langevin or nose-hoover-chain)");
}

}  // namespace fw::md
