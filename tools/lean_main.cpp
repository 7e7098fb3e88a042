/// \file lean_main.cpp
/// \brief `facetweld`: runs the light subcommands (structures, VASP files and jobs) in a process
/// that loads no MPI, ScaLAPACK, libxc or OpenBLAS, and replaces itself with `facetweld-full`
/// (same folder) for every other command line, so that `facetweld vasp parse` starts in ~1 ms.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tools/cli_app.hpp"
#include "tools/command.hpp"

namespace {

/// The subcommand words of argv (after the global flags), e.g. {"vasp", "parse"}.
std::vector<std::string> command_words(int argc, char** argv) {
  int i = 1;
  while (i < argc && (std::strcmp(argv[i], "-q") == 0 || std::strcmp(argv[i], "--quiet") == 0)) ++i;
  std::vector<std::string> words;
  for (; i < argc && argv[i][0] != '-'; ++i) words.emplace_back(argv[i]);
  return words;
}

/// True when a registered (light) command's name, e.g. "vasp parse", starts argv's words.
bool is_light_command(int argc, char** argv) {
  const std::vector<std::string> words = command_words(argc, argv);
  for (const auto& entry : fw::cli::command_registry()) {
    std::istringstream name(entry.name);
    std::string word;
    std::size_t k = 0;
    bool match = true;
    while (name >> word) {
      if (k >= words.size() || words[k] != word) {
        match = false;
        break;
      }
      ++k;
    }
    if (match && k > 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // `--version` alone needs no command either; `--help` lists every command, so it goes on.
  const bool version_only = argc == 2 && std::strcmp(argv[1], "--version") == 0;
  if (version_only || is_light_command(argc, argv)) return fw::cli::run_cli(argc, argv);
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path full =
      (ec ? std::filesystem::path(argv[0]).parent_path() : self.parent_path()) / "facetweld-full";
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  execv(full.c_str(), args.data());
  std::cerr << "facetweld: error: cannot start " << full.string() << ": " << std::strerror(errno)
            << " (the heavy commands run in facetweld-full, which must sit beside facetweld: "
               "install or copy both)\n";
  return 1;
}
