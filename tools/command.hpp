/// \file command.hpp
/// \brief Self-registration of `facetweld` subcommands: each tools/cmd_*.cpp adds its own.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace fw::cli {

/// Adds one subcommand (with its options and callback) to the root app.
using CommandSetup = std::function<void(CLI::App& root)>;

struct CommandEntry {
  std::string name;
  CommandSetup setup;
};

/// All registered commands; main() sorts them by name and calls each setup once.
std::vector<CommandEntry>& command_registry();

/// Put `static const fw::cli::RegisterCommand kRegistered{"slab", setup};` in a cmd_*.cpp.
struct RegisterCommand {
  RegisterCommand(std::string name, CommandSetup setup) {
    command_registry().push_back({std::move(name), std::move(setup)});
  }
};

/// Returns the subcommand group `name` (e.g. "md", "vasp"), creating it on first use, so that
/// several cmd_*.cpp files can add sub-subcommands to one group.
CLI::App* command_group(CLI::App& root, const std::string& name, const std::string& description);

}  // namespace fw::cli
