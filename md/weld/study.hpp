/// \file study.hpp
/// \brief The welding study: one relaxed rod; for every seed a control pair (rods apart) and one
/// run per angle, in parallel and resumable; per-angle statistics; weld.json and weld.csv.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "md/weld/angle_folder.hpp"
#include "md/weld/run.hpp"
#include "md/weld/trend.hpp"
#include "slabs/facet_table.hpp"

namespace fw::md {

/// Per-angle statistics over the seeds.
struct WeldAngleSummary {
  double angle_deg = 0.0;
  int n_seeds = 0;
  MeanStd release_eV;      ///< net (raw − control of the same seed)
  MeanStd release_raw_eV;  ///< raw
  MeanStd release_per_neck_area_J_per_m2;
  MeanStd angle_end_of_dynamics_deg;
  MeanStd angle_after_quench_deg;
  MeanStd neck_bridge_atoms;
  MeanStd interface_interior_fcc_fraction;
};

struct WeldStudy {
  WeldSettings settings;
  RelaxedRod rod;
  std::string facets_source;  ///< where the facet table came from
  std::string facets_engine;
  std::vector<WeldResult> results;   ///< one per (angle, seed): angles outer, seeds inner
  std::vector<bool> resumed;         ///< per result: read back, not run
  std::vector<WeldResult> controls;  ///< one per seed
  std::vector<WeldAngleSummary> summary;
  WeldTrend trend;  ///< does the net release fall with angle (over the runs in `summary`)
  bool complete = false;

  /// weld.json: status, settings, rod, runs[], controls[], summary[], trend.
  nlohmann::json to_json() const;
};

/// Builds and relaxes the rod and the separated pair, then runs every (angle, seed) and every
/// seed's control on a pool of `settings.workers` threads, reading back each run whose
/// `result.json` was written with the same settings. Writes out_dir/weld.json (status
/// "incomplete" until every run has finished, then "complete") and out_dir/weld.csv after every
/// run, and prints one progress line per finished run with the study's ETA. With engine lammps
/// the decks run through `launcher` (null: lmp on this machine); one that queues its runs (a
/// batch system) gets every run at once. Holds out_dir's folder lock (core/dir_lock) while it
/// runs: a second study into the same folder is an InputError naming the folder and this PID.
WeldStudy run_weld_study(const WeldSettings& settings, const slabs::FacetTable& table,
                         const std::filesystem::path& out_dir,
                         const std::string& facets_source = "facets.json",
                         LammpsLauncher* launcher = nullptr);

/// Folder of one run relative to the study: "angle_020/seed_1", "control/seed_1".
std::string run_folder_name(const WeldRunSpec& run);

/// The CSV table of the study, one row per run (controls included).
std::string weld_csv(const WeldStudy& study);

}  // namespace fw::md
