/// \file stage_dft.cpp
/// \brief Native-PBE stage: E_dis of every facet at the run's [dft] settings, through the same
/// study as `facetweld edis --engine native` (slab, relaxed, converged series or cut crystal).
#include <chrono>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/version.hpp"
#include "dft/facet/cell_cache.hpp"
#include "tools/pipeline/native_facet_study.hpp"
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
  // Every finished SCF cell is kept, so a killed stage continues per cell (the keys hold every
  // setting that changes a cell's energy, so a changed job file never reuses a stale cell).
  dft::CellCache cells(out / "facets_native_pbe.cells.json");
  const auto print = [](const std::string& line) {  // the table of `facetweld edis`, as it goes
    std::printf("    native PBE  %s\n", line.c_str());
    std::fflush(stdout);
  };
  NativeFacetStudy study = run_native_facet_study(settings, s.facets, file, cells, print);
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = "facets_native_pbe.json (`facetweld edis --engine native`): " + study.summary;
  if (!study.problems.empty()) {
    // Written for inspection, without the resume key: the next run recomputes (cells cached).
    write_file_atomically(file, study.facets_json.dump(2) + "\n");
    result.status = "failed";
    result.note =
        "facets_native_pbe.json: " + study.problems.front().message + " — not used for the rods";
    return std::nullopt;
  }
  study.table.settings = key;
  study.facets_json["settings_key"] = key;
  write_file_atomically(file, study.facets_json.dump(2) + "\n");
  result.status = "done";
  return study.table;
}

}  // namespace fw::pipeline
