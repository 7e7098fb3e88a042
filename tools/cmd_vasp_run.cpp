/// \file cmd_vasp_run.cpp
/// \brief `facetweld vasp run`: run the jobs of a folder locally or through Slurm/PBS, repairing
/// failures; rerunning resumes.
#include <iostream>
#include <memory>

#include "core/error.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "vasp_io/jobs/driver.hpp"

namespace fw::cli {
namespace {

struct RunCli {
  std::string jobs_dir;
  bool local = false;
  std::string scheduler;
  std::string vasp_cmd;
  vasp::BatchResources resources;
  int max_fixes = 5;
  double poll_s = 30.0;
  bool no_wait = false;
  bool retry_failed = false;
  int max_in_flight = 0;
  double timeout_s = 0.0;
};

void run_run(const RunCli& c) {
  if (c.local && !c.scheduler.empty())
    throw InputError("--local", "give either --local or --scheduler, not both");
  const std::string kind = c.scheduler.empty() ? "local" : c.scheduler;
  std::string vasp_cmd = c.vasp_cmd;
  if (vasp_cmd.empty())
    vasp_cmd = kind == "slurm" ? "srun vasp_std" : kind == "pbs" ? "mpirun vasp_std" : "vasp_std";
  if (c.max_fixes < 0) throw InputError("--max-fixes", "must be >= 0");
  if (!(c.poll_s > 0)) throw InputError("--poll", "must be > 0 s");
  auto batch = vasp::make_batch_system(kind, vasp_cmd, c.resources);
  vasp::RunOptions o;
  o.max_fixes = c.max_fixes;
  o.poll_interval_s = c.poll_s;
  o.wait = !c.no_wait;
  o.retry_failed = c.retry_failed;
  o.max_in_flight = c.max_in_flight;
  if (c.timeout_s > 0) o.timeout_s = c.timeout_s;
  o.log = &std::cerr;
  const auto s = vasp::run_jobs(c.jobs_dir, *batch, o);
  std::cout << "vasp run: " << s.done << " done, " << s.failed << " failed, " << s.in_flight
            << " in flight, " << s.pending << " pending (" << s.submitted_now << " submitted, "
            << s.repaired_now << " repaired in this run)\n";
  if (s.failed > 0) std::cout << "see `facetweld vasp status " << c.jobs_dir << "` for why\n";
}

const RegisterCommand kRegistered{
    "vasp run", [](CLI::App& root) {
      auto c = std::make_shared<RunCli>();
      CLI::App* group =
          command_group(root, "vasp", "VASP jobs: prepare, run, watch, collect, parse");
      CLI::App* cmd = group->add_subcommand(
          "run", "Run or submit the jobs of a folder, follow them, repair failures (resumable)");
      cmd->add_option("jobs", c->jobs_dir, "Jobs folder written by `vasp prepare`")->required();
      cmd->add_flag("--local", c->local, "Run VASP on this machine, one job at a time (default)");
      cmd->add_option("--scheduler", c->scheduler, "slurm | pbs: write and submit batch scripts");
      cmd->add_option("--vasp-cmd", c->vasp_cmd,
                      "VASP command line, e.g. \"mpirun -np 4 vasp_std\" (default: vasp_std "
                      "locally, srun vasp_std under Slurm, mpirun vasp_std under PBS)");
      add_batch_resource_options(cmd, c->resources, " per job");
      cmd->add_option("--max-fixes", c->max_fixes, "Repairs per job before giving up")
          ->capture_default_str();
      add_batch_poll_option(cmd, c->poll_s);
      cmd->add_option("--max-in-flight", c->max_in_flight, "Batch: jobs queued at once (0 = all)")
          ->capture_default_str();
      cmd->add_flag("--no-wait", c->no_wait,
                    "Submit and evaluate what is ready, then return (run again later to follow)");
      cmd->add_flag("--retry-failed", c->retry_failed, "Put failed jobs back in the queue first");
      cmd->add_option("--timeout", c->timeout_s,
                      "Stop following after this many seconds (0 = never)");
      cmd->callback([c] { run_run(*c); });
    }};

}  // namespace
}  // namespace fw::cli
