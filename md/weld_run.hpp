/// \file weld_run.hpp
/// \brief One welding run: two relaxed rods at angle θ, Langevin NVT, quench, energy release and
/// the structure of the weld.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "md/analysis_cna.hpp"
#include "md/weld_setup.hpp"

namespace fw::md {

/// Every input of a welding study, with defaults sized so that five angles finish in a few
/// minutes on two cores (two rods of ~1100 atoms, 5 ps each). See docs/weld.md.
struct WeldSettings {
  RodShapeSettings rod;
  WeldPairSettings pair;  ///< angle_deg is set per run from `angles_deg`
  std::vector<double> angles_deg{0, 20, 40, 60, 80};
  std::string potential = "Au_u3.eam";  ///< found by find_potential_file
  double temperature_K = 300.0;
  double dt_fs = 1.0;
  double time_ps = 5.0;
  /// Nosé–Hoover chain by default: it acts on the total kinetic energy, so the rods' approach
  /// and rotation are not damped; Langevin friction damps every rigid-body motion with time
  /// damping_ps (see docs/weld.md).
  std::string thermostat = "nose-hoover-chain";
  double damping_ps = 0.1;
  std::uint64_t seed = 1;
  std::string minimizer = "fire";
  double force_tolerance_eV_per_A = 1e-3;
  int max_iterations = 20000;
  double skin_A = 1.0;
  double sample_every_ps = 0.1;       ///< neck, angle and interface CNA time series
  double trajectory_every_ps = 0.25;  ///< extxyz frames; 0: initial and final frames only
  double thermo_every_ps = 0.05;
  CnaSettings cna;                      ///< cutoff_A 0 → 0.854 a
  double interface_half_width_A = 4.0;  ///< half thickness of the interface slab

  nlohmann::json to_json() const;
};

/// Throws InputError naming the option for any out-of-range setting.
void check_weld_settings(const WeldSettings& settings);

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
};

/// Builds the Wulff rod of `settings.rod` from `table` and relaxes it alone.
RelaxedRod relax_rod(const WeldSettings& settings, const slabs::FacetTable& table,
                     const std::string& table_source);

struct WeldResult {
  double initial_angle_deg = 0.0;
  long atoms_per_rod = 0;
  double e_rod1_eV = 0.0, e_rod2_eV = 0.0;   ///< each rod relaxed alone
  double e_separate_eV = 0.0;                ///< their sum
  double e_contact_start_eV = 0.0;           ///< the pair as placed, before any motion
  double e_welded_eV = 0.0;                  ///< after MD and the quench
  double energy_release_eV = 0.0;            ///< e_separate − e_welded
  double energy_release_per_atom_meV = 0.0;  ///< per atom of the pair
  /// Release per neck area π r², and per the flat end-face area (comparable with E_dis of the
  /// end facet at θ = 0).
  double neck_area_A2 = 0.0;
  double energy_release_per_neck_area_J_per_m2 = 0.0;
  double energy_release_per_end_face_eV_per_A2 = 0.0;
  double final_angle_deg = 0.0;  ///< quenched
  double rotation_deg = 0.0;     ///< initial − final (> 0: the rods turned towards each other)
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

WeldResult weld_result_from_json(const nlohmann::json& j, const std::string& source);

/// Runs one angle into `dir` (created): initial.extxyz, trajectory.extxyz (species, pos, rod,
/// cna), thermo.csv, timeseries.csv, final.extxyz (quenched), result.json (written last, so its
/// presence marks a finished angle).
WeldResult run_weld_angle(const WeldSettings& settings, const RelaxedRod& rod, double angle_deg,
                          const std::filesystem::path& dir);

}  // namespace fw::md
