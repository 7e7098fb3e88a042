/// \file cli_runner.hpp
/// \brief Runs the built `facetweld` (or any shell line) from a test and captures what it says:
/// one helper for every CLI test instead of a popen loop in each file.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace fw::test {

struct CommandResult {
  int exit_code = -1;  ///< the exit status; 128 + N when killed by signal N (as a shell says)
  std::string output;  ///< stdout and stderr together
};

/// The path in single quotes, for a shell line.
inline std::string quote(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

/// Runs `command` with /bin/sh, stdout and stderr captured together.
inline CommandResult run_shell(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    r.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status))
    r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.exit_code = 128 + WTERMSIG(status);
  return r;
}

/// How many times `what` occurs in `text` (lines a command printed, say).
inline std::size_t count_occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The JSON document in `file` (throws nlohmann's parse error naming the byte if it is not).
inline nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

#ifdef FACETWELD_BINARY
/// Runs `facetweld ARGS` in `dir` (the current directory when empty), with `env` assignments
/// ("NAME=value …") in front.
inline CommandResult run_facetweld(const std::string& args, const std::filesystem::path& dir = {},
                                   const std::string& env = "") {
  std::string line = dir.empty() ? "" : "cd " + quote(dir) + " && ";
  if (!env.empty()) line += env + " ";
  return run_shell(line + quote(FACETWELD_BINARY) + " " + args);
}

/// Runs `facetweld ARGS` in `dir` and SIGKILLs it after `seconds` unless it ended before
/// (coreutils `timeout -s KILL`); exit_code 137 means it was killed.
inline CommandResult run_facetweld_killed_after(double seconds, const std::string& args,
                                                const std::filesystem::path& dir) {
  return run_shell("cd " + quote(dir) + " && timeout -s KILL " + std::to_string(seconds) + " " +
                   quote(FACETWELD_BINARY) + " " + args);
}
#endif

}  // namespace fw::test
