/// \file cli_options.hpp
/// \brief Option groups shared by several subcommands (element and lattice constant, facets, batch
/// resources).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "slabs/miller.hpp"
#include "slabs/settings.hpp"
#include "tools/settings_cli.hpp"
#include "vasp_io/jobs/batch_system.hpp"

namespace fw::cli {

/// --element and --a (Å) of a subcommand, from slabs' crystal settings table.
using CrystalOptions = SettingsOptions<slabs::CrystalSettings>;
inline std::unique_ptr<CrystalOptions> add_crystal_options(CLI::App* cmd) {
  return std::make_unique<CrystalOptions>(cmd, slabs::crystal_settings_table(),
                                          std::vector<std::string>{"element", "a"});
}

/// "100,110,111" -> list of Miller indices; errors name `option`.
inline std::vector<slabs::Miller> parse_facet_list(const std::string& text,
                                                   const std::string& option) {
  std::vector<slabs::Miller> facets;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    facets.push_back(slabs::parse_miller(item, option));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return facets;
}

/// One node, one MPI task: the default of a command that submits itself (`scf`, `edis`).
inline vasp::BatchResources single_task_resources() {
  vasp::BatchResources r;
  r.tasks = 1;
  return r;
}

/// --nodes, --tasks (alias --ntasks), --walltime, --partition and --account of a Slurm/PBS job:
/// the same names for every command that submits (`vasp run`, `scf`, `weld`); `per` is e.g.
/// " per job".
inline void add_batch_resource_options(CLI::App* cmd, vasp::BatchResources& r,
                                       const std::string& per) {
  cmd->add_option("--nodes", r.nodes, "Batch: nodes" + per)->capture_default_str();
  cmd->add_option("--tasks,--ntasks", r.tasks, "Batch: MPI tasks" + per)->capture_default_str();
  cmd->add_option("--walltime", r.walltime, "Batch: [D-]HH:MM:SS")->capture_default_str();
  cmd->add_option("--partition", r.partition, "Batch: partition (Slurm) / queue (PBS)");
  cmd->add_option("--account", r.account, "Batch: account to charge");
}

/// --poll: seconds between two polls of the batch system, for every command that follows its
/// jobs (`vasp run`, `weld --scheduler`).
inline void add_batch_poll_option(CLI::App* cmd, double& poll_s) {
  cmd->add_option("--poll", poll_s, "Seconds between scheduler polls")->capture_default_str();
}

}  // namespace fw::cli
