/// \file parse_timing.cpp
/// \brief In-process timing of the VASP parsers (no process start-up): median of N reads.
///   vasp_io_parse_timing FILE [REPEAT]  -> prints "cpu_seconds_median wall_seconds_median"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "vasp_io/oszicar.hpp"
#include "vasp_io/outcar.hpp"
#include "vasp_io/vasprun.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [REPEAT]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const bool is_outcar = path.find("OUTCAR") != std::string::npos;
  std::vector<double> seconds, cpu_seconds;
  // CPU time is what the comparison uses: on a shared machine wall time mostly measures the load.
  const auto cpu_now = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  };
  try {
    for (int k = 0; k < repeat; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_now();
      std::size_t steps = 0;
      if (is_outcar)
        steps = fw::vasp::read_outcar(path).ionic_steps.size();
      else
        steps = fw::vasp::read_vasprun(path).ionic_steps.size();
      const double c1 = cpu_now();
      const auto t1 = std::chrono::steady_clock::now();
      cpu_seconds.push_back(c1 - c0);
      if (steps == 0) std::fprintf(stderr, "warning: no ionic steps in %s\n", path.c_str());
      seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
    }
  } catch (const fw::InputError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu_seconds.begin(), cpu_seconds.end());
  std::printf("%.6f %.6f\n", cpu_seconds[cpu_seconds.size() / 2], seconds[seconds.size() / 2]);
  return 0;
}
