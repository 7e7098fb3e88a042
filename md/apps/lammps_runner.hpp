/// \file lammps_runner.hpp
/// \brief Running Debian's `lmp` (serial, or `mpirun -np N lmp`) on an input deck in a folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fw::md {

/// lmp's arguments for one deck in its folder: `-sf opt -in <input> -log log.lammps -screen none`
/// (the same for a local run and a batch job's script).
std::vector<std::string> lammps_arguments(const std::string& input);

/// Why a LAMMPS run in `dir` failed, in one line: the last lines of log.lammps (where LAMMPS
/// writes its ERROR), else of lammps.out and lammps.err (the screen output).
std::string lammps_failure_tail(const std::filesystem::path& dir);

/// The executable `command` names: a path (must be executable) or a name found on $PATH.
/// Throws InputError(option) naming what was looked for when there is none.
std::filesystem::path find_lammps_executable(const std::string& command, const std::string& option);

/// Runs `lmp -sf opt -in <input> -log log.lammps -screen none` in `dir` (with `mpirun -np ranks`
/// when ranks > 1; one OpenMP thread per rank). Throws Error with the last lines of the log when
/// LAMMPS fails.
void run_lammps(const std::filesystem::path& executable, const std::filesystem::path& dir,
                const std::string& input, int ranks);

}  // namespace fw::md
