/// \file settings.hpp
/// \brief The settings of the welding study and their table: every default, unit and range of a
/// welding setting is written here once; `facetweld weld` options, the [weld] section of `facetweld
/// run` job files and weld.json `settings` all come from it (core/settings/table.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/settings/table.hpp"
#include "md/analysis/cna.hpp"
#include "md/apps/dynamics_settings.hpp"
#include "md/weld/placement.hpp"
#include "slabs/facet_table.hpp"

namespace fw::md {

/// Every input of a welding study. Defaults, units and ranges are in md::weld_settings_table()
/// (below), written once there; default_weld_settings() gives them. See
/// docs/weld.md. The dynamics keys (dt, temperature, thermostat, …; `seed` is the first seed) are
/// md/apps/dynamics_settings.cpp's, shared with `md run`.
struct WeldSettings : SharedDynamicsSettings {
  RodShapeSettings rod;
  WeldPairSettings pair;  ///< angle_deg is set per run from `angles_deg`
  std::vector<double> angles_deg;
  std::string mode;       ///< side | top | tip (slabs/lying_rod_pair.hpp)
  std::string substrate;  ///< graphene (periodic in-plane) | none
  std::string sheet;      ///< rigid (frozen, no C–C) | flexible (AIREBO C–C; lammps engine)
  std::string engine;     ///< native | lammps (md/weld/engine_lammps.hpp)
  std::string lammps_command;  ///< lmp executable (path or name on $PATH), lammps engine
  int lammps_ranks{};          ///< MPI ranks per LAMMPS run (> 1: mpirun -np N)
  double substrate_gap_A{};    ///< lowest Au atom above the sheet
  int seeds{};                 ///< runs per angle (and controls), with seeds seed, seed+1, ...
  /// The control: the same two rods, placed as at θ = 0 but this far apart (Å), run with the
  /// same protocol and seeds; its release (reshaping, not welding) is subtracted per seed.
  double control_gap_A{};
  double reshaping_threshold_eV{};  ///< a control releasing more flags the rods as reshaping
  int workers{};                    ///< parallel (angle, seed) runs; 0: one per hardware thread
  double time_ps{};
  std::string minimizer;
  double sample_every_ps{};      ///< neck, angle and interface CNA time series
  double trajectory_every_ps{};  ///< extxyz frames; 0: initial and final frames only
  double thermo_every_ps{};
  CnaSettings cna;                  ///< cutoff_A 0 → 0.854 a
  double interface_half_width_A{};  ///< half thickness of the interface slab

  /// Every setting that determines the numbers of one run (not the angle list, seed count,
  /// worker count or reshaping threshold): the resume key of a run.
  nlohmann::json to_json() const;
  /// Every setting (weld.json `settings`), with the source of the Au–C parameters.
  nlohmann::json study_json() const;
};

/// Throws InputError for any out-of-range setting (the table's ranges and choices).
void check_weld_settings(const WeldSettings& settings);

/// Rods too small to have a long axis (a rule of weld_settings_table, docs/weld.md): the inscribed
/// radius holds more than the axis column, and the length is at least √6 × radius.
inline constexpr double kMinRodRadiusA = 3.0;
inline constexpr double kMinRodLengthPerRadius = 2.449489742783178;  // √6

/// The facet table's cubic lattice constant a_A must be an fcc metal's (2-7 Å; Ni 3.52, Pb 4.95):
/// 0.5 Å packs a rod into millions of atoms, 1000 Å into a rod of none. Throws
/// InputError(`source`, the facets file) naming a_A.
inline constexpr double kWeldLatticeConstantMinA = 2.0;
inline constexpr double kWeldLatticeConstantMaxA = 7.0;
void check_weld_lattice_constant(const slabs::FacetTable& table, const std::string& source);

/// Every setting of WeldSettings. The defaults are a quick study (small rods, 1 ps, side by side
/// on graphene, 3 seeds + control) that `facetweld run` finishes in a few minutes on 2 cores;
/// study-sized runs set time and rod size (examples/weld_study.toml).
const settings::Table<WeldSettings>& weld_settings_table();

/// WeldSettings at the table's defaults.
WeldSettings default_weld_settings();

}  // namespace fw::md
