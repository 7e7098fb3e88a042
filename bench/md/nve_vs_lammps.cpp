/// \file nve_vs_lammps.cpp
/// \brief 32,000 fcc Au atoms (Au_u3.eam), 1000 NVE steps of 1 fs, with facetweld and with LAMMPS
/// on 1 and 2 threads/ranks, in one go; prints atom-steps per second and the ratio.
///
/// LAMMPS runs `lmp -sf opt` (pair eam/opt; Debian's build has OPT but no OPENMP) under
/// `mpirun -np 1|2`, with skin 1 Å (our setting) and with its metal default of 2 Å; its best is
/// the reference. Both codes start from the same data file (positions and velocities).
#include <omp.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "md/engine/dynamics.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/velocities.hpp"
#include "md/formats/lammps_data.hpp"

namespace {

using fw::md::System;

/// Debian lammps-data's Au_u3.eam, or the file named by $FACETWELD_AU_EAM.
std::string potential_path() {
  const char* env = std::getenv("FACETWELD_AU_EAM");
  return env ? env : "/usr/share/lammps/potentials/Au_u3.eam";
}

System fcc_crystal(int n, double a_A) {
  System s;
  s.cell = fw::Mat3::diagonal(n * a_A, n * a_A, n * a_A);
  const int t = s.type_index("Au", 196.97);
  const double basis[4][3] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < n; ++k)
        for (const auto& b : basis)
          s.add_atom(t, fw::Vec3{(i + b[0]) * a_A, (j + b[1]) * a_A, (k + b[2]) * a_A});
  return s;
}

/// Runs LAMMPS and returns its loop time in seconds (from "Loop time of X on N procs").
double run_lammps(const std::filesystem::path& dir, int ranks, double skin_A, long steps,
                  double* final_etotal, double* cpu_fraction) {
  std::ostringstream name;
  name << "in.nve_np" << ranks << "_skin" << skin_A;
  {
    std::ofstream in(dir / name.str());
    in << "units metal\natom_style atomic\nboundary p p p\nread_data data.lmp\n"
       << "pair_style eam\npair_coeff 1 1 " << potential_path() << "\n"
       << "neighbor " << skin_A << " bin\nneigh_modify every 1 delay 0 check yes\n"
       << "timestep 0.001\nfix 1 all nve\nthermo_style custom step temp pe etotal\n"
       << "thermo_modify format float %.12g\nthermo " << steps << "\nrun " << steps << "\n";
  }
  const std::string log = name.str() + ".log";
  const std::string cmd = "cd '" + dir.string() + "' && mpirun --allow-run-as-root -np " +
                          std::to_string(ranks) + " lmp -sf opt -in " + name.str() + " -log " +
                          log + " -screen none > /dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "LAMMPS failed: " << cmd << "\n";
    return -1.0;
  }
  std::ifstream in(dir / log);
  std::string line;
  double loop = -1.0;
  std::string last_thermo;
  bool in_thermo = false;
  while (std::getline(in, line)) {
    if (line.rfind("Loop time of", 0) == 0) {
      std::sscanf(line.c_str(), "Loop time of %lf", &loop);
      in_thermo = false;
    }
    if (in_thermo) last_thermo = line;
    double percent = 0.0;
    if (std::sscanf(line.c_str(), "%lf%% CPU use", &percent) == 1) *cpu_fraction = percent / 100.0;
    if (line.find("Step") != std::string::npos && line.find("Temp") != std::string::npos)
      in_thermo = true;
  }
  if (final_etotal) {
    std::istringstream w(last_thermo);
    long step;
    double t, pe;
    w >> step >> t >> pe >> *final_etotal;
  }
  return loop;
}

}  // namespace

