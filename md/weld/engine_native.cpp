/// \file engine_native.cpp
/// \brief The native welding engine: the weld force field, NVT dynamics and the quench.
#include "md/weld/engine_native.hpp"

#include "md/engine/force_fields.hpp"
#include "md/engine/thermostat.hpp"
#include "md/formats/potential_file.hpp"

namespace fw::md {

std::unique_ptr<ForceField> make_weld_field(const WeldSettings& s) {
  return std::make_unique<ForceField>(
      make_force_field({.name = s.substrate == "graphene" ? "eam+lj" : "eam",
                        .potential = std::make_shared<const EamPotential>(
                            EamPotential::read(find_potential_file(s.potential, "--potential"))),
                        .skin_A = s.skin_A,
                        .lj_epsilon_eV = s.lj_epsilon_eV,
                        .lj_sigma_A = s.lj_sigma_A,
                        .lj_cutoff_A = s.lj_cutoff_A}));
}

ThermoState run_weld_dynamics_native(const WeldSettings& settings, System& system,
                                     ForceField& field, long steps, std::uint64_t seed,
                                     const std::vector<Observer*>& observers) {
  DynamicsSettings dyn;
  dyn.dt_ps = settings.dt_fs * 1e-3;
  dyn.steps = steps;
  // An independent stream for the thermostat (Langevin noise) of the same seed.
  auto thermostat = settings.thermostat == "none"
                        ? nullptr
                        : make_thermostat(settings.thermostat, settings.temperature_K,
                                          settings.damping_ps, seed ^ 0x9E3779B97F4A7C15ULL);
  return run_dynamics(system, field, thermostat.get(), dyn, observers);
}

MinimizeResult quench_weld_native(const WeldSettings& settings, System& system, ForceField& field) {
  MinimizeSettings m;
  m.force_tolerance_eV_per_A = settings.force_tolerance_eV_per_A;
  m.max_iterations = settings.max_iterations;
  return make_minimizer(settings.minimizer)->minimize(system, field, m);
}

MinimizeResult NativeWeldEngine::quench(System& system, const std::filesystem::path&) const {
  return quench_weld_native(settings_, system, *make_weld_field(settings_));
}

WeldEngineOutcome NativeWeldEngine::run(System& system, const WeldEngineRun& run) const {
  const auto field = make_weld_field(settings_);
  WeldEngineOutcome out;
  out.start_energy_eV = field->compute(system).energy_eV;
  std::vector<Observer*> observers = run.state_observers;
  observers.insert(observers.end(), run.frame_observers.begin(), run.frame_observers.end());
  out.last = run_weld_dynamics_native(settings_, system, *field, run.steps, run.seed, observers);
  out.quench = quench_weld_native(settings_, system, *field);
  return out;
}

}  // namespace fw::md
