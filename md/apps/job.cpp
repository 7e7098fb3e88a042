/// \file job.cpp
/// \brief The run a job file describes (read by md/apps/job_settings.hpp).
#include "md/apps/job.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_integrity.hpp"
#include "core/version.hpp"
#include "md/apps/graphene.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/force_fields.hpp"
#include "md/engine/minimizer.hpp"
#include "md/engine/velocities.hpp"
#include "md/formats/checkpoint.hpp"
#include "md/formats/lammps_input.hpp"
#include "md/formats/potential_file.hpp"
#include "md/formats/structure_bridge.hpp"
#include "md/formats/thermo_csv.hpp"
#include "md/formats/trajectory.hpp"
#include "slabs/io/structure_file.hpp"

namespace fw::md {

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
  System system = system_from_structure(slabs::read_structure(resolve(job, job.structure)),
                                        potential_masses(potential));
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

/// EAM, plus the Au–C Lennard-Jones with a graphene substrate.
ForceField job_force_field(const JobSpec& job,
                           const std::shared_ptr<const EamPotential>& potential) {
  return make_force_field({.name = job.graphene ? "eam+lj" : "eam",
                           .potential = potential,
                           .skin_A = job.skin_A,
                           .lj_epsilon_eV = job.lj_epsilon_eV,
                           .lj_sigma_A = job.lj_sigma_A,
                           .lj_cutoff_A = job.lj_cutoff_A});
}

/// What a checkpoint of this job continues: the md engine and every setting that shapes the
/// trajectory (not the step count or the output cadence, so a restart may extend a run).
nlohmann::json checkpoint_producer(const JobSpec& job, const std::filesystem::path& potential) {
  const nlohmann::json trajectory = {{"structure", resolve(job, job.structure).string()},
                                     {"potential", potential.string()},
                                     {"mode", job.mode},
                                     {"dt_fs", job.dt_fs},
                                     {"temperature_K", job.temperature_K},
                                     {"initial_temperature_K", job.initial_temperature_K},
                                     {"thermostat", job.thermostat},
                                     {"damping_ps", job.damping_ps},
                                     {"seed", job.seed},
                                     {"freeze_below_z_A", job.freeze_below_z_A},
                                     {"graphene", job.graphene},
                                     {"graphene_gap_A", job.graphene_gap_A},
                                     {"lj_epsilon_eV", job.lj_epsilon_eV},
                                     {"lj_sigma_A", job.lj_sigma_A},
                                     {"lj_cutoff_A", job.lj_cutoff_A}};
  return {{"format", "facetweld-md-checkpoint-1"},
          {"engine_version", engine_version("md")},
          {"settings", json_fingerprint(trajectory)}};
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
  const nlohmann::json producer = checkpoint_producer(job, potential_path);
  std::optional<Checkpoint> checkpoint;
  if (restart && std::filesystem::exists(checkpoint_path) && job.mode != "minimize")
    checkpoint = read_checkpoint(checkpoint_path, producer);
  const bool resume = checkpoint.has_value();
  System system;
  long first_step = 0;
  std::string thermostat_state;
  if (resume) {
    system = std::move(checkpoint->system);
    first_step = checkpoint->step;
    thermostat_state = checkpoint->thermostat_state;
    std::cerr << "md: resuming from " << checkpoint_path.string() << " at step " << first_step
              << "\n";
  } else {
    system = initial_system(job, *potential);
  }
  ForceField field = job_force_field(job, potential);

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
                                                       thermostat.get(), producer));
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
