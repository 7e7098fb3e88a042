/// \file settings.hpp
/// \brief The settings table of VASP job preparation (the [vasp] job-file section and
/// `facetweld vasp prepare`).
#pragma once

#include <string>
#include <vector>

#include "core/settings/table.hpp"

namespace fw::vasp {

struct JobSettings {
  std::string preset;       ///< paper | slab
  std::string potcar_dir;   ///< empty: $VASP_PP_PATH, else the jobs are written without POTCAR
  std::vector<int> layers;  ///< slab preset: the layer-count series
  double vacuum_A{};        ///< slab preset
};

const settings::Table<JobSettings>& job_settings_table();

/// The table's defaults (one copy, for default member initialisers).
const JobSettings& default_job_settings();

}  // namespace fw::vasp
