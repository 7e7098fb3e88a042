/// \file lammps_launcher.cpp
/// \brief The local launcher: run_lammps, then the outputs the caller needs.
#include "md/apps/lammps_launcher.hpp"

#include "core/error.hpp"
#include "md/apps/lammps_runner.hpp"

namespace fw::md {

void LocalLammpsLauncher::run(const std::filesystem::path& dir, const std::string& input,
                              const std::vector<std::string>& outputs) {
  run_lammps(executable_, dir, input, ranks_);
  for (const std::string& name : outputs)
    if (!std::filesystem::exists(dir / name))
      throw InputError((dir / "log.lammps").string(),
                       "LAMMPS ended without writing " + name + ": " + lammps_failure_tail(dir));
}

}  // namespace fw::md
