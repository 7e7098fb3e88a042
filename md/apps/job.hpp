/// \file job.hpp
/// \brief `facetweld md run job.toml`: an NVE, NVT or minimisation run described in TOML.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "md/apps/dynamics_settings.hpp"
#include "md/engine/lennard_jones.hpp"

namespace fw::md {

/// Every key of the job file. Defaults, units, ranges, docs and read_job: md/apps/job_settings.hpp
/// (one table per section; docs/settings.md lists them); the dynamics keys (dt, temperature,
/// thermostat, …) are md/apps/dynamics_settings.cpp's, shared with the welding study.
struct JobSpec : SharedDynamicsSettings {
  std::filesystem::path job_dir;  ///< relative paths in the file are relative to this
  std::string structure;          ///< POSCAR / extxyz file
  std::string output_dir;
  std::string mode;  ///< nve | nvt | minimize
  long steps{};
  double initial_temperature_K{};  ///< Maxwell–Boltzmann start; < 0: temperature_K
  std::string minimizer;
  long thermo_every{};
  long trajectory_every{};
  std::string trajectory_format;  ///< extxyz | lammps-dump | both | none
  long checkpoint_every{};
  double freeze_below_z_A{};  ///< atoms with z below this are frozen (substrate, base)
  bool graphene{};            ///< [substrate]: rigid graphene sheet under the atoms
  double graphene_gap_A{};    ///< sheet height below the lowest atom
};

/// Runs the job, writing thermo.csv, trajectories, checkpoint.chk, final.extxyz and summary.json
/// into output_dir. With `restart`, continues from output_dir/checkpoint.chk when present.
void run_job(const JobSpec& job, bool restart);

/// Writes data.lmp + in.lammps reproducing the job under LAMMPS into `dir` (no run here).
void export_job_to_lammps(const JobSpec& job, const std::filesystem::path& dir);

}  // namespace fw::md
