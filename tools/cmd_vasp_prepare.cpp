/// \file cmd_vasp_prepare.cpp
/// \brief `facetweld vasp prepare`: write the VASP job folders of a preset and their manifest.
#include <iostream>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "slabs/miller.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "vasp_io/presets.hpp"

namespace fw::cli {
namespace {

struct PrepareCli {
  std::string preset = "paper";
  std::string facets = "100,110,111";
  std::string output = "jobs";
  std::string element = "Au";
  std::optional<double> a_A;  ///< unset: the preset's default
  std::string potcar_dir;
  bool skip_potcar = false;
  bool force = false;
  std::vector<int> layers{5, 7, 9, 11};
  double vacuum_A = 15.0;
};

void run_prepare(const PrepareCli& c) {
  vasp::PrepareOptions o;
  o.preset = c.preset;
  o.facets = parse_facet_list(c.facets, "--facets");
  o.element = c.element;
  o.a_A = c.a_A;
  if (!c.potcar_dir.empty()) o.potcar_dir = c.potcar_dir;
  o.skip_potcar = c.skip_potcar;
  o.force = c.force;
  o.layers = c.layers;
  o.vacuum_A = c.vacuum_A;
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
      cmd->add_option("--preset", c->preset,
                      "paper (the study: cut 500-atom crystal) | slab (converged slab series)")
          ->capture_default_str();
      cmd->add_option("--facets", c->facets, "Comma-separated Miller indices")
          ->capture_default_str();
      cmd->add_option("-o,--output", c->output, "Jobs folder to create")->capture_default_str();
      cmd->add_option("--element", c->element, "fcc metal")->capture_default_str();
      cmd->add_option("--a", c->a_A, "Lattice constant in A (default: 4.08 paper, 4.16 slab)");
      cmd->add_option("--potcar-dir", c->potcar_dir,
                      "Your VASP PAW library (folder holding potpaw_PBE/); default $VASP_PP_PATH");
      cmd->add_flag("--skip-potcar", c->skip_potcar, "Write no POTCAR (assemble it elsewhere)");
      cmd->add_flag("--force", c->force, "Overwrite a folder that was prepared before");
      cmd->add_option("--layers", c->layers, "slab preset: layer counts of the series")
          ->delimiter(',')
          ->capture_default_str();
      cmd->add_option("--vacuum", c->vacuum_A, "slab preset: vacuum thickness (A)")
          ->capture_default_str();
      cmd->callback([c] { run_prepare(*c); });
    }};

}  // namespace
}  // namespace fw::cli
