/// \file job_settings.cpp
/// \brief `md run` job-file keys: units, defaults, ranges and docs, one table per section.
/// Results-JSON names (dt_fs, temperature_K, skin_A, …) are accepted in job files too.
#include "md/apps/job_settings.hpp"

#include <initializer_list>

#include "core/error.hpp"
#include "core/toml_input.hpp"
#include "md/apps/dynamics_settings.hpp"
#include "md/engine/thermostat.hpp"

namespace fw::md {
namespace {

using settings::above_at_most;
using settings::between;
using settings::bind;
using settings::Table;
using settings::Type;
using S = JobSpec;

/// The table's own entries and the lifted dynamics ones, in the order given.
std::vector<settings::Binding<S>> in_order(
    std::initializer_list<std::vector<settings::Binding<S>>> parts) {
  std::vector<settings::Binding<S>> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

const Table<S>& top_table() {
  static const Table<S> table(
      "", "Structure, potential and output folder",
      in_order({{bind<S>(
                    {.key = "structure",
                     .type = Type::Text,
                     .default_value = std::string(),
                     .doc = "Structure file (POSCAR/CONTCAR, extxyz), relative to the job file",
                     .check =
                         [](const settings::Value& v) {
                           if (std::get<std::string>(v).empty())
                             throw std::invalid_argument("name a POSCAR or extxyz file");
                         }},
                    [](auto& s) -> auto& { return s.structure; })},
                lift_dynamics<S>({"potential"}),
                {bind<S>(
                    {.key = "output_dir",
                     .type = Type::Text,
                     .default_value = std::string("md-output"),
                     .doc = "Output folder, relative to the job file"},
                    [](auto& s) -> auto& { return s.output_dir; })}}));
  return table;
}

const Table<S>& run_table() {
  static const Table<S> table(
      "run", "Dynamics",
      in_order({{bind<S>(
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
                     [](auto& s) -> auto& { return s.steps; })},
                lift_dynamics<S>({"dt", "temperature"}),
                {bind<S>(
                    {.key = "initial_temperature",
                     .type = Type::Real,
                     .unit = "K",
                     .default_value = -1.0,
                     .doc = "Maxwell-Boltzmann start (−1: the target temperature; 0 for minimize)",
                     .range = between(-1, 1e5)},
                    [](auto& s) -> auto& { return s.initial_temperature_K; })},
                lift_dynamics<S>({"thermostat", "damping", "seed"})}),
      [](const S& s, const std::string& source) {
        if (s.mode == "nvt" && s.thermostat == "none")
          throw settings::ConsistencyError(
              source, {"thermostat", "mode"},
              "mode nvt needs a thermostat (thermostat none is mode nve)");
        if (s.mode == "nvt") check_thermostat_temperature(s.thermostat, s.temperature_K, source);
      });
  return table;
}

const Table<S>& minimize_table() {
  static const Table<S> table("minimize", "Energy minimisation",
                              in_order({{bind<S>(
                                            {.key = "method",
                                             .type = Type::Choice,
                                             .default_value = std::string("fire"),
                                             .doc = "FIRE or conjugate gradient",
                                             .choices = {"fire", "cg"}},
                                            [](auto& s) -> auto& { return s.minimizer; })},
                                        lift_dynamics<S>({"force_tolerance", "max_iterations"})}));
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
  static const Table<S> table("neighbor", "Neighbour lists", lift_dynamics<S>({"skin"}));
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
      in_order({{bind<S>(
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
                     [](auto& s) -> auto& { return s.graphene_gap_A; })},
                lift_dynamics<S>({"lj_epsilon", "lj_sigma", "lj_cutoff"})}));
  return table;
}

}  // namespace

const std::vector<const Table<JobSpec>*>& job_settings_tables() {
  static const std::vector<const Table<JobSpec>*> tables{
      &top_table(),      &run_table(),    &minimize_table(), &output_table(),
      &neighbor_table(), &freeze_table(), &substrate_table()};
  return tables;
}

JobSpec read_job(const std::filesystem::path& path) {
  const toml::value root = toml_input::parse_file(path);
  const std::string p = path.string();
  JobSpec job = settings::defaults_of(job_settings_tables());
  settings::read_sectioned_toml(root, job, job_settings_tables(), p);
  job.job_dir = path.parent_path();
  if (job.structure.empty()) throw InputError(p, "missing 'structure' (a POSCAR or extxyz file)");
  return job;
}

}  // namespace fw::md
