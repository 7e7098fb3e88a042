/// \file settings.hpp
/// \brief The settings tables of slabs/: the crystal (element, lattice constant, facets) shared by
/// every engine, and the paper's cut crystal. Defaults, units and ranges are written here once.
#pragma once

#include <string>
#include <vector>

#include "core/settings/table.hpp"
#include "slabs/miller.hpp"

namespace fw::slabs {

/// The fcc crystal and the facets a study cleaves (top level of a `facetweld run` job file).
struct CrystalSettings {
  std::string element;
  double a_A{};  ///< cubic lattice constant
  std::vector<Miller> facets;
};

const settings::Table<CrystalSettings>& crystal_settings_table();

/// The paper's geometry: an n×n×n-cell cube in vacuum, cut along each facet.
struct CutCrystalSettings {
  int cells{};
  double vacuum_A{};
};

const settings::Table<CutCrystalSettings>& cut_crystal_settings_table();

/// A slab with vacuum (`facetweld slab`, `facetweld cleave --mode slab`).
struct SlabSettings {
  Miller facet{};
  int layers{};
  double vacuum_A{};  ///< gap between the outermost planes across the periodic boundary
  int repeat_a{}, repeat_b{};
};

const settings::Table<SlabSettings>& slab_settings_table();

/// Atomic planes of a slab-method E_dis calculation, one range for every engine (EAM and native
/// PBE): two planes are the least that cleave into two faces; 500 is far past any converged
/// slab. (`facetweld slab` builds any geometry, a monolayer included: its own range.)
constexpr int kSlabMethodMinLayers = 2;
constexpr int kSlabMethodMaxLayers = 500;

/// The E_dis method, one definition for every engine: "slab", (E_slab − E_bulk)/A, or
/// "cut-crystal", the paper's finite cube cut in two (Adv. Sci. 2025, Eq. 1).
settings::Spec facet_method_spec();

}  // namespace fw::slabs
