/// \file lammps_runner.hpp
/// \brief Running Debian's `lmp` (serial, or `mpirun -np N lmp`) on an input deck in a folder.
#pragma once

#include <filesystem>
#include <string>

namespace fw::md {

/// The executable `command` names: a path (must be executable) or a name found on $PATH.
/// Throws InputError(option) naming what was looked for when there is none.
std::filesystem::path find_lammps_executable(const std::string& command, const std::string& option);

/// Runs `lmp -sf opt -in <input> -log log.lammps -screen none` in `dir` (with `mpirun -np ranks`
/// when ranks > 1; one OpenMP thread per rank). Throws Error with the last lines of the log when
/// LAMMPS fails.
void run_lammps(const std::filesystem::path& executable, const std::filesystem::path& dir,
                const std::string& input, int ranks);

}  // namespace fw::md
