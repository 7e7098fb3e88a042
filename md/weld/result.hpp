/// \file result.hpp
/// \brief What one welding run found: its energies, angles, neck and CNA, and the time series.
/// Plain data; the files they are written to are md/weld/result_json.hpp's.
#pragma once

#include <cstdint>
#include <vector>

#include "md/analysis/cna.hpp"

namespace fw::md {

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
};

/// Sets the net release (raw − the control's release of the same seed) and what derives from it.
void set_net_release(WeldResult& result, double control_release_eV, double end_face_area_A2);

}  // namespace fw::md
