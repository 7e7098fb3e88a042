/// \file cmd_md_run.cpp
/// \brief `facetweld md run job.toml`: NVE, NVT or minimisation described in a TOML job file.
#include <memory>

#include "md/job.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct RunOptions {
  std::string job;
  bool restart = false;
};

const RegisterCommand kRegistered{
    "md-run", [](CLI::App& root) {
      auto opts = std::make_shared<RunOptions>();
      CLI::App* md = command_group(root, "md", "Molecular dynamics with EAM potentials");
      CLI::App* cmd =
          md->add_subcommand("run", "Run an NVE/NVT/minimise job (see docs/md.md for the keys)");
      cmd->add_option("job", opts->job, "Job file (TOML)")->required()->check(CLI::ExistingFile);
      cmd->add_flag("--restart", opts->restart,
                    "Continue from output_dir/checkpoint.chk if it exists");
      cmd->callback([opts] { md::run_job(md::read_job(opts->job), opts->restart); });
    }};

}  // namespace
}  // namespace fw::cli
