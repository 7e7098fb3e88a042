/// \file batch_system.cpp
/// \brief Shared attempt script lines, resource checks and the factory.
#include "vasp_io/jobs/batch_system.hpp"

#include <fstream>
#include <regex>

#include "core/error.hpp"
#include "vasp_io/jobs/local_runner.hpp"
#include "vasp_io/jobs/pbs_runner.hpp"
#include "vasp_io/jobs/slurm_runner.hpp"

namespace fw::vasp {

std::string attempt_shell_lines(const AttemptCommand& command) {
  return command.command + " > " + command.stdout_file + " 2> " + command.stderr_file +
         "\necho $? > " + kExitCodeFile + "\n";
}

std::optional<int> read_exit_code_file(const std::filesystem::path& folder) {
  std::ifstream in(folder / kExitCodeFile);
  int code = 0;
  if (in >> code) return code;
  return std::nullopt;
}

std::unique_ptr<BatchSystem> make_batch_system(const std::string& kind,
                                               const AttemptCommand& command,
                                               const BatchResources& resources) {
  if (command.command.empty())
    throw InputError(command.program == "VASP" ? "--vasp-cmd" : "--scheduler",
                     "empty " + command.program + " command");
  static const std::regex walltime(R"((\d+-)?\d{1,3}:\d{2}:\d{2})");
  if (!std::regex_match(resources.walltime, walltime))
    throw InputError("--walltime", "expected [D-]HH:MM:SS, got '" + resources.walltime + "'");
  if (resources.nodes < 1) throw InputError("--nodes", "must be at least 1");
  if (resources.tasks < 1) throw InputError("--tasks", "must be at least 1");
  if (kind == "local") return std::make_unique<LocalRunner>(command);
  if (kind == "slurm") return std::make_unique<SlurmRunner>(command, resources);
  if (kind == "pbs") return std::make_unique<PbsRunner>(command, resources);
  throw InputError("--scheduler", "expected local, slurm or pbs, got '" + kind + "'");
}

}  // namespace fw::vasp
