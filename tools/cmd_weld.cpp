/// \file cmd_weld.cpp
/// \brief `facetweld weld`: two Wulff-shaped nanorods welded at a series of angles, several seeds
/// and a control pair (EAM MD). Options come from md::weld_settings_table().
#include <memory>

#include "md/apps/weld_settings.hpp"
#include "md/apps/weld_study.hpp"
#include "slabs/facet_table.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/weld_plots.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {

namespace {

struct WeldOptions {
  std::string facets;
  std::string output_dir = "weld";
  std::unique_ptr<SettingsOptions<md::WeldSettings>> settings;
};

void run(WeldOptions& o) {
  const md::WeldSettings s = o.settings->resolve();
  md::check_weld_settings(s);
  const slabs::FacetTable table = slabs::read_facet_table(o.facets);
  const md::WeldStudy study = md::run_weld_study(s, table, o.output_dir, o.facets);
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
      cmd->callback([o] { run(*o); });
    }};

}  // namespace
}  // namespace fw::cli
