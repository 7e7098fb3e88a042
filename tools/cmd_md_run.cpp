/// \file cmd_md_run.cpp
/// \brief `facetweld md run job.toml`: NVE, NVT or minimisation described in a TOML job file.
#include <memory>

#include "md/apps/job.hpp"
#include "md/apps/job_settings.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct RunOptions {
  std::string job;
  bool restart = false;
  std::string export_lammps;
};

const RegisterCommand kRegistered{
    "md-run", [](CLI::App& root) {
      auto opts = std::make_shared<RunOptions>();
      CLI::App* md = command_group(root, "md", "Molecular dynamics with EAM potentials");
      CLI::App* cmd =
          md->add_subcommand("run", "Run an NVE/NVT/minimise job (see docs/md.md for the keys)");
      cmd->add_option("job", opts->job, "Job file (TOML)")->required()->check(CLI::ExistingFile);
      cmd->add_flag("--restart", opts->restart,
                    "Continue from output_dir/checkpoint.chk if it exists, its checksum holds and "
                    "this job wrote it (else start afresh, with a one-line notice)");
      cmd->add_option("--export-lammps", opts->export_lammps,
                      "Instead of running, write data.lmp + in.lammps reproducing the job under "
                      "LAMMPS into this folder");
      cmd->callback([opts] {
        const md::JobSpec job = md::read_job(opts->job);
        if (opts->export_lammps.empty()) {
          md::run_job(job, opts->restart);
        } else {
          md::export_job_to_lammps(job, opts->export_lammps);
        }
      });
    }};

}  // namespace
}  // namespace fw::cli
