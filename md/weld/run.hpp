/// \file run.hpp
/// \brief One welding run (two relaxed rods at angle θ, or the control pair far apart): NVT,
/// quench, energy release and the structure of the weld.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "md/engine/dynamics.hpp"
#include "md/weld/placement.hpp"
#include "md/weld/result.hpp"
#include "md/weld/result_json.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {

class LammpsLauncher;

/// The isolated rod, relaxed once per study.
struct RelaxedRod {
  slabs::Structure lattice;  ///< as built (lattice positions, axis on z)
  RodShape shape;
  std::vector<Vec3> positions_A;  ///< relaxed, same order
  double energy_eV = 0.0;
  double max_force_eV_per_A = 0.0;
  int iterations = 0;
  bool converged = false;
  long end_layer_atoms = 0;       ///< atoms in the top lattice layer (the contact face at θ = 0)
  double end_face_area_A2 = 0.0;  ///< their area, end_layer_atoms × area per atom in that plane
  /// E_separate: the control pair (rods apart, on the substrate if any) quenched as placed.
  double e_separate_eV = 0.0;
};

/// Builds the Wulff rod of `settings.rod` from `table`, relaxes it alone, and quenches the control
/// pair as placed (E_separate; on a flexible sheet with LAMMPS, in `lammps_dir`/e_separate, run by
/// `launcher` — null: lmp on this machine).
RelaxedRod relax_rod(const WeldSettings& settings, const slabs::FacetTable& table,
                     const std::string& table_source, const std::filesystem::path& lammps_dir,
                     LammpsLauncher* launcher = nullptr);

/// Which run: an angle and a seed, or the control of a seed.
struct WeldRunSpec {
  double angle_deg = 0.0;
  std::uint64_t seed = 1;
  bool control = false;
};

/// The pair of one run as placed (rod tags 1/2), before the substrate is added.
WeldPair place_weld_pair(const WeldSettings& settings, const RelaxedRod& rod,
                         const WeldRunSpec& run);

/// The system of one run as its dynamics start: the pair (rods tagged in `rod_by_id`, indexed by
/// System::id; 0 = substrate), the sheet, Maxwell–Boltzmann velocities of run.seed. Both engines
/// start from it.
System weld_start_system(const WeldSettings& settings, const RelaxedRod& rod,
                         const WeldRunSpec& run, std::vector<int>& rod_by_id);

/// Runs one (angle, seed) or control into `dir` (created): initial.extxyz (with the substrate),
/// trajectory.extxyz (rod atoms: species, pos, rod, cna), thermo.csv, timeseries.csv,
/// final.extxyz (quenched), result.json (written last, so its presence marks a finished run;
/// md/weld/result_json.hpp).
/// With engine lammps the deck runs through `launcher` (null: lmp on this machine).
WeldResult run_weld(const WeldSettings& settings, const RelaxedRod& rod, const WeldRunSpec& run,
                    const std::filesystem::path& dir, LammpsLauncher* launcher = nullptr);

}  // namespace fw::md
