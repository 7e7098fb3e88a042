/// \file slurm_runner.cpp
/// \brief sbatch script, submission and state polling.
#include "vasp_io/jobs/slurm_runner.hpp"

#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "vasp_io/jobs/process.hpp"

namespace fw::vasp {
namespace {

std::string first_line(const std::string& s) {
  const auto nl = s.find('\n');
  std::string line = s.substr(0, nl);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

/// "CANCELLED by 0" -> "CANCELLED".
std::string state_word(const std::string& s) {
  std::istringstream in(s);
  std::string w;
  in >> w;
  return w;
}

/// Parses "ExitCode=1:0" (exit code : signal).
std::optional<int> exit_code_field(const std::string& text, const std::string& key) {
  const auto pos = text.find(key + "=");
  if (pos == std::string::npos) return std::nullopt;
  try {
    return std::stoi(text.substr(pos + key.size() + 1));
  } catch (...) {
    return std::nullopt;
  }
}

std::string field(const std::string& text, const std::string& key) {
  const auto pos = text.find(key + "=");
  if (pos == std::string::npos) return "";
  std::string rest = text.substr(pos + key.size() + 1);
  return state_word(rest);
}

}  // namespace

std::optional<AttemptStatus> slurm_state_status(const std::string& state) {
  static const char* const queued[] = {"PENDING",      "CONFIGURING", "REQUEUED",
                                       "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD",
                                       "SUSPENDED",    "PD",          "CF"};
  static const char* const running[] = {"RUNNING",  "COMPLETING", "STAGE_OUT", "SIGNALING",
                                        "RESIZING", "R",          "CG"};
  static const char* const finished[] = {
      "COMPLETED", "FAILED",    "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY",
      "PREEMPTED", "BOOT_FAIL", "DEADLINE",  "REVOKED", "CD",        "F",
      "CA",        "TO",        "OOM",       "NF"};
  for (const char* s : queued)
    if (state == s) return AttemptStatus::queued;
  for (const char* s : running)
    if (state == s) return AttemptStatus::running;
  for (const char* s : finished)
    if (state == s) return AttemptStatus::finished;
  return std::nullopt;
}

std::string slurm_script(const std::string& job_name, const std::filesystem::path& folder,
                         const AttemptCommand& command, const BatchResources& r) {
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "#SBATCH --job-name=" << job_name << "\n"
    << "#SBATCH --nodes=" << r.nodes << "\n"
    << "#SBATCH --ntasks=" << r.tasks << "\n"
    << "#SBATCH --time=" << r.walltime << "\n";
  if (!r.partition.empty()) s << "#SBATCH --partition=" << r.partition << "\n";
  if (!r.account.empty()) s << "#SBATCH --account=" << r.account << "\n";
  s << "#SBATCH --output=slurm-%j.out\n"
    << "# One attempt of a facetweld " << command.program << " job; the exit code goes to "
    << kExitCodeFile << ".\n"
    << "cd " << shell_quote(folder.string()) << " || exit 1\n"
    << attempt_shell_lines(command);
  return s.str();
}

std::string SlurmRunner::submit(const std::filesystem::path& folder, const std::string& job_name) {
  std::filesystem::remove(folder / kExitCodeFile);
  write_file_atomically(folder / kSlurmScript,
                        slurm_script(job_name, folder, command_, resources_));
  const auto r = run_command({"sbatch", "--parsable", kSlurmScript}, folder);
  if (r.exit_code == 127)
    throw InputError("--scheduler slurm", "sbatch not found in PATH: is this a Slurm login node?");
  const std::string id_line = first_line(r.out);
  const std::string id = id_line.substr(0, id_line.find(';'));  // "123;cluster"
  if (r.exit_code != 0 || id.empty())
    throw InputError((folder / kSlurmScript).string(),
                     "sbatch refused the job: " + first_line(r.err.empty() ? r.out : r.err));
  return id;
}

AttemptPoll SlurmRunner::poll(const std::string& id, const std::filesystem::path& folder) {
  AttemptPoll p;
  // 1. squeue knows pending and running jobs.
  const auto q = run_command({"squeue", "-h", "-j", id, "-o", "%T"});
  if (q.exit_code == 0) {
    const std::string state = state_word(first_line(q.out));
    if (auto status = slurm_state_status(state); status && *status != AttemptStatus::finished) {
      p.status = *status;
      p.scheduler_state = state;
      return p;
    }
  }
  // 2. Finished: sacct (needs accounting), then scontrol (job still in slurmctld's memory).
  p.status = AttemptStatus::finished;
  const auto a = run_command({"sacct", "-n", "-X", "-P", "-j", id, "-o", "State,ExitCode"});
  if (a.exit_code == 0 && !first_line(a.out).empty()) {
    const std::string line = first_line(a.out);
    const auto bar = line.find('|');
    p.scheduler_state = state_word(line.substr(0, bar));
    if (auto status = slurm_state_status(p.scheduler_state);
        status && *status != AttemptStatus::finished) {
      p.status = *status;
      return p;
    }
    if (bar != std::string::npos) {
      try {
        p.exit_code = std::stoi(line.substr(bar + 1));
      } catch (...) {
      }
    }
  } else {
    const auto c = run_command({"scontrol", "show", "job", id});
    if (c.exit_code == 0) {
      p.scheduler_state = field(c.out, "JobState");
      if (auto status = slurm_state_status(p.scheduler_state);
          status && *status != AttemptStatus::finished) {
        p.status = *status;
        return p;
      }
      p.exit_code = exit_code_field(c.out, "ExitCode");
    } else {
      p.scheduler_state = "gone";
    }
  }
  // The program's own exit code, written by the script, is the one that matters.
  if (auto code = read_exit_code_file(folder)) p.exit_code = code;
  return p;
}

}  // namespace fw::vasp
