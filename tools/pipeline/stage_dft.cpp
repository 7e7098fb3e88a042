/// \file stage_dft.cpp
/// \brief Native-PBE stage: slab-method E_dis of every facet at the run's (quick) settings.
#include <chrono>
#include <cstdio>

#include "core/progress.hpp"
#include "core/version.hpp"
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

  slabs::FacetTable table;
  table.engine = "native-pbe";
  table.element = s.element;
  table.a_A = s.a_A;
  ProgressLine progress("native PBE E_dis", static_cast<long>(s.facets.size()), "facets");
  long done = 0;
  for (const auto& hkl : s.facets) {
    const auto facet_start = std::chrono::steady_clock::now();
    table.facets.push_back(dft::dft_facet_energy(psp, slabs::reduce_miller(hkl), settings));
    progress.update(++done);
    const auto& e = table.facets.back();
    std::printf(
        "    native PBE %s: E_dis = %.4f eV/Å² (%s, %.0f s)\n", slabs::miller_label(e.hkl).c_str(),
        e.e_dis_eV_per_A2, e.converged ? "converged" : "NOT converged",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - facet_start).count());
    std::fflush(stdout);
  }
  progress.finish();
  write_resumable_facet_table(file, table, key);
  result.status = "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = "facets_native_pbe.json: slab method, " + std::to_string(settings.layers) +
                " layers, ecut " + std::to_string(static_cast<int>(settings.scf.ecut_hartree)) +
                " Ha, unrelaxed";
  return table;
}

}  // namespace fw::pipeline
