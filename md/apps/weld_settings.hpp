/// \file weld_settings.hpp
/// \brief The settings table of the welding study: every default, unit and range of a welding
/// setting is written here once; `facetweld weld` options, the [weld] section of `facetweld run`
/// job files and weld.json `settings` all come from it (core/settings/table.hpp).
#pragma once

#include "core/settings/table.hpp"
#include "md/apps/weld_run.hpp"

namespace fw::md {

/// Every setting of WeldSettings. The defaults are a quick study (small rods, 1 ps, side by side
/// on graphene, 3 seeds + control) that `facetweld run` finishes in a few minutes on 2 cores;
/// study-sized runs set time and rod size (examples/weld_study.toml).
const settings::Table<WeldSettings>& weld_settings_table();

/// WeldSettings at the table's defaults.
WeldSettings default_weld_settings();

}  // namespace fw::md
