/// \file job_settings.cpp
/// \brief `md run` job-file keys: units, defaults, ranges and docs, one table per section.
/// Results-JSON names (dt_fs, temperature_K, skin_A, …) are accepted in job files too.
#include "md/apps/job_settings.hpp"
#include "md/formats/potential_file.hpp"

#include "md/apps/au_c_settings.hpp"
#include "md/engine/thermostat.hpp"

namespace fw::md {
namespace {

using settings::above_at_most;
using settings::between;
using settings::bind;
using settings::Table;
using settings::Type;
using S = JobSpec;

const Table<S>& top_table() {
  static const Table<S> table(
      "", "Structure, potential and output folder",
      {bind<S>(
           {.key = "structure",
            .type = Type::Text,
            .default_value = std::string(),
            .doc = "Structure file (POSCAR/CONTCAR, extxyz), relative to the job file",
            .check =
                [](const settings::Value& v) {
                  if (std::get<std::string>(v).empty())
                    throw std::invalid_argument("name a POSCAR or extxyz file");
                }},
           [](auto& s) -> auto& { return s.structure; }),
       bind<S>(
           {.key = "potential",
            .type = Type::Text,
            .default_value = std::string(kDefaultEamPotential),
            .doc = "EAM file: a path, or a name found in data/ or Debian's lammps-data"},
           [](auto& s) -> auto& { return s.potential; }),
       bind<S>(
           {.key = "output_dir",
            .type = Type::Text,
            .default_value = std::string("md-output"),
            .doc = "Output folder, relative to the job file"},
           [](auto& s) -> auto& { return s.output_dir; })});
  return table;
}

const Table<S>& run_table() {
  static const Table<S> table(
      "run", "Dynamics",
      {bind<S>(
           {.key = "mode",
            .type = Type::Choice,
            .default_value = std::string("nve"),
            .doc = "nve, nvt or minimize",
            .choices = {"nve", "nvt", "minimize"}},
           [](auto& s) -> auto& { return s.mode; }),
       bind<S>(
           {.key = "steps",
            .type = Type::Integer,
            .default_value = 1000LL,
            .doc = "Time steps",
            .range = between(0, 1e12)},
           [](auto& s) -> auto& { return s.steps; }),
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
            .doc = "Thermostat target (nvt)",
            .range = between(0, 1e5)},
           [](auto& s) -> auto& { return s.temperature_K; }),
       bind<S>(
           {.key = "initial_temperature",
            .type = Type::Real,
            .unit = "K",
            .default_value = -1.0,
            .doc = "Maxwell-Boltzmann start (−1: the target temperature; 0 for minimize)",
            .range = between(-1, 1e5)},
           [](auto& s) -> auto& { return s.initial_temperature_K; }),
       bind<S>(
           {.key = "thermostat",
            .type = Type::Choice,
            .default_value = std::string("langevin"),
            .doc = "Thermostat of nvt runs",
            .choices = {"langevin", "nose-hoover-chain"}},
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
           [](auto& s) -> auto& { return s.seed; })},
      [](const S& s, const std::string& source) {
        if (s.mode == "nvt") check_thermostat_temperature(s.thermostat, s.temperature_K, source);
      });
  return table;
}

const Table<S>& minimize_table() {
  static const Table<S> table("minimize", "Energy minimisation",
                              {bind<S>(
                                   {.key = "method",
                                    .type = Type::Choice,
                                    .default_value = std::string("fire"),
                                    .doc = "FIRE or conjugate gradient",
                                    .choices = {"fire", "cg"}},
                                   [](auto& s) -> auto& { return s.minimizer; }),
                               bind<S>(
                                   {.key = "force_tolerance",
                                    .type = Type::Real,
                                    .unit = "eV/Å",
                                    .default_value = 1e-3,
                                    .doc = "Stop when every force is below this",
                                    .range = above_at_most(0, 100)},
                                   [](auto& s) -> auto& { return s.force_tolerance_eV_per_A; }),
                               bind<S>(
                                   {.key = "max_iterations",
                                    .type = Type::Integer,
                                    .default_value = 10000LL,
                                    .doc = "Iteration limit",
                                    .range = between(1, 1e9)},
                                   [](auto& s) -> auto& { return s.max_iterations; })});
  return table;
}

