/// \file cmd_edis.cpp
/// \brief `facetweld edis`: facet cleavage energies E_dis(hkl) with the EAM engine (unrelaxed and
/// relaxed, slab or cut crystal) or the native PBE solver (slab method, relaxed, converged series
/// or cut crystal), written as facets.json in the shared schema.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "md/apps/facet_energy.hpp"
#include "md/apps/facet_energy_settings.hpp"
#include "md/formats/potential_file.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/fcc_metals.hpp"
#include "slabs/oriented.hpp"
#include "tools/batch_submit.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/native_facet_study.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {
namespace {

struct EdisOptions {
  std::string engine = "eam";
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<slabs::CutCrystalSettings>> cut_crystal;
  std::unique_ptr<SettingsOptions<md::EamFacetSettings>> eam;
  std::unique_ptr<SettingsOptions<dft::DftFacetSettings>> dft;
  std::string output = "facets.json";
  std::string scheduler;  ///< slurm | pbs: submit this command as a batch job instead
  vasp::BatchResources resources = single_task_resources();
};

/// The crystal: --element's tabulated lattice constant unless --a is given (slabs/fcc_metals),
/// and a given --a near the tabulated one.
slabs::CrystalSettings crystal_of(const EdisOptions& o) {
  slabs::CrystalSettings crystal = o.crystal->resolve();
  if (o.crystal->given("a"))
    slabs::check_lattice_constant_near_tabulated(crystal.element, crystal.a_A, "--a");
  else
    crystal.a_A = slabs::tabulated_lattice_constant_A(crystal.element, "--element", "--a");
  return crystal;
}

/// The EAM settings: --element's default potential unless --potential is given.
md::EamFacetSettings eam_settings_of(const EdisOptions& o, const std::string& element) {
  md::EamFacetSettings s = o.eam->resolve();
  if (const slabs::FccMetal* metal = slabs::find_fcc_metal(element);
      metal && !o.eam->given("potential"))
    s.potential = metal->eam_potential;
  return s;
}

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

/// The [dft] settings of a native run: the table's options, with --method, --layers, --vacuum,
/// --fmax and --cells taken from the shared (EAM / cut-crystal) options when given.
dft::DftFacetSettings native_settings(const EdisOptions& o, const md::EamFacetSettings& shared) {
  const auto& table_spec = dft::facet_settings_table();
  // The table's own rule sees values only; a mesh given at its default value is caught here.
  for (const char* mesh : {"kpts", "kpts_bulk"})
    if (o.dft->given("kdensity") && o.dft->given(mesh))
      throw InputError("--kdensity",
                       "--kdensity replaces --kpts and --kpts-bulk (both meshes "
                       "from the density): give --kdensity or " +
                           o.dft->option_name(mesh) + ", not both");
  dft::DftFacetSettings s = o.dft->resolve();
  const bool cut = shared.method == "cut-crystal";
  table_spec.set_value(s, "method", settings::Value(shared.method), "--method");
  if (o.eam->given("layers"))
    table_spec.set_value(s, "layers", settings::Value(static_cast<long long>(shared.layers)),
                         "--layers");
  if (o.eam->given("vacuum"))
    table_spec.set_value(s, cut ? "cut_vacuum" : "vacuum", settings::Value(shared.vacuum_A),
                         "--vacuum");
  if (o.eam->given("fmax"))
    table_spec.set_value(s, "fmax", settings::Value(shared.force_tolerance_eV_per_A), "--fmax");
  if (o.cut_crystal->given("cells"))
    table_spec.set_value(s, "cut_cells",
                         settings::Value(static_cast<long long>(o.cut_crystal->resolve().cells)),
                         "--cells");
  // An explicit --a is the user's lattice constant unless they also ask for the E(V) fit (which
  // then samples around it).
  if (o.crystal->given("a") && !o.dft->given("lattice_constant"))
    table_spec.set_value(s, "lattice_constant", settings::Value(std::string("crystal")), "--a");
  table_spec.check_consistency(s, "command line");
  dft::check_relaxation_layers(s, "--relax-fixed-layers");
  return s;
}

/// `facetweld edis --engine native`: the native facet study (tools/pipeline/native_facet_study,
/// the code `facetweld run` uses; docs/dft.md). Under mpirun/srun every rank computes, the output
/// rank alone prints and writes.
void run_native(const EdisOptions& o) {
  const slabs::CrystalSettings crystal = crystal_of(o);
  const md::EamFacetSettings shared = o.eam->resolve();
  dft::DftFacetSettings s = native_settings(o, shared);
  s.element = crystal.element;
  s.a_A = crystal.a_A;
  if (s.method == "slab") slabs::check_slab_vacuum(s.vacuum_A, s.a_A, crystal.facets, "--vacuum");
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
      pipeline::run_native_facet_study(s, crystal.facets, output, cells, print);
  if (output_rank) {
    write_file_atomically(o.output, study.facets_json.dump(2) + "\n");
    std::printf("wrote %s: %s\n", o.output.c_str(), study.summary.c_str());
  }
  pipeline::throw_if_problems(study);
}

void run_eam(const EdisOptions& o) {
  const slabs::CrystalSettings crystal = crystal_of(o);
  md::EamFacetSettings settings = eam_settings_of(o, crystal.element);
  settings.a_A = crystal.a_A;
  settings.cells = o.cut_crystal->resolve().cells;
  if (settings.method == "slab")
    slabs::check_slab_vacuum(settings.vacuum_A, settings.a_A, crystal.facets, "--vacuum");
  ensure_writable_destination(o.output, "-o");
  const auto& facets = crystal.facets;
  const auto path = md::find_potential_file(settings.potential);
  const auto potential = std::make_shared<md::EamPotential>(
      md::read_eam_for_element(path, crystal.element, "--element"));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = potential->elements().front();
  table.a_A = settings.a_A;
  table.settings = md::eam_facet_settings_table().to_json(settings);
  table.settings.update({{"potential_path", path.string()},
                         {"lammps_pair_style", potential->lammps_style()},
                         {"cells", settings.cells},
                         {"a_A", settings.a_A}});
  // Every facet first, the table after: a refusal (a cut crystal of too few cells, say) then
  // prints its error line alone, not under half a table.
  std::vector<md::EamFacetResult> results;
  for (const auto& hkl : facets) results.push_back(md::eam_facet_energy(potential, hkl, settings));
  for (const md::EamFacetResult& r : results) {
    table.facets.push_back(r.unrelaxed);
    table.facets.push_back(r.relaxed);
  }
  slabs::check_e_dis_positive(table, "--a", likely_cause_of_negative_e_dis(crystal));
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

/// An option the chosen engine does not read is refused, not dropped: the EAM engine reads no
/// [dft] option (it reports unrelaxed and relaxed E_dis at once, so --relax too does nothing);
/// the native engine reads, of the EAM table, only what native_settings() takes over.
void refuse_options_the_engine_ignores(const EdisOptions& o) {
  if (o.engine == "eam") {
    if (const auto keys = o.dft->given_keys(); !keys.empty())
      throw InputError(o.dft->option_name(keys.front()),
                       "does nothing with --engine eam (a native-DFT setting; the EAM engine "
                       "reports unrelaxed and relaxed E_dis at once): leave it out or use "
                       "--engine native");
    return;
  }
  for (const auto& key : o.eam->given_keys())
    if (key != "method" && key != "layers" && key != "vacuum" && key != "fmax")
      throw InputError(o.eam->option_name(key),
                       "does nothing with --engine native (an EAM setting): leave it out or use "
                       "--engine eam");
}

/// Submits this same `edis` command as one batch job (tools/batch_submit.hpp); bad settings and
/// an unreadable pseudopotential or potential fail here, not in the queue.
void submit_edis_job(const EdisOptions& o) {
  const slabs::CrystalSettings crystal = crystal_of(o);
  const md::EamFacetSettings eam = eam_settings_of(o, crystal.element);
  if (o.engine == "native")
    dft::read_pseudopotential(native_settings(o, eam).pseudopotential);
  else
    md::read_eam_for_element(md::find_potential_file(eam.potential), crystal.element, "--element");
  std::vector<std::string> args{"edis", "--engine", o.engine, "-o", o.output};
  for (const auto& group : {o.crystal->given_arguments(), o.eam->given_arguments(),
                            o.cut_crystal->given_arguments(), o.dft->given_arguments()})
    args.insert(args.end(), group.begin(), group.end());
  submit_facetweld_job("edis", args, o.scheduler, o.resources);
}

void run_edis(const EdisOptions& o) {
  if (o.engine != "eam" && o.engine != "native")
    throw InputError("--engine", "expected 'eam' or 'native', got '" + o.engine + "'");
  refuse_options_the_engine_ignores(o);
  if (!o.scheduler.empty()) return submit_edis_job(o);
  if (o.engine == "eam")
    run_eam(o);
  else
    run_native(o);
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
