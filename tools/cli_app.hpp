/// \file cli_app.hpp
/// \brief The `facetweld` command line shared by both executables: parses argv against the
/// registered subcommands and runs the chosen one.
#pragma once

namespace fw::cli {

/// Builds the CLI11 app from command_registry(), parses argv, runs the callback; returns the
/// process exit code (0 ok, 1 internal error, 2 input or usage error).
int run_cli(int argc, char** argv);

}  // namespace fw::cli
