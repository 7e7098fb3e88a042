/// \file engine_native.hpp
/// \brief The native welding engine: facetweld's own velocity Verlet with the settings'
/// thermostat, then the settings' minimiser, on EAM plus the Au–C Lennard-Jones of the sheet.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "md/engine/dynamics.hpp"
#include "md/engine/force_field.hpp"
#include "md/engine/minimizer.hpp"
#include "md/weld/engine.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {

/// EAM, plus the Au–C Lennard-Jones on graphene (a rigid sheet: no C–C).
std::unique_ptr<ForceField> make_weld_field(const WeldSettings& settings);

/// `steps` velocity-Verlet steps of settings.dt_fs with the settings' thermostat (its noise
/// seeded from `seed`; none: NVE).
ThermoState run_weld_dynamics_native(const WeldSettings& settings, System& system,
                                     ForceField& field, long steps, std::uint64_t seed,
                                     const std::vector<Observer*>& observers);

/// The settings' minimiser down to settings.force_tolerance (at most settings.max_iterations).
MinimizeResult quench_weld_native(const WeldSettings& settings, System& system, ForceField& field);

class NativeWeldEngine : public WeldEngine {
 public:
  explicit NativeWeldEngine(const WeldSettings& settings) : settings_(settings) {}
  MinimizeResult quench(System& system, const std::filesystem::path& dir) const override;
  /// The observers get every step of their intervals, state observers first.
  WeldEngineOutcome run(System& system, const WeldEngineRun& run) const override;

 private:
  WeldSettings settings_;
};

}  // namespace fw::md
