/// \file process.hpp
/// \brief Starting programs: batch-system commands with captured output, and detached VASP runs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fw::vasp {

struct CommandResult {
  int exit_code = -1;  ///< 127 when the program was not found
  std::string out, err;
};

/// Runs argv[0] (searched in PATH) with arguments, waits, and returns its exit code and output.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::filesystem::path& cwd = {});

/// Starts `/bin/sh -c shell_command` in `cwd` in a new session (so that it outlives this
/// process and a Ctrl-C here does not kill VASP), stdin from /dev/null; returns its pid.
long spawn_detached_shell(const std::string& shell_command, const std::filesystem::path& cwd);

/// For a child of this process: its exit code once it has ended (reaping it), else nullopt.
/// For a process that is not our child: nullopt while alive, -1 once gone.
std::optional<int> poll_process(long pid);

/// Single-quotes `s` for /bin/sh.
std::string shell_quote(const std::string& s);

}  // namespace fw::vasp
