/// \file stage_eam.cpp
/// \brief EAM stage: E_dis of every facet, cut-crystal and slab methods, unrelaxed and relaxed.
#include <chrono>

#include "core/printf_format.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "md/apps/facet_energy.hpp"
#include "md/engine/eam_potential.hpp"
#include "md/formats/potential_file.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

std::optional<slabs::FacetTable> run_eam_stage(const RunSettings& s,
                                               const std::filesystem::path& out,
                                               StageResult& result) {
  result.name = "eam";
  if (!s.eam.enabled) {
    result.status = "skipped";
    result.note = "disabled in the job file";
    return std::nullopt;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto potential_path = md::find_potential_file(s.eam.facet.potential, "eam.potential");
  nlohmann::json key = section_json(s, "eam");
  key.update(section_json(s, ""));
  key.erase("output_dir");
  key.update({{"cells", s.geometry.cells},
              {"potential_path", potential_path.string()},
              {"engine_version", engine_version("md")}});
  const auto file = out / "facets_eam.json";
  if (auto previous = resume_facet_table(file, key, result)) return previous;

  const auto potential = std::make_shared<const md::EamPotential>(
      md::read_eam_for_element(potential_path, s.element, "element"));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = s.element;
  table.a_A = s.a_A;
  ProgressLine progress("EAM E_dis", static_cast<long>(2 * s.facets.size()), "calculations");
  long done = 0;
  for (const std::string method : {"cut-crystal", "slab"}) {
    md::EamFacetSettings settings = s.eam.facet;
    settings.method = method;
    settings.a_A = s.a_A;
    settings.cells = s.geometry.cells;
    for (const auto& hkl : s.facets) {
      const md::EamFacetResult r =
          md::eam_facet_energy(potential, slabs::reduce_miller(hkl), settings);
      table.facets.push_back(r.unrelaxed);
      table.facets.push_back(r.relaxed);
      progress.update(++done);
    }
  }
  progress.finish();
  slabs::check_e_dis_positive(table, "a",
                              format("a = %g Å is likely far from the potential's equilibrium for "
                                     "%s: check the job file's a and [eam] potential",
                                     s.a_A, s.element.c_str()));
  write_resumable_facet_table(file, table, key);
  result.status = "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = "facets_eam.json: " + std::to_string(table.facets.size()) + " entries with " +
                potential_path.filename().string();
  return table;
}

}  // namespace fw::pipeline
