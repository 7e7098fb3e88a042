/// \file cmd_edis.cpp
/// \brief `facetweld edis`: facet cleavage energies E_dis(hkl) with the EAM engine (unrelaxed and
/// relaxed, slab or cut crystal) or the native PBE solver (slab method), written as facets.json
/// in the shared schema.
#include <cstdio>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/facet_energy.hpp"
#include "dft/settings.hpp"
#include "md/facet_energy.hpp"
#include "md/potential_file.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/settings.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {
namespace {

struct EdisOptions {
  std::string engine = "eam";
  std::string potential = "Au_u3.eam";
  md::EamFacetSettings eam;
  std::string output = "facets.json";
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<dft::DftFacetSettings>> dft;
};

void run_eam(const EdisOptions& o, const slabs::CrystalSettings& crystal) {
  md::EamFacetSettings settings = o.eam;
  settings.a_A = crystal.a_A;
  // --layers and --vacuum are shared with the native engine; the EAM keeps its own defaults.
  const dft::DftFacetSettings shared = o.dft->resolve();
  if (o.dft->given("layers")) settings.layers = shared.layers;
  if (o.dft->given("vacuum")) settings.vacuum_A = shared.vacuum_A;
  const auto path = md::find_potential_file(o.potential);
  const auto potential = std::make_shared<md::EamPotential>(md::EamPotential::read(path));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = potential->elements().front();
  table.a_A = settings.a_A;
  table.settings = {{"potential", path.string()},
                    {"lammps_pair_style", potential->lammps_style()},
                    {"method", settings.method},
                    {"layers_min", settings.layers},
                    {"vacuum_A", settings.vacuum_A},
                    {"cells", settings.cells},
                    {"relaxation", settings.minimizer},
                    {"force_tolerance_eV_per_A", settings.force_tolerance_eV_per_A},
                    {"a_A", settings.a_A}};
  std::printf("%-8s %10s %22s %22s\n", "facet", "area_A2", "E_dis_unrelaxed_eV/A2",
              "E_dis_relaxed_eV/A2");
  for (const auto& hkl : crystal.facets) {
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

void run_native(const EdisOptions& o, const slabs::CrystalSettings& crystal) {
  if (o.eam.method != "slab")
    throw InputError("--method",
                     "'" + o.eam.method + "' is not available with --engine native yet (slab)");
  dft::DftFacetSettings s = o.dft->resolve();
  s.element = crystal.element;
  s.a_A = crystal.a_A;
  const dft::Pseudopotential psp = dft::read_pseudopotential(s.pseudopotential);

  slabs::FacetTable table;
  table.engine = "native-pbe";
  table.element = s.element;
  table.a_A = s.a_A;
  table.settings = dft::facet_settings_table().to_json(s);
  table.settings["a_A"] = s.a_A;
  table.settings["element"] = s.element;
  std::vector<dft::DftFacetResult> results;
  std::printf("%-6s %6s %9s %11s %11s %9s %9s %8s\n", "facet", "layers", "area_A2", "E_dis_eV/A2",
              "E_dis(F)", "kpts", "kpts_bulk", "steps");
  for (const auto& hkl : crystal.facets) {
    results.push_back(dft::dft_facet_energy(psp, hkl, s));
    const auto& r = results.back();
    table.facets.push_back(r.entry);
    const auto& m = r.meshes;
    std::printf("%-6s %6d %9.4f %11.6f %11.6f %3dx%dx%d %3dx%dx%d %3d+%d%s\n",
                slabs::miller_label(r.entry.hkl).c_str(), r.entry.layers, r.entry.area_A2,
                r.entry.e_dis_eV_per_A2, r.e_dis_free_energy_eV_per_A2, m.slab[0], m.slab[1],
                m.slab[2], m.bulk_supercell[0], m.bulk_supercell[1], m.bulk_supercell[2],
                r.slab.scf_steps, r.bulk.scf_steps, r.entry.converged ? "" : "  NOT converged");
    std::fflush(stdout);
  }
  write_file_atomically(o.output, dft::facet_table_json(table, results).dump(2) + "\n");
  std::printf("wrote %s (unrelaxed slab method; E_dis from E(sigma->0), E_dis(F) from F = E-TS)\n",
              o.output.c_str());
  bool all_converged = true;
  for (const auto& r : results) all_converged = all_converged && r.entry.converged;
  if (!all_converged) throw InputError("--max-steps", "an SCF did not converge (see facets.json)");
}

void run_edis(const EdisOptions& o) {
  if (o.engine != "eam" && o.engine != "native")
    throw InputError("--engine", "expected 'eam' or 'native', got '" + o.engine + "'");
  ensure_writable_destination(o.output, "-o");
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  if (o.engine == "eam")
    run_eam(o, crystal);
  else
    run_native(o, crystal);
}

const RegisterCommand kRegistered{
    "edis", [](CLI::App& root) {
      auto opts = std::make_shared<EdisOptions>();
      CLI::App* cmd = root.add_subcommand(
          "edis",
          "Facet cleavage energies E_dis(hkl) with the EAM engine or native PBE -> facets.json");
      cmd->add_option("--engine", opts->engine, "Energy engine: eam | native (plane-wave PBE)")
          ->capture_default_str();
      opts->crystal = std::make_unique<SettingsOptions<slabs::CrystalSettings>>(
          cmd, slabs::crystal_settings_table(), std::vector<std::string>{"element", "a", "facets"});
      opts->dft = std::make_unique<SettingsOptions<dft::DftFacetSettings>>(
          cmd, dft::facet_settings_table());
      cmd->add_option("--potential", opts->potential, "EAM: funcfl or setfl file")
          ->capture_default_str();
      cmd->add_option("--method", opts->eam.method,
                      "slab | cut-crystal (the paper's cut cube; EAM only for now)")
          ->capture_default_str();
      cmd->add_option("--cells", opts->eam.cells, "EAM cut-crystal: n of the n×n×n cube")
          ->capture_default_str();
      cmd->add_option("--fmax", opts->eam.force_tolerance_eV_per_A,
                      "EAM: relaxation force tolerance (eV/Å)")
          ->capture_default_str();
      cmd->add_option("--minimizer", opts->eam.minimizer, "EAM: cg | fire")->capture_default_str();
      cmd->add_option("-o,--output", opts->output, "facets.json to write")->capture_default_str();
      cmd->callback([opts] { run_edis(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
