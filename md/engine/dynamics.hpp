/// \file dynamics.hpp
/// \brief Velocity-Verlet time integration with an optional thermostat and output observers.
#pragma once

#include <vector>

#include "md/engine/force_field.hpp"
#include "md/engine/thermo.hpp"
#include "md/engine/thermostat.hpp"

namespace fw::md {

/// Something that looks at the system every `every()` steps: thermo table, trajectory,
/// checkpoint. Called after the step is complete (forces, velocities at the same time).
class Observer {
 public:
  virtual ~Observer() = default;
  virtual long every() const = 0;
  virtual void observe(const System& system, const ThermoState& state) = 0;
  virtual void finish(const System& /*system*/, const ThermoState& /*state*/) {}
};

struct DynamicsSettings {
  double dt_ps = 0.001;  ///< 1 fs
  long steps = 1000;     ///< total step count of the run (a restart continues up to it)
};

/// Throws InputError(option) unless 0 < dt <= 0.01 ps (10 fs).
void check_time_step(double dt_ps, const std::string& option);

/// Integrates from `first_step` to settings.steps (Swope et al., JCP 76, 637 (1982)):
///   v += Δt/2 F/m; x += Δt v; F = F(x); v += Δt/2 F/m, frozen atoms held fixed;
/// the thermostat acts before, after, and on the forces. Returns the final state.
ThermoState run_dynamics(System& system, ForceField& field, Thermostat* thermostat,
                         const DynamicsSettings& settings, const std::vector<Observer*>& observers,
                         long first_step = 0);

/// Thermo quantities of the current state (forces must be current).
ThermoState measure(const System& system, const ForceField& field, const Thermostat* thermostat,
                    long step, double dt_ps);

}  // namespace fw::md
