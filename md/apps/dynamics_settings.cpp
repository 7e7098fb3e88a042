/// \file dynamics_settings.cpp
/// \brief The shared dynamics table: keys, units, defaults, ranges and docs.
#include "md/apps/dynamics_settings.hpp"

#include "md/apps/au_c_settings.hpp"
#include "md/formats/potential_file.hpp"

namespace fw::md {

using settings::above_at_most;
using settings::between;
using settings::bind;
using settings::Type;
using S = SharedDynamicsSettings;

const settings::Table<SharedDynamicsSettings>& dynamics_settings_table() {
  static const settings::Table<S> table(
      "", "Dynamics (shared by md run and weld)",
      {
          bind<S>(
              {.key = "potential",
               .type = Type::Text,
               .default_value = std::string(kDefaultEamPotential),
               .doc = "EAM file: a path, or a name found in data/md/ or Debian's lammps-data"},
              [](auto& s) -> auto& { return s.potential; }),
          bind<S>(
              {.key = "dt",
               .type = Type::Real,
               .unit = "fs",
               .default_value = 1.0,
               .doc = "Time step",
               .range = above_at_most(0, 10)},
              [](auto& s) -> auto& { return s.dt_fs; }),
          bind<S>(
              {.key = "temperature",
               .type = Type::Real,
               .unit = "K",
               .default_value = 300.0,
               .doc = "Thermostat target, and the temperature of the initial velocities",
               .range = between(0, 1e5)},
              [](auto& s) -> auto& { return s.temperature_K; }),
          // Nosé–Hoover chain by default: it is LAMMPS's `fix nvt`, and it leaves rigid-body
          // motion undamped, which the welding rods' approach and rotation need.
          bind<S>(
              {.key = "thermostat",
               .type = Type::Choice,
               .default_value = std::string("nose-hoover-chain"),
               .doc = "Nosé-Hoover chain (LAMMPS fix nvt; does not damp rigid-body motion), "
                      "Langevin, or none (NVE)",
               .choices = {"nose-hoover-chain", "langevin", "none"}},
              [](auto& s) -> auto& { return s.thermostat; }),
          bind<S>(
              {.key = "damping",
               .type = Type::Real,
               .unit = "ps",
               .default_value = 0.1,
               .doc = "Thermostat damping time (LAMMPS Tdamp)",
               .range = above_at_most(0, 1e3)},
              [](auto& s) -> auto& { return s.damping_ps; }),
          bind<S>(
              {.key = "seed",
               .type = Type::Integer,
               .default_value = 12345LL,
               .doc = "Random seed (velocities, Langevin noise)",
               .range = between(0, 9e15)},
              [](auto& s) -> auto& { return s.seed; }),
          // At most 10 eV/Å: a bulk EAM crystal with an atom moved 0.5 Å feels a few eV/Å, so a
          // larger tolerance ends a minimisation before its first step (a unit slip, not a
          // choice).
          bind<S>(
              {.key = "force_tolerance",
               .type = Type::Real,
               .unit = "eV/Å",
               .default_value = 1e-3,
               .doc = "Minimisation stops when the largest force is below this",
               .range = above_at_most(0, 10)},
              [](auto& s) -> auto& { return s.force_tolerance_eV_per_A; }),
          bind<S>(
              {.key = "max_iterations",
               .type = Type::Integer,
               .default_value = 10000LL,
               .doc = "Most minimiser iterations",
               .range = between(1, 1e9)},
              [](auto& s) -> auto& { return s.max_iterations; }),
          bind<S>(
              {.key = "skin",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 1.0,
               .doc = "Verlet neighbour-list skin added to the cut-off",
               .range = between(0, 3)},
              [](auto& s) -> auto& { return s.skin_A; }),
          bind<S>(
              au_c_lj_epsilon_spec(), [](auto& s) -> auto& { return s.lj_epsilon_eV; }),
          bind<S>(
              au_c_lj_sigma_spec(), [](auto& s) -> auto& { return s.lj_sigma_A; }),
          bind<S>(
              au_c_lj_cutoff_spec(), [](auto& s) -> auto& { return s.lj_cutoff_A; }),
      });
  return table;
}

}  // namespace fw::md
