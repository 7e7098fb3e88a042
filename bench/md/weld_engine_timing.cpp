/// \file weld_engine_timing.cpp
/// \brief One welding run's dynamics with the native engine and with LAMMPS (`--engine lammps`)
/// at several rod sizes: wall and CPU seconds per 1000 steps, and the ratio. Answers "at which
/// rod size does the native engine stop paying" (docs/weld.md). CPU time is what each engine
/// actually received (ours: process CPU time; LAMMPS: the child's rusage), because wall time on
/// a shared machine swings with its load.
/// Usage: md_weld_engine_timing FACETS_JSON [steps] [radius_A,length_A ...]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "md/weld/engine_lammps.hpp"
#include "md/weld/engine_native.hpp"
#include "md/weld/run.hpp"
#include "md/weld/settings.hpp"
#include "slabs/facet_table.hpp"

namespace {

double process_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double children_cpu_s() {
  rusage r{};
  getrusage(RUSAGE_CHILDREN, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fw::md;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FACETS_JSON [steps] [radius,length ...]\n", argv[0]);
    return 2;
  }
  const fw::slabs::FacetTable table = fw::slabs::read_facet_table(argv[1]);
  const long steps = argc > 2 ? std::stol(argv[2]) : 1000;
  std::vector<std::pair<double, double>> sizes;
  for (int k = 3; k < argc; ++k) {
    double r = 0, l = 0;
    if (std::sscanf(argv[k], "%lf,%lf", &r, &l) == 2) sizes.emplace_back(r, l);
  }
  if (sizes.empty()) sizes = {{8, 40}, {16, 80}};
  std::printf("%-12s %8s %8s %14s %14s %14s %14s %8s\n", "rod r,L (A)", "Au", "atoms",
              "native_wall_s", "native_cpu_s", "lammps_wall_s", "lammps_cpu_s", "cpu_ratio");
  for (const auto& [radius, length] : sizes) {
    WeldSettings s = default_weld_settings();
    s.rod.radius_A = radius;
    s.rod.length_A = length;
    s.workers = 1;
    const RelaxedRod rod = relax_rod(s, table, argv[1], {});
    std::vector<int> rod_by_id;
    const System start = weld_start_system(s, rod, WeldRunSpec{0.0, 1, false}, rod_by_id);
    System native = start, lammps = start;

    auto field = make_weld_field(s);
    const double c0 = process_cpu_s();
    const auto t0 = std::chrono::steady_clock::now();
    run_weld_dynamics_native(s, native, *field, steps, 1, {});
    const double native_wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double native_cpu = process_cpu_s() - c0;

    const auto dir = std::filesystem::temp_directory_path() / "fw_weld_engine_timing";
    std::filesystem::remove_all(dir);
    const double l0 = children_cpu_s();
    const auto t1 = std::chrono::steady_clock::now();
    run_weld_lammps_stage(s, weld_lammps_engine(s), lammps, steps, steps, steps, false, 1, dir, {},
                          {});
    const double lammps_wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    const double lammps_cpu = children_cpu_s() - l0;
    std::printf("%5.0f,%-6.0f %8zu %8zu %14.2f %14.2f %14.2f %14.2f %8.2f\n", radius, length,
                2 * rod.lattice.size(), start.size(), native_wall, native_cpu, lammps_wall,
                lammps_cpu, lammps_cpu / native_cpu);
    std::fflush(stdout);
  }
  return 0;
}
