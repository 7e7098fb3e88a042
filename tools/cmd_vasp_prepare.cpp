/// \file cmd_vasp_prepare.cpp
/// \brief `facetweld vasp prepare`: write the VASP job folders of a preset and their manifest.
#include <iostream>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "slabs/miller.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/settings_cli.hpp"
#include "vasp_io/presets.hpp"
#include "vasp_io/settings.hpp"

namespace fw::cli {
namespace {

struct PrepareCli {
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<vasp::JobSettings>> jobs;
  std::string output = "jobs";
  bool skip_potcar = false;
  bool force = false;
};

void run_prepare(const PrepareCli& c) {
  const slabs::CrystalSettings crystal = c.crystal->resolve();
  const vasp::JobSettings jobs = c.jobs->resolve();
  vasp::PrepareOptions o;
  o.preset = jobs.preset;
  o.facets = crystal.facets;
  o.element = crystal.element;
  if (c.crystal->given("a")) o.a_A = crystal.a_A;  // else the preset's own
  if (!jobs.potcar_dir.empty()) o.potcar_dir = jobs.potcar_dir;
  o.skip_potcar = c.skip_potcar;
  o.force = c.force;
  o.layers = jobs.layers;
  o.vacuum_A = jobs.vacuum_A;
  const auto prepared = vasp::prepare_jobs(o, c.output);
  const auto& m = prepared.manifest;
  std::cout << "wrote " << m.jobs.size() << " VASP jobs (" << m.preset << " preset, " << m.method
            << ", a = " << m.a_A << " A) under " << c.output << "/\n";
  for (const auto& job : m.jobs)
    std::cout << "  " << job.name << ": " << job.natoms << " atoms, k-mesh " << job.kmesh[0] << "x"
              << job.kmesh[1] << "x" << job.kmesh[2] << ", A = " << job.area_A2 << " A^2\n";
  for (const auto& p : prepared.potcars)
    std::cout << "POTCAR " << p.symbol << ": TITEL = " << p.titel << ", ZVAL = " << p.zval
              << ", ENMAX = " << p.enmax_eV << " eV (" << p.path.string() << ")\n";
  if (prepared.potcar_spec_only)
    std::cout << "no POTCAR written (" << (c.skip_potcar ? "--skip-potcar" : "no POTCAR library")
              << "): each folder has a " << vasp::kPotcarSpecFile
              << " naming its datasets; assemble POTCAR from your licensed library (--potcar-dir "
                 "or VASP_PP_PATH, then --force) before `facetweld vasp run`\n";
  std::cout << "manifest: " << c.output << "/manifest.json\n";
}

const RegisterCommand kRegistered{
    "vasp prepare", [](CLI::App& root) {
      auto c = std::make_shared<PrepareCli>();
      CLI::App* group =
          command_group(root, "vasp", "VASP jobs: prepare, run, watch, collect, parse");
      CLI::App* cmd = group->add_subcommand(
          "prepare", "Write VASP job folders (INCAR, POSCAR, KPOINTS, POTCAR) and manifest.json");
      c->crystal = std::make_unique<SettingsOptions<slabs::CrystalSettings>>(
          cmd, slabs::crystal_settings_table());
      c->jobs =
          std::make_unique<SettingsOptions<vasp::JobSettings>>(cmd, vasp::job_settings_table());
      cmd->add_option("-o,--output", c->output, "Jobs folder to create")->capture_default_str();
      cmd->add_flag("--skip-potcar", c->skip_potcar, "Write no POTCAR (assemble it elsewhere)");
      cmd->add_flag("--force", c->force, "Overwrite a folder that was prepared before");
      cmd->callback([c] { run_prepare(*c); });
    }};

}  // namespace
}  // namespace fw::cli
