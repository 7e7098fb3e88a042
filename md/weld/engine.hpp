/// \file engine.hpp
/// \brief The interface of a welding engine: what moves the atoms of one run (its dynamics and
/// quench), while facetweld places the rods and analyses the run the same way for every engine.
/// Engines are made by name in md/weld/engines.hpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "md/engine/dynamics.hpp"
#include "md/engine/minimizer.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// What one run asks of its engine.
struct WeldEngineRun {
  long steps = 0;             ///< MD steps of the settings' protocol (dt, thermostat)
  long sample_every = 1;      ///< steps between the frames `frame_observers` get
  long thermo_every = 1;      ///< steps between the thermo rows `state_observers` get
  std::uint64_t seed = 1;     ///< the thermostat's noise
  std::filesystem::path dir;  ///< the engine's own files (a LAMMPS deck and its output)
  std::vector<Observer*> state_observers;
  std::vector<Observer*> frame_observers;
};

/// What the engine hands back; `system` is left quenched.
struct WeldEngineOutcome {
  double start_energy_eV = 0.0;  ///< the pair as placed, as this engine computes it
  ThermoState last;              ///< the last MD step
  MinimizeResult quench;         ///< the quench to the nearest minimum
};

class WeldEngine {
 public:
  virtual ~WeldEngine() = default;
  /// Quenches `system` in place (the control pair as placed: E_separate); `dir` holds the
  /// engine's own files.
  virtual MinimizeResult quench(System& system, const std::filesystem::path& dir) const = 0;
  /// The dynamics of one run, from `system` as it starts (positions and velocities), then the
  /// quench. Every observer's finish() sees the system at the last MD step, before the quench.
  virtual WeldEngineOutcome run(System& system, const WeldEngineRun& run) const = 0;
  /// Whether the runs go to a queue that holds them all (a batch system): the study then hands
  /// them over at once instead of one per worker.
  virtual bool queues_runs() const { return false; }
};

}  // namespace fw::md