int main(int argc, char** argv) {
  const long steps = argc > 1 ? std::atol(argv[1]) : 1000;
  const int cells = argc > 2 ? std::atoi(argv[2]) : 20;  // 20^3 x 4 = 32,000 atoms
  const bool with_lammps = !(argc > 3 && std::string(argv[3]) == "--no-lammps");
  const std::string kPotential = potential_path();
  if (!std::filesystem::exists(kPotential)) {
    std::cerr << "needs Debian's lammps-data (" << kPotential << ") or FACETWELD_AU_EAM\n";
    return 1;
  }
  System start = fcc_crystal(cells, 4.08);
  fw::md::assign_maxwell_boltzmann(start, 300.0, 2024);
  const double atoms = static_cast<double>(start.size());
  const auto dir = std::filesystem::temp_directory_path() / "facetweld_md_bench";
  std::filesystem::create_directories(dir);
  fw::md::write_lammps_data(dir / "data.lmp", start);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("NVE benchmark: %.0f fcc Au atoms, Au_u3.eam, %ld steps of 1 fs, 300 K start\n\n",
              atoms, steps);
  // cpu_rate: atom-steps per second of CPU time each thread/rank actually got (LAMMPS's "% CPU
  // use", our process CPU time / threads) — the fair figure when other jobs load the machine.
  std::printf("%-40s %10s %16s %16s %14s\n", "run", "time_s", "atom_steps_per_s", "cpu_rate",
              "final_Etot_eV");

  const auto potential =
      std::make_shared<fw::md::EamPotential>(fw::md::EamPotential::read(kPotential));
  double ours[3] = {0, 0, 0}, ours_cpu[3] = {0, 0, 0};
  for (int threads : {1, 2}) {
    if (threads > omp_get_num_procs()) break;
    omp_set_num_threads(threads);
    System s = start;
    fw::md::ForceField field(1.0);
    field.add(std::make_unique<fw::md::EamForce>(potential));
    fw::md::DynamicsSettings settings;
    settings.steps = steps;
    timespec c0{}, c1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    const auto t0 = std::chrono::steady_clock::now();
    const fw::md::ThermoState end = fw::md::run_dynamics(s, field, nullptr, settings, {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    const double cpu_seconds =
        double(c1.tv_sec - c0.tv_sec) + 1e-9 * double(c1.tv_nsec - c0.tv_nsec);
    ours[threads] = atoms * static_cast<double>(steps) / seconds;
    ours_cpu[threads] = atoms * static_cast<double>(steps) * threads / cpu_seconds;
    std::printf("%-40s %10.3f %16.4g %16.4g %14.6f\n",
                ("facetweld, " + std::to_string(threads) + " OpenMP thread(s), skin 1 A").c_str(),
                seconds, ours[threads], ours_cpu[threads], end.total_eV);
  }
  double best[3] = {0, 0, 0}, best_cpu[3] = {0, 0, 0};
  for (int ranks : {1, 2}) {
    if (!with_lammps) break;
    for (double skin : {1.0, 2.0}) {
      double etot = 0.0, cpu = 1.0;
      const double loop = run_lammps(dir, ranks, skin, steps, &etot, &cpu);
      if (loop <= 0.0) continue;
      const double rate = atoms * static_cast<double>(steps) / loop;
      const double cpu_rate = rate / cpu;
      best[ranks] = std::max(best[ranks], rate);
      best_cpu[ranks] = std::max(best_cpu[ranks], cpu_rate);
      char label[96];
      std::snprintf(label, sizeof label, "LAMMPS -sf opt, mpirun -np %d, skin %.0f A", ranks, skin);
      std::printf("%-40s %10.3f %16.4g %16.4g %14.6f\n", label, loop, rate, cpu_rate, etot);
    }
  }
  std::printf(
      "\nratio facetweld / LAMMPS best (wall):     1 core %.3f, 2 cores %.3f (bar 0.8, goal 1.2)\n",
      best[1] > 0 ? ours[1] / best[1] : 0.0, best[2] > 0 ? ours[2] / best[2] : 0.0);
  std::printf("ratio facetweld / LAMMPS best (cpu_rate): 1 core %.3f, 2 cores %.3f\n",
              best_cpu[1] > 0 ? ours_cpu[1] / best_cpu[1] : 0.0,
              best_cpu[2] > 0 ? ours_cpu[2] / best_cpu[2] : 0.0);
  return 0;
}
