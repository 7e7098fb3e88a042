/// \file weld_run.hpp
/// \brief One welding run (two relaxed rods at angle θ, or the control pair far apart): NVT,
/// quench, energy release and the structure of the weld.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "md/analysis/cna.hpp"
#include "md/engine/dynamics.hpp"
#include "md/weld/placement.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {

class LammpsLauncher;

/// One row of the time series.
struct WeldSample {
  double time_ps = 0.0;
  double potential_eV = 0.0;
  double temperature_K = 0.0;
  double angle_deg = 0.0;
  long neck_bridge_atoms = 0;
  long cross_bonds = 0;
  double neck_radius_A = 0.0;
  long interface_atoms = 0;
  CnaCounts interface_cna;           ///< all atoms of the interface slab
  CnaCounts interface_interior_cna;  ///< those with 12 or more neighbours (no surface atoms)
};

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

struct WeldResult {
  double initial_angle_deg = 0.0;
  std::uint64_t seed = 1;
  bool control = false;
  long atoms_per_rod = 0;
  long substrate_atoms = 0;
  double e_separate_eV = 0.0;          ///< rods apart, quenched as placed (RelaxedRod)
  double e_contact_start_eV = 0.0;     ///< the pair as placed, before any motion
  double e_welded_eV = 0.0;            ///< after MD and the quench
  double energy_release_raw_eV = 0.0;  ///< e_separate − e_welded
  /// Net: raw − the control's release of the same seed (set by the study; for a control, its raw
  /// release).
  double energy_release_eV = 0.0;
  double energy_release_per_atom_meV = 0.0;  ///< net, per atom of the pair
  /// Release per neck area π r², and per the flat end-face area (comparable with E_dis of the
  /// end facet at θ = 0).
  double neck_area_A2 = 0.0;
  double energy_release_per_neck_area_J_per_m2 = 0.0;
  double energy_release_per_end_face_eV_per_A2 = 0.0;
  /// θ of the mode (side, tip: the angle between the long axes; top: its tilt from the
  /// perpendicular, 90° − that angle) at the last MD step, before the quench.
  double angle_end_of_dynamics_deg = 0.0;
  double final_angle_deg = 0.0;  ///< the same after the quench
  double rotation_deg = 0.0;     ///< initial θ − θ at the end of dynamics (> 0: θ closed)
  WeldSample quenched;           ///< neck and CNA of the quenched weld
  CnaCounts all_cna;             ///< whole pair, quenched
  int quench_iterations = 0;
  bool quench_converged = false;
  double quench_max_force_eV_per_A = 0.0;
  double min_distance_start_A = 0.0;
  std::vector<WeldSample> samples;
  double wall_s = 0.0;

  nlohmann::json to_json() const;
};

/// Sets the net release (raw − the control's release of the same seed) and what derives from it.
void set_net_release(WeldResult& result, double control_release_eV, double end_face_area_A2);

WeldResult weld_result_from_json(const nlohmann::json& j, const std::string& source);

/// What produced a run's result.json (its integrity producer, core/file_integrity.hpp): the
/// format, the md engine version and the fingerprint of the run's settings (`settings.to_json()`).
nlohmann::json weld_result_producer(const nlohmann::json& settings);

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
/// final.extxyz (quenched), result.json (written last, so its presence marks a finished run).
/// With engine lammps the deck runs through `launcher` (null: lmp on this machine).
WeldResult run_weld(const WeldSettings& settings, const RelaxedRod& rod, const WeldRunSpec& run,
                    const std::filesystem::path& dir, LammpsLauncher* launcher = nullptr);

}  // namespace fw::md
