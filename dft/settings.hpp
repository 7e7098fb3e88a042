/// \file settings.hpp
/// \brief The settings tables of dft/: the SCF (`facetweld scf`, the [dft] job-file section) and
/// the facet-energy calculation built on it. Every default, unit and range of a DFT setting is
/// written here once; see core/settings/table.hpp for what is derived from them.
#pragma once

#include "core/settings/table.hpp"
#include "dft/facet_energy.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {

/// PBE Au pseudopotential (ONCVPSP, PSML) installed by Debian's abinit-data.
inline constexpr const char* kDefaultAuPseudopotential = "/usr/share/abinit/psp/79_Au_oncv.psml";

/// Every setting of ScfSettings (except the log callback).
const settings::Table<ScfSettings>& scf_settings_table();

/// ScfSettings at the table's defaults.
ScfSettings default_scf_settings();

/// The facet-energy calculation (slab method): geometry, mesh, pseudopotential, and the SCF
/// settings that matter for it, with the quicker defaults of a facet scan (20 Ha, 1e-6 Ha).
const settings::Table<DftFacetSettings>& facet_settings_table();

/// fixed-middle relaxation: layers − relax_fixed_layers must be even and > 0. Not a table
/// consistency check, because the CLI sets `layers` after the table (--layers is shared with the
/// EAM engine); dft_facet_energy and `facetweld edis` call it before any SCF.
void check_relaxation_layers(const DftFacetSettings& settings, const std::string& source);

}  // namespace fw::dft
