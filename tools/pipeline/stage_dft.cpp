/// \file stage_dft.cpp
/// \brief Native-PBE stage: E_dis of every facet at the run's [dft] settings, through the same
/// study as `facetweld edis --engine native` (slab, relaxed, converged series or cut crystal).
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "core/version.hpp"
#include "dft/facet/cell_cache.hpp"
#include "tools/pipeline/native_facet_study.hpp"
#include "tools/pipeline/shipped_dft_table.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

namespace {

/// The converged table the run uses instead of computing: [dft] table when converge is off and
/// the table was computed for the run's element and pseudopotential.
std::optional<std::filesystem::path> shipped_table_for(const RunSettings& s) {
  if (s.dft.facet.converge || s.dft.table == "none") return std::nullopt;
  const auto path = find_shipped_dft_table(s.dft.table);
  if (!path) {
    if (s.dft.table == kShippedDftTable) return std::nullopt;  // a source tree without data/
    throw InputError("[dft] table", "'" + s.dft.table +
                                        "' not found (as given, in $FACETWELD_DATA/dft/ or "
                                        "data/dft/); give a facets.json or \"none\"");
  }
  if (!shipped_table_matches(*path, s.element, s.dft.facet.pseudopotential)) return std::nullopt;
  return path;
}

/// Recomputes the table's check cell (a changed solver stops here with exit 2) and writes the
/// table as the stage's facets_native_pbe.json, so the report and the welding read it.
std::optional<slabs::FacetTable> use_shipped_table(const std::filesystem::path& path,
                                                   const nlohmann::json& key,
                                                   const std::filesystem::path& file,
                                                   StageResult& result) {
  const auto start = std::chrono::steady_clock::now();
  std::printf("    native PBE  using the converged table %s after recomputing its check cell\n",
              path.string().c_str());
  std::fflush(stdout);
  const ShippedDftTable t = load_checked_dft_table(path);
  nlohmann::json j = t.json;
  j["source_table"] = path.filename().string();
  j["check_cell_recomputed"] = {{"change_Ha", t.check_cell_change_hartree},
                                {"wall_s", t.check_cell_wall_s}};
  write_resumable_json(file, j, key);
  std::string errors;
  for (const auto& f : t.table.facets)
    if (f.relaxed && std::isfinite(f.e_dis_error_eV_per_A2))
      errors +=
          format("%s%s %.4f ± %.4f", errors.empty() ? "" : ", ", slabs::miller_label(f.hkl).c_str(),
                 f.e_dis_eV_per_A2, f.e_dis_error_eV_per_A2);
  result.status = "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = format(
      "facets_native_pbe.json = the converged, relaxed PBE table %s (a0 %.4f Å; "
      "E_dis ± error, eV/Å²: %s); its check cell recomputed by this build to "
      "%.1e Ha",
      path.filename().string().c_str(), t.table.a_A, errors.c_str(),
      std::abs(t.check_cell_change_hartree));
  return t.table;
}

}  // namespace

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
  if (auto shipped = shipped_table_for(s)) return use_shipped_table(*shipped, key, file, result);
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
  write_resumable_json(file, study.facets_json, key);
  result.status = "done";
  return study.table;
}

}  // namespace fw::pipeline
