/// \file lammps_runner.cpp
/// \brief posix_spawn of lmp in the deck's folder (safe from the worker-pool threads, unlike a
/// bare fork), screen output to lammps.out.
#include "md/apps/lammps_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.hpp"

extern char** environ;

namespace fw::md {
namespace {

bool executable(const std::filesystem::path& p) {
  return std::filesystem::is_regular_file(p) && ::access(p.c_str(), X_OK) == 0;
}

/// The last `count` lines of a text file (the error LAMMPS ends its log with).
std::string tail(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    lines.push_back(line);
    if (lines.size() > count) lines.pop_front();
  }
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " | ") + l;
  return out;
}

}  // namespace

std::vector<std::string> lammps_arguments(const std::string& input) {
  // -sf opt: LAMMPS's optimised eam and lj/cut (the same sums, fewer indirections).
  return {"-sf", "opt", "-in", input, "-log", "log.lammps", "-screen", "none"};
}

std::string lammps_failure_tail(const std::filesystem::path& dir) {
  for (const char* name : {"log.lammps", "lammps.out", "lammps.err"})
    if (std::string why = tail(dir / name, 3); !why.empty()) return why;
  return "no output";
}

std::filesystem::path find_lammps_executable(const std::string& command,
                                             const std::string& option) {
  if (command.find('/') != std::string::npos) {
    if (executable(command)) return std::filesystem::absolute(command);
    throw InputError(option,
                     "LAMMPS executable '" + command + "' does not exist or is not executable");
  }
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    for (std::string d; std::getline(dirs, d, ':');) {
      const std::filesystem::path candidate = std::filesystem::path(d.empty() ? "." : d) / command;
      if (executable(candidate)) return candidate;
    }
  }
  throw InputError(option,
                   "LAMMPS executable '" + command +
                       "' not found on $PATH (Debian: apt install lammps; or give its path)");
}

void run_lammps(const std::filesystem::path& executable, const std::filesystem::path& dir,
                const std::string& input, int ranks) {
  std::vector<std::string> argv;
  if (ranks > 1) argv = {"mpirun", "-np", std::to_string(ranks)};
  argv.push_back(executable.string());
  for (auto& a : lammps_arguments(input)) argv.push_back(std::move(a));
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  // The environment, with one OpenMP thread per LAMMPS rank (runs are parallel across workers).
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "OMP_NUM_THREADS=", 16) != 0) env_strings.emplace_back(*e);
  env_strings.emplace_back("OMP_NUM_THREADS=1");
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "lammps.out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw InputError(argv[0], std::string("cannot start LAMMPS: ") + std::strerror(rc));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string why = lammps_failure_tail(dir);
    throw InputError((dir / "log.lammps").string(),
                     "LAMMPS failed (" +
                         (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                            : "signal " + std::to_string(WTERMSIG(status))) +
                         "): " + why);
  }
}

}  // namespace fw::md
