/// \file weld_study.hpp
/// \brief The welding study over angles: one relaxed rod, one run per angle (resumable), and the
/// summary files weld.json and weld.csv.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "md/weld_run.hpp"
#include "slabs/facet_table.hpp"

namespace fw::md {

struct WeldStudy {
  WeldSettings settings;
  RelaxedRod rod;
  std::string facets_source;  ///< where the facet table came from
  std::string facets_engine;
  std::vector<WeldResult> results;  ///< one per angle, in settings.angles_deg order
  std::vector<bool> resumed;        ///< true where the angle was read back, not run

  /// weld.json: settings, the rod (Wulff facets, atoms, relaxed energy), per-angle results.
  nlohmann::json to_json() const;
};

/// Builds and relaxes the rod, then for each angle either reads `out_dir/angle_XX/result.json`
/// (when it was written with the same settings) or runs it; writes out_dir/weld.json and
/// out_dir/weld.csv atomically after every angle, and prints one line per angle to stdout.
WeldStudy run_weld_study(const WeldSettings& settings, const slabs::FacetTable& table,
                         const std::filesystem::path& out_dir,
                         const std::string& facets_source = "facets.json");

/// Folder of one angle: "angle_020" for 20°, "angle_022.5" for 22.5°.
std::string angle_folder_name(double angle_deg);

/// The CSV table of the study, one row per angle.
std::string weld_csv(const WeldStudy& study);

}  // namespace fw::md
