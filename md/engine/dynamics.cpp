/// \file dynamics.cpp
/// \brief The MD loop.
#include "md/engine/dynamics.hpp"

#include <string>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/units.hpp"

namespace fw::md {

void check_time_step(double dt_ps, const std::string& option) {
  if (!(dt_ps > 0.0 && dt_ps <= 0.01)) {
    throw InputError(option, "time step " + std::to_string(dt_ps) +
                                 " ps is outside (0, 0.01] ps (1 fs = 0.001 ps)");
  }
}

ThermoState measure(const System& system, const ForceField& field, const Thermostat* thermostat,
                    long step, double dt_ps) {
  ThermoState s;
  s.step = step;
  s.time_ps = static_cast<double>(step) * dt_ps;
  s.potential_eV = field.last().energy_eV;
  s.kinetic_eV = kinetic_energy_eV(system);
  s.total_eV = s.potential_eV + s.kinetic_eV;
  s.temperature_K = temperature_K(system);
  s.pressure_GPa = pressure_GPa(system, field.last());
  s.conserved_eV = s.total_eV + (thermostat ? thermostat->energy_eV() : 0.0);
  return s;
}

ThermoState run_dynamics(System& system, ForceField& field, Thermostat* thermostat,
                         const DynamicsSettings& settings, const std::vector<Observer*>& observers,
                         long first_step) {
  check_time_step(settings.dt_ps, "dt_ps");
  const double dt = settings.dt_ps;
  const std::size_t n = system.size();
  std::vector<double> half_dt_over_m(system.type_mass_amu.size());
  for (std::size_t t = 0; t < half_dt_over_m.size(); ++t) {
    half_dt_over_m[t] = 0.5 * dt / (system.type_mass_amu[t] * units::kAmuA2PerPs2InEV);
  }
  field.compute(system, true);
  if (thermostat) thermostat->add_forces(system, dt);
  ThermoState state = measure(system, field, thermostat, first_step, dt);
  if (first_step == 0) {
    for (Observer* o : observers) o->observe(system, state);
  }
  ProgressLine progress("md", settings.steps - first_step);
  for (long step = first_step + 1; step <= settings.steps; ++step) {
    if (thermostat) thermostat->begin_step(system, dt);
    double* x = system.x.data();
    double* v = system.v.data();
    const double* f = system.f.data();
    for (std::size_t i = 0; i < n; ++i) {
      if (system.frozen[i]) continue;
      const double h = half_dt_over_m[static_cast<std::size_t>(system.type[i])];
      for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) {
        v[c] += h * f[c];
        x[c] += dt * v[c];
      }
    }
    bool wanted = step == settings.steps;
    for (Observer* o : observers) wanted = wanted || (o->every() > 0 && step % o->every() == 0);
    field.compute(system, true, wanted);  // may reorder atoms: reload pointers below
    if (thermostat) thermostat->add_forces(system, dt);
    v = system.v.data();
    f = system.f.data();
    for (std::size_t i = 0; i < n; ++i) {
      if (system.frozen[i]) continue;
      const double h = half_dt_over_m[static_cast<std::size_t>(system.type[i])];
      for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) v[c] += h * f[c];
    }
    if (thermostat) thermostat->end_step(system, dt);
    if (wanted) {
      state = measure(system, field, thermostat, step, dt);
      for (Observer* o : observers) {
        if (o->every() > 0 && step % o->every() == 0) o->observe(system, state);
      }
    }
    progress.update(step - first_step);
  }
  progress.finish();
  state = measure(system, field, thermostat, settings.steps, dt);
  for (Observer* o : observers) o->finish(system, state);
  return state;
}

}  // namespace fw::md
