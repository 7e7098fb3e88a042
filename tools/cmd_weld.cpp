/// \file cmd_weld.cpp
/// \brief `facetweld weld`: two Wulff-shaped nanorods welded at a series of angles, several seeds
/// and a control pair (EAM MD). Options come from md::weld_settings_table(); with --engine lammps,
/// --scheduler runs every deck as a batch job (tools/pipeline/lammps_batch_launcher.hpp).
#include <iostream>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "md/apps/lammps_runner.hpp"
#include "md/weld/engines.hpp"
#include "md/weld/settings.hpp"
#include "md/weld/study.hpp"
#include "slabs/facet_table.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/lammps_batch_launcher.hpp"
#include "tools/pipeline/weld_plots.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {

namespace {

struct WeldOptions {
  std::string facets;
  std::string output_dir = "weld";
  std::unique_ptr<SettingsOptions<md::WeldSettings>> settings;
  std::string scheduler;  ///< local | slurm | pbs: each LAMMPS deck a batch job
  pipeline::LammpsBatchOptions batch;
  CLI::Option* tasks_option = nullptr;
};

void run(WeldOptions& o) {
  const md::WeldSettings s = o.settings->resolve();
  md::check_weld_settings(s);
  std::optional<pipeline::LammpsBatchLauncher> launcher;
  if (!o.scheduler.empty()) {
    if (!md::weld_engine_takes_launcher(s.engine))
      throw InputError("--scheduler",
                       "batch jobs are LAMMPS decks: add --engine lammps (the native engine runs "
                       "in this process)");
    o.batch.scheduler = o.scheduler;
    // Ranks per run: --tasks when given, else the study's lammps_ranks.
    if (o.tasks_option->count() == 0) o.batch.resources.tasks = s.lammps_ranks;
    o.batch.log = &std::cout;
    launcher.emplace(o.output_dir, md::find_lammps_executable(s.lammps_command, "--lmp"), o.batch);
  }
  const slabs::FacetTable table = slabs::read_facet_table(o.facets);
  const md::WeldStudy study =
      md::run_weld_study(s, table, o.output_dir, o.facets, launcher ? &*launcher : nullptr);
  pipeline::write_weld_plots(study, o.output_dir);
  std::printf("wrote %s/ (weld.json, weld.csv, *.svg, angle_*/seed_*/trajectory.extxyz ...)\n",
              o.output_dir.c_str());
}

const RegisterCommand kRegistered{
    "weld", [](CLI::App& root) {
      auto o = std::make_shared<WeldOptions>();
      CLI::App* cmd = root.add_subcommand(
          "weld",
          "Weld two Wulff-shaped nanorods at several angles and seeds, with a control pair "
          "(EAM MD, NVT, quench)");
      cmd->add_option("--facets", o->facets,
                      "Facet table (facets.json) giving γ for the Wulff shape")
          ->required()
          ->check(CLI::ExistingFile);
      cmd->add_option("-o,--output", o->output_dir, "Output folder (reruns skip finished runs)")
          ->capture_default_str();
      o->settings =
          std::make_unique<SettingsOptions<md::WeldSettings>>(cmd, md::weld_settings_table());
      cmd->add_option("--scheduler", o->scheduler,
                      "local | slurm | pbs: run each LAMMPS deck (--engine lammps) as a batch "
                      "job, follow it, resume on a rerun (default: lmp run by the workers)");
      add_batch_resource_options(cmd, o->batch.resources, " per LAMMPS run");
      // Its default is the study's lammps_ranks (applied in run()), not BatchResources' own.
      o->tasks_option =
          cmd->get_option("--tasks")
              ->description("Batch: MPI tasks per LAMMPS run (default: --lammps-ranks)")
              ->default_str("");
      add_batch_poll_option(cmd, o->batch.poll_interval_s);
      cmd->callback([o] { run(*o); });
    }};

}  // namespace
}  // namespace fw::cli
