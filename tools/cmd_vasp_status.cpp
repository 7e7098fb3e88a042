/// \file cmd_vasp_status.cpp
/// \brief `facetweld vasp status`: the state of every job of a folder.
#include <iostream>
#include <memory>

#include "tools/command.hpp"
#include "vasp_io/jobs/status.hpp"

namespace fw::cli {
namespace {

struct StatusCli {
  std::string jobs_dir;
  bool json = false;
};

const RegisterCommand kRegistered{
    "vasp status", [](CLI::App& root) {
      auto c = std::make_shared<StatusCli>();
      CLI::App* group =
          command_group(root, "vasp", "VASP jobs: prepare, run, watch, collect, parse");
      CLI::App* cmd = group->add_subcommand(
          "status", "Table of jobs: queued, running, done, failed, repaired; energy so far");
      cmd->add_option("jobs", c->jobs_dir, "Jobs folder")->required();
      cmd->add_flag("--json", c->json, "JSON instead of a table");
      cmd->callback([c] {
        const auto rows = vasp::job_status(c->jobs_dir);
        if (c->json)
          std::cout << vasp::to_json(rows).dump(2) << "\n";
        else
          std::cout << vasp::format_status_table(rows);
      });
    }};

}  // namespace
}  // namespace fw::cli
