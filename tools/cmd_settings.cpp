/// \file cmd_settings.cpp
/// \brief `facetweld settings`: the reference of every setting (key, option, type, unit,
/// default, allowed range, meaning), generated from the modules' settings tables.
#include <iostream>

#include "tools/command.hpp"
#include "tools/pipeline/run_settings.hpp"

namespace fw::cli {
namespace {

const RegisterCommand kRegistered{
    "settings", [](CLI::App& root) {
      CLI::App* cmd = root.add_subcommand(
          "settings", "Print the reference of every setting as Markdown (docs/settings.md)");
      cmd->callback([] { std::cout << pipeline::settings_reference_markdown(); });
    }};

}  // namespace
}  // namespace fw::cli
