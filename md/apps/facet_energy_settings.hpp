/// \file facet_energy_settings.hpp
/// \brief The settings table of EAM facet energies (`facetweld edis --engine eam`, the [eam]
/// section of `facetweld run` job files).
#pragma once

#include "core/settings/table.hpp"
#include "md/apps/facet_energy.hpp"

namespace fw::md {

const settings::Table<EamFacetSettings>& eam_facet_settings_table();

}  // namespace fw::md
