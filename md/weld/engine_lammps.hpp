/// \file engine_lammps.hpp
/// \brief The LAMMPS engine of the welding study: one run's dynamics (and, for a flexible
/// AIREBO sheet, its quench) as a LAMMPS deck, run with `lmp`, read back for facetweld's
/// analyses; on a rigid sheet the quench is the native engine's.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "md/apps/lammps_launcher.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/minimizer.hpp"
#include "md/weld/engine.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {

/// What a LAMMPS run of the study needs besides the settings, resolved once per study.
struct WeldLammpsSetup {
  std::filesystem::path lmp;          ///< the executable
  std::filesystem::path eam_file;     ///< absolute path of the EAM file
  std::filesystem::path airebo_file;  ///< CH.airebo for a flexible sheet; empty for a rigid one
  std::shared_ptr<LammpsLauncher> launcher;  ///< runs the decks (local lmp, or a batch queue)
};

/// Finds lmp (settings.lammps_command) and the potential files. Throws InputError(--lmp) when
/// LAMMPS is missing and InputError(--sheet) when a flexible sheet's CH.airebo is not installed.
/// The decks run through `launcher` (not owned; it outlives the engine), or with
/// settings.lammps_ranks ranks on this machine when it is null.
WeldLammpsSetup weld_lammps_engine(const WeldSettings& settings,
                                   LammpsLauncher* launcher = nullptr);

/// One LAMMPS stage of a run.
struct WeldLammpsStage {
  ThermoState first;                     ///< step 0 (the start as LAMMPS sees it)
  ThermoState last;                      ///< the last MD step
  std::optional<MinimizeResult> quench;  ///< LAMMPS's quench (flexible sheet only)
};

/// Runs `steps` steps of the settings' protocol (dt, thermostat: `fix nvt` for the Nosé–Hoover
/// chain with the chain's degrees of freedom, `fix langevin` + `fix nve`, or `fix nve` for none)
/// on `system` — the pair, the sheet (frozen atoms are not integrated and their pairs are
/// excluded) and the velocities, exactly as the native engine would start — in LAMMPS, in `dir`
/// (data.lmp, in.lammps, log.lammps, samples.dump, final_md.dump), through engine.launcher. Then
/// replays the run: `state_observers` get every thermo row (every `thermo_every` steps) from the
/// log, `frame_observers` get `system` with the rod atoms (every atom not frozen that is not
/// carbon) at every `sample_every` step from the dump and that step's thermo. Leaves `system` at
/// the last MD step (positions unwrapped, velocities). With `quench`, LAMMPS then minimises (FIRE,
/// largest atomic force below settings.force_tolerance: `min_modify norm max`) and `system` is left
/// quenched; `steps` = 0 only quenches.
WeldLammpsStage run_weld_lammps_stage(const WeldSettings& settings, const WeldLammpsSetup& engine,
                                      System& system, long steps, long sample_every,
                                      long thermo_every, bool quench, std::uint64_t seed,
                                      const std::filesystem::path& dir,
                                      const std::vector<Observer*>& state_observers,
                                      const std::vector<Observer*>& frame_observers);

class LammpsWeldEngine : public WeldEngine {
 public:
  /// weld_lammps_engine(settings, launcher): throws as it does.
  LammpsWeldEngine(const WeldSettings& settings, LammpsLauncher* launcher);
  /// A flexible sheet is quenched in LAMMPS (in `dir`), a rigid one by the native engine.
  MinimizeResult quench(System& system, const std::filesystem::path& dir) const override;
  /// Observers get the frames and thermo rows read back from LAMMPS's dump and log.
  WeldEngineOutcome run(System& system, const WeldEngineRun& run) const override;
  bool queues_runs() const override;

 private:
  bool quench_in_lammps() const { return !setup_.airebo_file.empty(); }

  WeldSettings settings_;
  WeldLammpsSetup setup_;
};

}  // namespace fw::md
