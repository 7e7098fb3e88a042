/// \file job.cpp
/// \brief Job file parsing (toml11) and the run it describes.
#include "md/job.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/toml_input.hpp"
#include "core/version.hpp"
#include "md/checkpoint.hpp"
#include "md/dynamics.hpp"
#include "md/eam_force.hpp"
#include "md/graphene.hpp"
#include "md/lammps_input.hpp"
#include "md/minimizer.hpp"
#include "md/potential_file.hpp"
#include "md/structure_bridge.hpp"
#include "md/thermo_csv.hpp"
#include "md/trajectory.hpp"
#include "md/velocities.hpp"
#include "slabs/io/structure_file.hpp"

namespace fw::md {

using toml_input::check_keys;
using toml_input::read_key;

JobSpec read_job(const std::filesystem::path& path) {
  const toml::value root = toml_input::parse_file(path);
  const std::string p = path.string();
  JobSpec job;
  job.job_dir = path.parent_path();
  check_keys(
      root,
      {"structure", "potential", "output_dir", "run", "minimize", "output", "neighbor", "freeze"},
      p, "the top level");
  read_key(root, "structure", job.structure, p);
  read_key(root, "potential", job.potential, p);
  read_key(root, "output_dir", job.output_dir, p);
  if (root.contains("run")) {
    const auto& t = root.at("run");
    check_keys(t,
               {"mode", "steps", "dt_fs", "temperature_K", "initial_temperature_K", "thermostat",
                "damping_ps", "seed"},
               p, "[run]");
    read_key(t, "mode", job.mode, p);
    read_key(t, "steps", job.steps, p);
    read_key(t, "dt_fs", job.dt_fs, p);
    read_key(t, "temperature_K", job.temperature_K, p);
    read_key(t, "initial_temperature_K", job.initial_temperature_K, p);
    read_key(t, "thermostat", job.thermostat, p);
    read_key(t, "damping_ps", job.damping_ps, p);
    read_key(t, "seed", job.seed, p);
  }
  if (root.contains("minimize")) {
    const auto& t = root.at("minimize");
    check_keys(t, {"method", "force_tolerance_eV_per_A", "max_iterations"}, p, "[minimize]");
    read_key(t, "method", job.minimizer, p);
    read_key(t, "force_tolerance_eV_per_A", job.force_tolerance_eV_per_A, p);
    read_key(t, "max_iterations", job.max_iterations, p);
  }
  if (root.contains("output")) {
    const auto& t = root.at("output");
    check_keys(t, {"thermo_every", "trajectory_every", "trajectory_format", "checkpoint_every"}, p,
               "[output]");
    read_key(t, "thermo_every", job.thermo_every, p);
    read_key(t, "trajectory_every", job.trajectory_every, p);
    read_key(t, "trajectory_format", job.trajectory_format, p);
    read_key(t, "checkpoint_every", job.checkpoint_every, p);
  }
  if (root.contains("neighbor")) {
    const auto& t = root.at("neighbor");
    check_keys(t, {"skin_A"}, p, "[neighbor]");
    read_key(t, "skin_A", job.skin_A, p);
  }
  if (root.contains("freeze")) {
    const auto& t = root.at("freeze");
    check_keys(t, {"below_z_A"}, p, "[freeze]");
    read_key(t, "below_z_A", job.freeze_below_z_A, p);
  }
  if (root.contains("substrate")) {
    const auto& t = root.at("substrate");
    check_keys(t, {"graphene", "gap_A", "lj_epsilon_eV", "lj_sigma_A", "lj_cutoff_A"}, p,
               "[substrate]");
    read_key(t, "graphene", job.graphene, p);
    read_key(t, "gap_A", job.graphene_gap_A, p);
    read_key(t, "lj_epsilon_eV", job.lj_epsilon_eV, p);
    read_key(t, "lj_sigma_A", job.lj_sigma_A, p);
    read_key(t, "lj_cutoff_A", job.lj_cutoff_A, p);
  }
  if (job.structure.empty()) throw InputError(p, "missing 'structure' (a POSCAR or extxyz file)");
  if (job.mode != "nve" && job.mode != "nvt" && job.mode != "minimize") {
    throw InputError(p, "run.mode must be nve, nvt or minimize, not '" + job.mode + "'");
  }
  if (job.steps < 0) throw InputError(p, "run.steps must be >= 0");
  check_time_step(job.dt_fs * 1e-3, p + ": run.dt_fs");
  check_temperature(job.temperature_K, p + ": run.temperature_K");
  if (job.initial_temperature_K >= 0.0)
    check_temperature(job.initial_temperature_K, p + ": run.initial_temperature_K");
  if (!(job.skin_A >= 0.0 && job.skin_A <= 3.0))
    throw InputError(p, "neighbor.skin_A must lie in [0, 3] A");
  if (!(job.force_tolerance_eV_per_A > 0.0))
    throw InputError(p, "minimize.force_tolerance_eV_per_A must be > 0");
  const std::set<std::string> formats{"extxyz", "lammps-dump", "both", "none"};
  if (!formats.count(job.trajectory_format)) {
    throw InputError(p, "output.trajectory_format must be extxyz, lammps-dump, both or none");
  }
  return job;
}

namespace {

std::filesystem::path resolve(const JobSpec& job, const std::string& f) {
  const std::filesystem::path path(f);
  return path.is_absolute() || job.job_dir.empty() ? path : job.job_dir / path;
}

/// The potential file: relative to the job file when it is there; a bare name that is not there
/// is looked up in the data folders (find_potential_file), whatever the working directory.
std::filesystem::path job_potential(const JobSpec& job) {
  const std::filesystem::path beside = resolve(job, job.potential);
  const bool bare = std::filesystem::path(job.potential).filename() == job.potential;
  if (bare && !std::filesystem::exists(beside))
    return find_potential_file(job.potential, "potential");
  return find_potential_file(beside.string(), "potential");
}

/// The structure of the job with frozen atoms marked and the substrate added.
System initial_system(const JobSpec& job, const EamPotential& potential) {
  std::vector<std::pair<std::string, double>> masses;
  for (std::size_t t = 0; t < potential.type_count(); ++t)
    masses.emplace_back(potential.elements()[t], potential.masses_amu()[t]);
  System system = system_from_structure(slabs::read_structure(resolve(job, job.structure)), masses);
  for (std::size_t i = 0; i < system.size(); ++i) {
    if (system.x[3 * i + 2] < job.freeze_below_z_A) system.frozen[i] = 1;
  }
  if (job.graphene) {
    const Mat3& h = system.cell;
    if (h[0].y != 0.0 || h[0].z != 0.0 || h[1].x != 0.0 || h[1].z != 0.0) {
      throw InputError(job.structure,
                       "a graphene substrate needs a cell with a along x and b along y");
    }
    double z_min = 1e300;
    for (std::size_t i = 0; i < system.size(); ++i) z_min = std::min(z_min, system.x[3 * i + 2]);
    add_graphene_sheet(system, 0.0, 0.0, h[0].x, h[1].y, z_min - job.graphene_gap_A);
  }
  return system;
}

void add_interactions(const JobSpec& job, const std::shared_ptr<const EamPotential>& potential,
                      ForceField& field) {
  field.add(std::make_unique<EamForce>(potential));
  if (job.graphene) {
    field.add(std::make_unique<LennardJonesForce>(
        std::vector<LjPair>{
            {potential->elements().front(), "C", job.lj_epsilon_eV, job.lj_sigma_A}},
        job.lj_cutoff_A));
  }
}

}  // namespace

void export_job_to_lammps(const JobSpec& job, const std::filesystem::path& dir) {
  const auto potential_path = std::filesystem::absolute(job_potential(job));
  const auto potential = std::make_shared<EamPotential>(EamPotential::read(potential_path));
  System system = initial_system(job, *potential);
  if (job.mode != "minimize") {
    const double t0 =
        job.initial_temperature_K >= 0.0 ? job.initial_temperature_K : job.temperature_K;
    assign_maxwell_boltzmann(system, t0, job.seed);
  }
  LammpsDeckSpec spec;
  spec.mode = job.mode;
  spec.steps = job.steps;
  spec.dt_ps = job.dt_fs * 1e-3;
  spec.temperature_K = job.temperature_K;
  spec.thermostat = job.thermostat;
  spec.damping_ps = job.damping_ps;
  spec.seed = job.seed;
  spec.skin_A = job.skin_A;
  spec.thermo_every = job.thermo_every;
  spec.dump_every = job.trajectory_format == "none" ? 0 : job.trajectory_every;
  spec.minimizer = job.minimizer;
  spec.force_tolerance_eV_per_A = job.force_tolerance_eV_per_A;
  spec.eam_file = potential_path.string();
  spec.eam_style = potential->lammps_style();
  spec.au_c = {potential->elements().front(), "C", job.lj_epsilon_eV, job.lj_sigma_A};
  spec.lj_cutoff_A = job.lj_cutoff_A;
  if (std::filesystem::exists("/usr/share/lammps/potentials/CH.airebo")) {
    spec.airebo_file = "/usr/share/lammps/potentials/CH.airebo";
  }
  write_lammps_deck(dir, system, spec);
  std::printf(
      "wrote %s/data.lmp and %s/in.lammps (%zu atoms); run: cd %s && mpirun -np N lmp -sf opt -in "
      "in.lammps\n",
      dir.string().c_str(), dir.string().c_str(), system.size(), dir.string().c_str());
}

void run_job(const JobSpec& job, bool restart) {
  const std::filesystem::path out_dir = resolve(job, job.output_dir);
  std::filesystem::create_directories(out_dir);
  const auto potential_path = job_potential(job);
  const auto potential = std::make_shared<EamPotential>(EamPotential::read(potential_path));

  const auto checkpoint_path = out_dir / "checkpoint.chk";
  const bool resume = restart && std::filesystem::exists(checkpoint_path) && job.mode != "minimize";
  System system;
  long first_step = 0;
  std::string thermostat_state;
  if (resume) {
    Checkpoint c = read_checkpoint(checkpoint_path);
    system = std::move(c.system);
    first_step = c.step;
    thermostat_state = c.thermostat_state;
    std::cerr << "md: resuming from " << checkpoint_path.string() << " at step " << first_step
              << "\n";
  } else {
    system = initial_system(job, *potential);
  }
  ForceField field(job.skin_A);
  add_interactions(job, potential, field);

  nlohmann::json summary{{"code_version", code_version()},
                         {"mode", job.mode},
                         {"potential", potential_path.string()},
                         {"atoms", system.size()},
                         {"frozen_atoms", system.size() - system.moving_count()}};
  if (job.mode == "minimize") {
    MinimizeSettings settings;
    settings.force_tolerance_eV_per_A = job.force_tolerance_eV_per_A;
    settings.max_iterations = static_cast<int>(job.max_iterations);
    const double e0 = field.compute(system).energy_eV;
    const MinimizeResult r = make_minimizer(job.minimizer)->minimize(system, field, settings);
    summary["initial_energy_eV"] = e0;
    summary["energy_eV"] = r.energy_eV;
    summary["max_force_eV_per_A"] = r.max_force_eV_per_A;
    summary["iterations"] = r.iterations;
    summary["converged"] = r.converged;
    summary["stop_reason"] = r.stop_reason;
    std::printf(
        "minimize (%s): %s after %d iterations, E = %.6f eV (from %.6f), max force %.2e eV/A\n",
        job.minimizer.c_str(), r.converged ? "converged" : r.stop_reason.c_str(), r.iterations,
        r.energy_eV, e0, r.max_force_eV_per_A);
  } else {
    std::unique_ptr<Thermostat> thermostat;
    if (job.mode == "nvt")
      thermostat = make_thermostat(job.thermostat, job.temperature_K, job.damping_ps, job.seed);
    if (resume && thermostat) thermostat->restore_state(thermostat_state);
    if (!resume) {
      const double t0 =
          job.initial_temperature_K >= 0.0 ? job.initial_temperature_K : job.temperature_K;
      assign_maxwell_boltzmann(system, t0, job.seed);
    }
    const double dt_ps = job.dt_fs * 1e-3;
    std::vector<std::unique_ptr<Observer>> owned;
    owned.push_back(std::make_unique<ThermoCsv>(out_dir / "thermo.csv", job.thermo_every, resume));
    if (job.trajectory_format == "extxyz" || job.trajectory_format == "both") {
      owned.push_back(std::make_unique<ExtxyzTrajectory>(out_dir / "trajectory.extxyz",
                                                         job.trajectory_every, resume));
    }
    if (job.trajectory_format == "lammps-dump" || job.trajectory_format == "both") {
      owned.push_back(std::make_unique<LammpsDumpTrajectory>(out_dir / "trajectory.dump",
                                                             job.trajectory_every, resume));
    }
    owned.push_back(std::make_unique<CheckpointWriter>(checkpoint_path, job.checkpoint_every, dt_ps,
                                                       thermostat.get()));
    std::vector<Observer*> observers;
    for (auto& o : owned) observers.push_back(o.get());
    DynamicsSettings settings;
    settings.dt_ps = dt_ps;
    settings.steps = job.steps;
    const ThermoState s =
        run_dynamics(system, field, thermostat.get(), settings, observers, first_step);
    summary["steps"] = job.steps;
    summary["dt_fs"] = job.dt_fs;
    summary["final"] = {{"temperature_K", s.temperature_K}, {"potential_eV", s.potential_eV},
                        {"kinetic_eV", s.kinetic_eV},       {"total_eV", s.total_eV},
                        {"pressure_GPa", s.pressure_GPa},   {"conserved_eV", s.conserved_eV}};
    std::printf("md %s: %ld steps of %.3g fs, T = %.2f K, E_pot = %.6f eV, E_tot = %.6f eV\n",
                job.mode.c_str(), job.steps, job.dt_fs, s.temperature_K, s.potential_eV,
                s.total_eV);
  }
  write_file_atomically(out_dir / "final.extxyz",
                        [&](std::ostream& out) { write_extxyz_frame(out, system, nullptr); });
  write_file_atomically(out_dir / "summary.json", summary.dump(2) + "\n");
}

}  // namespace fw::md
