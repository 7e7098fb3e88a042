/// \file settings.hpp
/// \brief The settings table of VASP job preparation (the [vasp] job-file section and
/// `facetweld vasp prepare`).
#pragma once

#include <string>

#include "core/settings/table.hpp"

namespace fw::vasp {

struct JobSettings {
  std::string preset;      ///< paper | slab
  std::string potcar_dir;  ///< empty: $VASP_PP_PATH, else the jobs are written without POTCAR
  double vacuum_A{};       ///< slab preset
};

const settings::Table<JobSettings>& job_settings_table();

}  // namespace fw::vasp
