/// \file pbs_runner.cpp
/// \brief qsub script, submission and qstat polling.
#include "vasp_io/jobs/pbs_runner.hpp"

#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "vasp_io/jobs/process.hpp"

namespace fw::vasp {
namespace {

std::string first_line(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::string value_of(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto pos = line.find(key);
    if (pos == std::string::npos) continue;
    const auto eq = line.find('=', pos);
    if (eq == std::string::npos) continue;
    std::istringstream v(line.substr(eq + 1));
    std::string w;
    v >> w;
    return w;
  }
  return "";
}

}  // namespace

std::optional<AttemptStatus> pbs_state_status(const std::string& state) {
  if (state == "Q" || state == "H" || state == "W" || state == "T" || state == "S" ||
      state == "U" || state == "M")
    return AttemptStatus::queued;
  if (state == "R" || state == "E" || state == "B" || state == "X") return AttemptStatus::running;
  if (state == "F" || state == "C") return AttemptStatus::finished;
  return std::nullopt;
}

AttemptPoll parse_qstat_full(const std::string& text) {
  AttemptPoll p;
  p.scheduler_state = value_of(text, "job_state");
  p.status = pbs_state_status(p.scheduler_state).value_or(AttemptStatus::finished);
  const std::string exit = value_of(text, "Exit_status");
  if (!exit.empty()) {
    try {
      p.exit_code = std::stoi(exit);
    } catch (...) {
    }
  }
  return p;
}

std::string pbs_script(const std::string& job_name, const std::filesystem::path& folder,
                       const AttemptCommand& command, const BatchResources& r) {
  const int per_node = (r.tasks + r.nodes - 1) / r.nodes;
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "#PBS -N " << job_name.substr(0, 236) << "\n"
    << "#PBS -l select=" << r.nodes << ":ncpus=" << per_node << ":mpiprocs=" << per_node << "\n"
    << "#PBS -l walltime=" << r.walltime << "\n"
    << "#PBS -j oe\n";
  if (!r.partition.empty()) s << "#PBS -q " << r.partition << "\n";
  if (!r.account.empty()) s << "#PBS -A " << r.account << "\n";
  s << "# One attempt of a facetweld " << command.program << " job; the exit code goes to "
    << kExitCodeFile << ".\n"
    << "cd " << shell_quote(folder.string()) << " || exit 1\n"
    << attempt_shell_lines(command);
  return s.str();
}

std::string PbsRunner::submit(const std::filesystem::path& folder, const std::string& job_name) {
  std::filesystem::remove(folder / kExitCodeFile);
  write_file_atomically(folder / kPbsScript, pbs_script(job_name, folder, command_, resources_));
  const auto r = run_command({"qsub", kPbsScript}, folder);
  if (r.exit_code == 127)
    throw InputError("--scheduler pbs", "qsub not found in PATH: is this a PBS login node?");
  const std::string id = first_line(r.out);
  if (r.exit_code != 0 || id.empty())
    throw InputError((folder / kPbsScript).string(),
                     "qsub refused the job: " + first_line(r.err.empty() ? r.out : r.err));
  return id;
}

AttemptPoll PbsRunner::poll(const std::string& id, const std::filesystem::path& folder) {
  auto q = run_command({"qstat", "-f", id});
  // PBS Pro keeps finished jobs only in the history (-x); Torque shows them as C for a while.
  if (q.exit_code != 0) q = run_command({"qstat", "-x", "-f", id});
  AttemptPoll p;
  if (q.exit_code == 0 && !q.out.empty()) {
    p = parse_qstat_full(q.out);
  } else {
    p.status = AttemptStatus::finished;
    p.scheduler_state = "gone";
  }
  if (p.status == AttemptStatus::finished)
    if (auto code = read_exit_code_file(folder)) p.exit_code = code;
  return p;
}

}  // namespace fw::vasp
