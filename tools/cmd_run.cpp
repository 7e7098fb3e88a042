/// \file cmd_run.cpp
/// \brief `facetweld run [job.toml]`: the whole chain on built-in Au defaults, into one folder.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "core/atomic_file.hpp"
#include "core/dir_lock.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "dft/pseudo/pseudopotential_for_element.hpp"
#include "md/apps/au_c_settings.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/report.hpp"
#include "tools/pipeline/run_settings.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::cli {
namespace {

struct RunOptions {
  std::string job_file;
  std::string output_dir;
  bool no_dft = false;
  bool no_weld = false;
  bool no_vasp = false;
  bool print_defaults = false;
};

std::string cell(double v) {
  char buf[32];
  if (!std::isfinite(v)) return "-";
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

void print_stage(const pipeline::StageResult& r) {
  std::printf("  %-11s %-8s %8.1f s  %s\n", r.name.c_str(), r.status.c_str(), r.wall_s,
              r.note.c_str());
  std::fflush(stdout);
}

double value_of(const std::optional<slabs::FacetTable>& t, const slabs::Miller& hkl,
                const std::string& method, bool relaxed) {
  if (!t) return std::nan("");
  const auto e = t->find(hkl, method, relaxed);
  return e ? e->e_dis_eV_per_A2 : std::nan("");
}

void run(const RunOptions& o) {
  if (o.print_defaults) {
    std::cout << pipeline::to_job_file(pipeline::default_run_settings());
    return;
  }
  pipeline::RunSettings s = o.job_file.empty() ? pipeline::default_run_settings()
                                               : pipeline::read_run_settings(o.job_file);
  if (!o.output_dir.empty()) s.output_dir = o.output_dir;
  if (o.no_dft) s.dft.enabled = false;
  if (o.no_weld) s.weld.enabled = false;
  if (o.no_vasp) s.vasp.enabled = false;
  const std::string job_source = o.job_file.empty() ? std::string() : o.job_file + ": ";
  // After --no-dft: a pseudopotential of another metal is refused before any stage runs.
  if (s.dft.enabled)
    dft::read_pseudopotential_for_element(s.dft.facet.pseudopotential, s.element,
                                          job_source + "[dft] pseudopotential");
  if (s.weld.enabled)
    md::check_substrate_pair_fits_element(s.element, s.weld.study.substrate,
                                          s.weld.study.lj_epsilon_eV, s.weld.study.lj_sigma_A,
                                          job_source + "[weld] lj_epsilon");
  const std::filesystem::path out = s.output_dir;
  ensure_output_folder(out, o.output_dir.empty() ? "output_dir" : "-o");
  const DirLock lock(out, "facetweld run");  // a second run into `out` stops here, exit 2
  nlohmann::json settings = pipeline::to_json(s);
  settings["code_version"] = code_version();
  write_file_atomically(out / "settings.json", settings.dump(2) + "\n");

  std::printf("facetweld run: %s, a = %.4f Å, results in %s/\n", s.element.c_str(), s.a_A,
              out.string().c_str());
  pipeline::RunResults results;
  pipeline::StageResult stage;
  // The EAM stage before the geometry: its refusal of a non-physical E_dis (a far from the
  // potential's equilibrium) then leaves no structures behind, only settings.json, which no
  // rerun reads (it is rewritten at every start).
  results.eam = pipeline::run_eam_stage(s, out, stage);
  print_stage(stage);
  results.stages.push_back(stage);

  stage = {};
  results.geometry = pipeline::run_geometry_stage(s, out, stage);
  print_stage(stage);
  results.stages.push_back(stage);

  stage = {};
  results.dft = pipeline::run_dft_stage(s, out, stage);
  print_stage(stage);
  results.stages.push_back(stage);

  stage = {};
  results.weld = pipeline::run_weld_stage(s, results.dft, results.eam, out, stage);
  print_stage(stage);
  results.stages.push_back(stage);

  stage = {};
  if (s.vasp.enabled) {
    pipeline::run_vasp_stage(s, out, stage);
  } else {
    stage = {"vasp", "skipped", 0.0, "disabled"};
  }
  print_stage(stage);
  results.stages.push_back(stage);

  pipeline::write_report(out, s, results);

  std::printf("\nE_dis (eV/Å²), per area of one cut face:\n");
  std::printf("%-7s %8s %14s %14s %14s %14s\n", "facet", "paper", "EAM_cut_relax", "EAM_slab_unrel",
              "EAM_slab_relax", "PBE_slab_unrel");
  for (const auto& raw : s.facets) {
    const auto hkl = slabs::reduce_miller(raw);
    std::printf("%-7s %8s %14s %14s %14s %14s\n", slabs::miller_label(hkl).c_str(),
                cell(pipeline::paper_e_dis_eV_per_A2(s.element, hkl)).c_str(),
                cell(value_of(results.eam, hkl, "cut-crystal", true)).c_str(),
                cell(value_of(results.eam, hkl, "slab", false)).c_str(),
                cell(value_of(results.eam, hkl, "slab", true)).c_str(),
                cell(value_of(results.dft, hkl, "slab", false)).c_str());
  }
  std::printf("\nreport: %s\n", (out / "report.md").string().c_str());
  // The other stages ran and the report says what failed; the exit status says it too.
  for (const auto& st : results.stages)
    if (st.status == "failed") throw InputError("stage " + st.name, st.note);
}

const RegisterCommand kRegistered{
    "run", [](CLI::App& root) {
      auto opts = std::make_shared<RunOptions>();
      CLI::App* cmd = root.add_subcommand(
          "run", "Run the whole chain (geometry, EAM, native PBE, VASP jobs, welding, report)");
      cmd->add_option("JOB", opts->job_file,
                      "Job file (TOML, docs/run.md); every key has a default");
      cmd->add_option("-o,--output", opts->output_dir,
                      "Results folder (overrides output_dir of the job file)");
      cmd->add_flag("--no-dft", opts->no_dft, "Skip the native PBE stage");
      cmd->add_flag("--no-weld", opts->no_weld, "Skip the welding MD stage");
      cmd->add_flag("--no-vasp", opts->no_vasp, "Do not write VASP job folders");
      cmd->add_flag("--print-defaults", opts->print_defaults,
                    "Print a complete, commented job file of every setting at its default");
      cmd->callback([opts] { run(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
