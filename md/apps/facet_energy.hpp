/// \file facet_energy.hpp
/// \brief EAM facet cleavage energies E_dis(hkl), unrelaxed and relaxed, by the slab method or
/// the paper's cut-crystal method, as facet-table entries.
#pragma once

#include <memory>
#include <string>

#include "md/engine/eam_potential.hpp"
#include "slabs/facet_table.hpp"

namespace fw::md {

/// Defaults, units and ranges: md/apps/facet_energy_settings.cpp (`eam_facet_settings_table()`);
/// a_A comes from the crystal settings and cells from the cut-crystal settings (slabs/settings).
struct EamFacetSettings {
  std::string potential;  ///< EAM file: a path, or a name found by find_potential_file
  std::string method;     ///< "slab" | "cut-crystal"
  double a_A{};
  int layers{};       ///< slab: atomic planes (raised to span 2 cutoffs if needed)
  double vacuum_A{};  ///< slab: vacuum gap
  int cells{};        ///< cut-crystal: n×n×n conventional cells (paper: 5)
  double force_tolerance_eV_per_A{};
  std::string minimizer;
};

struct EamFacetResult {
  slabs::FacetEntry unrelaxed;
  slabs::FacetEntry relaxed;
};

/// Slab: E_dis = (E_slab − E_bulk)/A with the bulk the same oriented cell without vacuum, in-plane
/// repeats chosen so every periodic width is ≥ 2 cutoffs. Cut-crystal: E_dis = (E_1 + E_2 −
/// E_crystal)/A for the n×n×n crystal in vacuum split through its centre (Adv. Sci. 2025, Eq. 1);
/// relaxed means each of the three systems relaxed on its own. E_dis = 2γ for the slab method.
EamFacetResult eam_facet_energy(const std::shared_ptr<const EamPotential>& potential,
                                const slabs::Miller& hkl, const EamFacetSettings& settings);

}  // namespace fw::md
