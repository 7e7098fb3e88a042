/// \file cmd_edis.cpp
/// \brief `facetweld edis --engine eam`: facet cleavage energies with the EAM engine, written as
/// facets.json (unrelaxed and relaxed entries) in the shared schema.
#include <cstdio>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/facet_energy.hpp"
#include "md/facet_energy_settings.hpp"
#include "md/potential_file.hpp"
#include "slabs/facet_table.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {
namespace {

struct EdisOptions {
  std::string engine = "eam";
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<slabs::CutCrystalSettings>> cut_crystal;
  std::unique_ptr<SettingsOptions<md::EamFacetSettings>> eam;
  std::string output = "facets.json";
};

void run_edis(const EdisOptions& o) {
  if (o.engine != "eam") {
    throw InputError("--engine",
                     "'" + o.engine +
                         "' is not available in `facetweld edis` (eam); DFT energies come from "
                         "`facetweld scf` and VASP jobs from `facetweld vasp`");
  }
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  md::EamFacetSettings settings = o.eam->resolve();
  settings.a_A = crystal.a_A;
  settings.cells = o.cut_crystal->resolve().cells;
  ensure_writable_destination(o.output, "-o");
  const auto& facets = crystal.facets;
  const auto path = md::find_potential_file(settings.potential);
  const auto potential = std::make_shared<md::EamPotential>(md::EamPotential::read(path));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = potential->elements().front();
  table.a_A = settings.a_A;
  table.settings = md::eam_facet_settings_table().to_json(settings);
  table.settings.update({{"potential_path", path.string()},
                         {"lammps_pair_style", potential->lammps_style()},
                         {"cells", settings.cells},
                         {"a_A", settings.a_A}});
  std::printf("%-8s %10s %22s %22s\n", "facet", "area_A2", "E_dis_unrelaxed_eV/A2",
              "E_dis_relaxed_eV/A2");
  for (const auto& hkl : facets) {
    const md::EamFacetResult r = md::eam_facet_energy(potential, hkl, settings);
    table.facets.push_back(r.unrelaxed);
    table.facets.push_back(r.relaxed);
    std::printf("%-8s %10.3f %22.6f %22.6f   (gamma relaxed %.4f J/m2)\n",
                slabs::miller_label(r.relaxed.hkl).c_str(), r.relaxed.area_A2,
                r.unrelaxed.e_dis_eV_per_A2, r.relaxed.e_dis_eV_per_A2, r.relaxed.gamma_J_per_m2());
  }
  slabs::write_facet_table(o.output, table);
  std::printf("wrote %s\n", o.output.c_str());
}

const RegisterCommand kRegistered{
    "edis", [](CLI::App& root) {
      auto opts = std::make_shared<EdisOptions>();
      CLI::App* cmd = root.add_subcommand(
          "edis", "Facet cleavage energies E_dis(hkl) with the EAM engine -> facets.json");
      cmd->add_option("--engine", opts->engine, "Energy engine (eam)")->capture_default_str();
      opts->crystal = std::make_unique<SettingsOptions<slabs::CrystalSettings>>(
          cmd, slabs::crystal_settings_table(), std::vector<std::string>{"a", "facets"});
      opts->eam = std::make_unique<SettingsOptions<md::EamFacetSettings>>(
          cmd, md::eam_facet_settings_table());
      opts->cut_crystal = std::make_unique<SettingsOptions<slabs::CutCrystalSettings>>(
          cmd, slabs::cut_crystal_settings_table(), std::vector<std::string>{"cells"});
      cmd->add_option("-o,--output", opts->output, "facets.json to write")->capture_default_str();
      cmd->callback([opts] { run_edis(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
