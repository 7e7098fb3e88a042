/// \file dynamics_settings.hpp
/// \brief The dynamics settings that `md run` and `weld` share (potential, time step,
/// temperature, thermostat, damping, seed, minimiser tolerance and limit, neighbour skin, Au–C
/// Lennard-Jones): one table, which each command's tables lift (core/settings/table.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "core/settings/table.hpp"

namespace fw::md {

/// The fields of the dynamics table. JobSpec and WeldSettings derive from it, so the settings
/// keep their names (`job.dt_fs`, `weld.thermostat`) and each table lifts them through
/// dynamics().
struct SharedDynamicsSettings {
  std::string potential;  ///< EAM file, found by find_potential_file
  double dt_fs{};
  double temperature_K{};  ///< thermostat target
  /// Nosé–Hoover chain: acts on the total kinetic energy, so rigid-body motion (the rods'
  /// approach and rotation) is not damped; Langevin friction damps every motion with time
  /// damping_ps; none: NVE.
  std::string thermostat;
  double damping_ps{};
  std::uint64_t seed{};
  double force_tolerance_eV_per_A{};
  long max_iterations{};
  double skin_A{};
  /// Au–C 12-6 Lennard-Jones (LAMMPS lj/cut): Lewis, Jensen, Combe and Barrat, PRB 61, 16084
  /// (2000), gold clusters on graphite (see lennard_jones.hpp).
  double lj_epsilon_eV{};
  double lj_sigma_A{};
  double lj_cutoff_A{};

  SharedDynamicsSettings& dynamics() { return *this; }
  const SharedDynamicsSettings& dynamics() const { return *this; }
};

/// The shared table. Its section is empty: a command lifts the keys it wants into its own
/// sections (`md run`: [run], [minimize], [neighbor], [substrate]; `weld`: [weld]).
const settings::Table<SharedDynamicsSettings>& dynamics_settings_table();

/// The entries `keys` of the dynamics table (all when empty), bound to S's SharedDynamicsSettings
/// base.
template <class S>
std::vector<settings::Binding<S>> lift_dynamics(const std::vector<std::string>& keys = {}) {
  return settings::lift<S>(
      dynamics_settings_table(), [](auto& s) -> auto& { return s.dynamics(); }, keys);
}

}  // namespace fw::md
