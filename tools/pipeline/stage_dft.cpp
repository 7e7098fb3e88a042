/// \file stage_dft.cpp
/// \brief Native-PBE stage: slab-method E_dis of every facet at the run's (quick) settings.
#include <chrono>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "dft/facet/cell_cache.hpp"
#include "dft/facet_energy.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/smearing.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

std::optional<slabs::FacetTable> run_dft_stage(const RunSettings& s,
                                               const std::filesystem::path& out,
                                               StageResult& result) {
  result.name = "native-pbe";
  if (!s.dft.enabled) {
    result.status = "skipped";
    result.note = "disabled in the job file";
    return std::nullopt;
  }
  const auto start = std::chrono::steady_clock::now();
  nlohmann::json key = section_json(s, "dft");
  key.update(section_json(s, ""));
  key.erase("output_dir");
  key["engine_version"] = engine_version("dft");
  const auto file = out / "facets_native_pbe.json";
  if (auto previous = resume_facet_table(file, key, result)) return previous;

  dft::DftFacetSettings settings = s.dft.facet;
  settings.element = s.element;
  settings.a_A = s.a_A;
  const dft::Pseudopotential psp = dft::read_pseudopotential(settings.pseudopotential);

  // Every finished SCF cell is kept, so a killed stage continues per cell (the keys hold every
  // setting that changes a cell's energy, so a changed job file never reuses a stale cell).
  dft::CellCache cells(out / "facets_native_pbe.cells.json");
  slabs::FacetTable table;
  table.engine = "native-pbe";
  table.element = s.element;
  table.a_A = s.a_A;
  std::vector<dft::DftFacetResult> results;
  ProgressLine progress("native PBE E_dis", static_cast<long>(s.facets.size()), "facets");
  long done = 0;
  for (const auto& hkl : s.facets) {
    const auto facet_start = std::chrono::steady_clock::now();
    results.push_back(dft::dft_facet_energy(psp, slabs::reduce_miller(hkl), settings, {}, &cells));
    table.facets.push_back(results.back().entry);
    if (results.back().relaxation) table.facets.push_back(results.back().relaxed_entry());
    progress.update(++done);
    const auto& r = results.back();
    std::printf(
        "    native PBE %s: E_dis = %.4f eV/Å² (from F: %.4f; SCF steps %d + %d; %s, %.0f s)\n",
        slabs::miller_label(r.entry.hkl).c_str(), r.entry.e_dis_eV_per_A2,
        r.e_dis_free_energy_eV_per_A2, r.slab.scf_steps, r.bulk.scf_steps,
        r.entry.converged ? "converged" : "NOT converged",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - facet_start).count());
    std::fflush(stdout);
  }
  progress.finish();
  // The same facets.json as `facetweld edis --engine native`, plus the resume key.
  table.settings = key;
  nlohmann::json j = dft::facet_table_json(table, results);
  j["settings_key"] = key;
  write_file_atomically(file, j.dump(2) + "\n");
  result.status = "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto mesh = [](const std::array<int, 3>& m) {
    return std::to_string(m[0]) + "x" + std::to_string(m[1]) + "x" + std::to_string(m[2]);
  };
  char ecut[32];
  std::snprintf(ecut, sizeof ecut, "%g", settings.scf.ecut_hartree);
  result.note = "facets_native_pbe.json: slab method (`facetweld edis --engine native`), " +
                std::to_string(settings.layers) + " layers, ecut " + ecut + " Ha, slab k " +
                (results.empty() ? std::string("-") : mesh(results.front().meshes.slab)) +
                ", unrelaxed; E_dis from E(σ→0), from F beside it; not converged in layers, "
                "cut-off or k (no error estimate: run `facetweld edis --engine native` with a "
                "larger cell to see how far these quick settings are from convergence)";
  return table;
}

}  // namespace fw::pipeline
