/// \file cmd_edis.cpp
/// \brief `facetweld edis`: facet cleavage energies E_dis(hkl) with the EAM engine (unrelaxed and
/// relaxed, slab or cut crystal) or the native PBE solver (slab method, relaxed, converged series
/// or cut crystal), written as facets.json in the shared schema.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/parallel/communicator.hpp"
#include "md/apps/facet_energy.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/oriented.hpp"
#include "tools/batch_submit.hpp"
#include "tools/command.hpp"
#include "tools/edis/edis_plan.hpp"
#include "tools/pipeline/native_facet_study.hpp"

namespace fw::cli {
namespace {

/// What an EAM E_dis ≤ 0 most likely means, for its refusal (the native study refuses its own,
/// after writing facets.json for inspection: tools/pipeline/native_facet_study).
std::string likely_cause_of_negative_e_dis(const slabs::CrystalSettings& crystal) {
  char text[200];
  std::snprintf(text, sizeof text,
                "a = %g Å is likely far from the potential's equilibrium for %s: check --a and "
                "--potential",
                crystal.a_A, crystal.element.c_str());
  return text;
}

/// `facetweld edis --engine native`: the native facet study (tools/pipeline/native_facet_study,
/// the code `facetweld run` uses; docs/dft.md). Under mpirun/srun every rank computes, the output
/// rank alone prints and writes.
void run_native(const EdisOptions& o, const EdisPlan& plan) {
  const bool output_rank = dft::is_output_rank();
  if (output_rank) ensure_writable_destination(o.output, "-o");
  const std::filesystem::path output = std::filesystem::absolute(o.output);
  dft::CellCache cells(output.parent_path() / (output.stem().string() + ".cells.json"));
  if (cells.size() > 0 && output_rank)
    std::printf("continuing: %zu SCF cells finished earlier in %s\n", cells.size(),
                cells.path().c_str());
  const auto print = [output_rank](const std::string& line) {
    if (!output_rank) return;
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  };
  const pipeline::NativeFacetStudy study =
      pipeline::run_native_facet_study(plan.dft, plan.crystal.facets, output, cells, print);
  if (output_rank) {
    write_file_atomically(o.output, study.facets_json.dump(2) + "\n");
    std::printf("wrote %s: %s\n", o.output.c_str(), study.summary.c_str());
  }
  pipeline::throw_if_problems(study);
}

void run_eam(const EdisOptions& o, const EdisPlan& plan) {
  ensure_writable_destination(o.output, "-o");
  const md::EamFacetSettings& settings = plan.eam;
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = plan.eam_potential->elements().front();
  table.a_A = settings.a_A;
  table.settings = md::eam_facet_settings_table().to_json(settings);
  table.settings.update({{"potential_path", plan.eam_potential_path.string()},
                         {"lammps_pair_style", plan.eam_potential->lammps_style()},
                         {"cells", settings.cells},
                         {"a_A", settings.a_A}});
  // Every facet first, the table after: a refusal (a cut crystal of too few cells, say) then
  // prints its error line alone, not under half a table.
  std::vector<md::EamFacetResult> results;
  for (const auto& hkl : plan.crystal.facets)
    results.push_back(md::eam_facet_energy(plan.eam_potential, hkl, settings));
  for (const md::EamFacetResult& r : results) {
    table.facets.push_back(r.unrelaxed);
    table.facets.push_back(r.relaxed);
  }
  slabs::check_e_dis_positive(table, "--a", likely_cause_of_negative_e_dis(plan.crystal));
  std::printf("%-8s %10s %22s %22s\n", "facet", "area_A2", "E_dis_unrelaxed_eV/A2",
              "E_dis_relaxed_eV/A2");
  for (const md::EamFacetResult& r : results) {
    std::printf("%-8s %10.3f %22.6f %22.6f   (gamma relaxed %.4f J/m2)\n",
                slabs::miller_label(r.relaxed.hkl).c_str(), r.relaxed.area_A2,
                r.unrelaxed.e_dis_eV_per_A2, r.relaxed.e_dis_eV_per_A2, r.relaxed.gamma_J_per_m2());
  }
  slabs::write_facet_table(o.output, table);
  std::printf("wrote %s\n", o.output.c_str());
}

/// Submits this same `edis` command as one batch job (tools/batch_submit.hpp); the plan's checks
/// (settings, an unreadable or foreign pseudopotential or potential) fail here, not in the queue.
void submit_edis_job(const EdisOptions& o) {
  std::vector<std::string> args{"edis", "--engine", o.engine, "-o", o.output};
  for (const auto& group : {o.crystal->given_arguments(), o.eam->given_arguments(),
                            o.cut_crystal->given_arguments(), o.dft->given_arguments()})
    args.insert(args.end(), group.begin(), group.end());
  submit_facetweld_job("edis", args, o.scheduler, o.resources);
}

/// Every refusal first (tools/edis/edis_plan), then the run: nothing is printed or written
/// before the plan holds.
void run_edis(const EdisOptions& o) {
  const EdisPlan plan = check_edis_options(o);
  if (!o.scheduler.empty()) return submit_edis_job(o);
  if (plan.engine == "eam")
    run_eam(o, plan);
  else
    run_native(o, plan);
}

const RegisterCommand kRegistered{
    "edis", [](CLI::App& root) {
      auto opts = std::make_shared<EdisOptions>();
      CLI::App* cmd = root.add_subcommand(
          "edis", "Facet cleavage energies E_dis(hkl), EAM or native PBE -> facets.json");
      cmd->add_option("--engine", opts->engine,
                      "Energy engine: eam | native (plane-wave PBE, slab method; --layers and "
                      "--vacuum then default to the [dft] table's 5 and 10 Å)")
          ->capture_default_str();
      opts->crystal = std::make_unique<SettingsOptions<slabs::CrystalSettings>>(
          cmd, slabs::crystal_settings_table(), std::vector<std::string>{"element", "a", "facets"});
      opts->eam = std::make_unique<SettingsOptions<md::EamFacetSettings>>(
          cmd, md::eam_facet_settings_table());
      opts->cut_crystal = std::make_unique<SettingsOptions<slabs::CutCrystalSettings>>(
          cmd, slabs::cut_crystal_settings_table(), std::vector<std::string>{"cells"});
      // Every [dft] key but method, layers, vacuum, fmax, cut_cells and cut_vacuum, which the
      // EAM and cut-crystal tables already provide (--method, --layers, --vacuum, --fmax,
      // --cells).
      std::vector<std::string> dft_keys;
      for (const auto* spec : dft::facet_settings_table().specs())
        if (spec->key != "method" && spec->key != "layers" && spec->key != "vacuum" &&
            spec->key != "fmax" && spec->key != "cut_cells" && spec->key != "cut_vacuum")
          dft_keys.push_back(spec->key);
      opts->dft = std::make_unique<SettingsOptions<dft::DftFacetSettings>>(
          cmd, dft::facet_settings_table(), dft_keys);
      cmd->add_option("-o,--output", opts->output, "facets.json to write")->capture_default_str();
      cmd->add_option("--scheduler", opts->scheduler,
                      "slurm | pbs: write the batch script here and submit this command (srun / "
                      "mpirun over --tasks ranks)");
      add_batch_resource_options(cmd, opts->resources, "");
      cmd->callback([opts] { run_edis(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