const Table<S>& output_table() {
  static const Table<S> table("output", "Output",
                              {bind<S>(
                                   {.key = "thermo_every",
                                    .type = Type::Integer,
                                    .default_value = 100LL,
                                    .doc = "thermo.csv row every N steps",
                                    .range = between(1, 1e12)},
                                   [](auto& s) -> auto& { return s.thermo_every; }),
                               bind<S>(
                                   {.key = "trajectory_every",
                                    .type = Type::Integer,
                                    .default_value = 1000LL,
                                    .doc = "Trajectory frame every N steps",
                                    .range = between(1, 1e12)},
                                   [](auto& s) -> auto& { return s.trajectory_every; }),
                               bind<S>(
                                   {.key = "trajectory_format",
                                    .type = Type::Choice,
                                    .default_value = std::string("extxyz"),
                                    .doc = "Trajectory file format",
                                    .choices = {"extxyz", "lammps-dump", "both", "none"}},
                                   [](auto& s) -> auto& { return s.trajectory_format; }),
                               bind<S>(
                                   {.key = "checkpoint_every",
                                    .type = Type::Integer,
                                    .default_value = 1000LL,
                                    .doc = "Checkpoint every N steps (restart with --restart)",
                                    .range = between(1, 1e12)},
                                   [](auto& s) -> auto& { return s.checkpoint_every; })});
  return table;
}

const Table<S>& neighbor_table() {
  static const Table<S> table("neighbor", "Neighbour lists",
                              {bind<S>(
                                  {.key = "skin",
                                   .type = Type::Real,
                                   .unit = "Å",
                                   .default_value = 1.0,
                                   .doc = "Verlet skin added to the cut-off",
                                   .range = between(0, 3)},
                                  [](auto& s) -> auto& { return s.skin_A; })});
  return table;
}

const Table<S>& freeze_table() {
  static const Table<S> table(
      "freeze", "Frozen atoms",
      {bind<S>(
          {.key = "below_z",
           .type = Type::Real,
           .unit = "Å",
           .default_value = -1e300,
           .doc = "Atoms with z below this do not move (a substrate, a base)"},
          [](auto& s) -> auto& { return s.freeze_below_z_A; })});
  return table;
}

const Table<S>& substrate_table() {
  static const Table<S> table(
      "substrate", "Rigid graphene substrate (Au-C Lennard-Jones)",
      {bind<S>(
           {.key = "graphene",
            .type = Type::Boolean,
            .default_value = false,
            .doc = "A rigid graphene sheet under the atoms"},
           [](auto& s) -> auto& { return s.graphene; }),
       bind<S>(
           {.key = "gap",
            .type = Type::Real,
            .unit = "Å",
            .default_value = 3.0,
            .doc = "Sheet height below the lowest atom",
            .range = above_at_most(0, 50)},
           [](auto& s) -> auto& { return s.graphene_gap_A; }),
       bind<S>(
           au_c_lj_epsilon_spec(), [](auto& s) -> auto& { return s.lj_epsilon_eV; }),
       bind<S>(
           au_c_lj_sigma_spec(), [](auto& s) -> auto& { return s.lj_sigma_A; }),
       bind<S>(
           au_c_lj_cutoff_spec(), [](auto& s) -> auto& { return s.lj_cutoff_A; })});
  return table;
}

}  // namespace

const std::vector<const Table<JobSpec>*>& job_settings_tables() {
  static const std::vector<const Table<JobSpec>*> tables{
      &top_table(),      &run_table(),    &minimize_table(), &output_table(),
      &neighbor_table(), &freeze_table(), &substrate_table()};
  return tables;
}

}  // namespace fw::md
