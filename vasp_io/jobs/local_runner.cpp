/// \file local_runner.cpp
/// \brief Local attempts: a detached /bin/sh running the VASP command.
#include "vasp_io/jobs/local_runner.hpp"

#include "vasp_io/jobs/process.hpp"

namespace fw::vasp {

std::string LocalRunner::submit(const std::filesystem::path& folder, const std::string&) {
  std::filesystem::remove(folder / kExitCodeFile);
  return std::to_string(spawn_detached_shell(attempt_shell_lines(command_), folder));
}

AttemptPoll LocalRunner::poll(const std::string& id, const std::filesystem::path& folder) {
  AttemptPoll p;
  const auto code = poll_process(std::stol(id));
  if (!code) {
    p.status = AttemptStatus::running;
    p.scheduler_state = "running";
    return p;
  }
  p.status = AttemptStatus::finished;
  p.scheduler_state = "exited";
  // The shell's own exit code is that of `echo`; VASP's is in the marker file. A killed shell
  // leaves no marker: report the signal.
  p.exit_code = read_exit_code_file(folder);
  if (!p.exit_code && *code >= 0) p.exit_code = *code == 0 ? 1 : *code;
  return p;
}

}  // namespace fw::vasp
