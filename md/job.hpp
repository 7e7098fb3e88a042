/// \file job.hpp
/// \brief `facetweld md run job.toml`: an NVE, NVT or minimisation run described in TOML.
#pragma once

#include <filesystem>
#include <string>

#include "md/lennard_jones.hpp"

namespace fw::md {

/// Every key of the job file, with its default. See docs/md.md for the annotated file.
struct JobSpec {
  std::filesystem::path job_dir;  ///< relative paths in the file are relative to this
  std::string structure;          ///< POSCAR / extxyz file
  std::string potential = "Au_u3.eam";
  std::string output_dir = "md-output";
  std::string mode = "nve";  ///< nve | nvt | minimize
  long steps = 1000;
  double dt_fs = 1.0;
  double temperature_K = 300.0;  ///< thermostat target (nvt)
  double initial_temperature_K =
      -1;  ///< Maxwell–Boltzmann start; default: temperature_K (0 for minimize)
  std::string thermostat = "langevin";
  double damping_ps = 0.1;
  std::uint64_t seed = 12345;
  double skin_A = 1.0;
  std::string minimizer = "fire";
  double force_tolerance_eV_per_A = 1e-3;
  long max_iterations = 10000;
  long thermo_every = 100;
  long trajectory_every = 1000;
  std::string trajectory_format = "extxyz";  ///< extxyz | lammps-dump | both | none
  long checkpoint_every = 1000;
  double freeze_below_z_A = -1e300;  ///< atoms with z below this are frozen (substrate, base)
  bool graphene = false;             ///< [substrate]: rigid graphene sheet under the atoms
  double graphene_gap_A = 3.0;       ///< sheet height below the lowest atom
  double lj_epsilon_eV = default_au_c_pair().epsilon_eV;
  double lj_sigma_A = default_au_c_pair().sigma_A;
  double lj_cutoff_A = 10.0;
};

/// Parses and validates; throws InputError(path, line, ...) for bad or unknown keys.
JobSpec read_job(const std::filesystem::path& path);

/// Runs the job, writing thermo.csv, trajectories, checkpoint.chk, final.extxyz and summary.json
/// into output_dir. With `restart`, continues from output_dir/checkpoint.chk when present.
void run_job(const JobSpec& job, bool restart);

/// Writes data.lmp + in.lammps reproducing the job under LAMMPS into `dir` (no run here).
void export_job_to_lammps(const JobSpec& job, const std::filesystem::path& dir);

}  // namespace fw::md
