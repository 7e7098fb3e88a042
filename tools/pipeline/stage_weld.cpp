/// \file stage_weld.cpp
/// \brief Welding stage: two Wulff-shaped rods (γ from the EAM facet table) at each angle and
/// seed, with the control pair (md::WeldSettings defaults: side by side on graphene).
#include <algorithm>
#include <chrono>

#include "tools/pipeline/stages.hpp"
#include "tools/pipeline/weld_plots.hpp"

namespace fw::pipeline {

std::optional<md::WeldStudy> run_weld_stage(const RunSettings& s, const slabs::FacetTable& facets,
                                            const std::filesystem::path& out, StageResult& result) {
  result.name = "weld";
  if (!s.weld.enabled) {
    result.status = "skipped";
    result.note = "disabled";
    return std::nullopt;
  }
  const auto start = std::chrono::steady_clock::now();
  md::WeldSettings settings = s.weld.study;
  settings.potential = s.eam.facet.potential;
  const auto dir = out / "weld";
  md::WeldStudy study =
      md::run_weld_study(settings, facets, dir, (out / "facets_eam.json").string());
  write_weld_plots(study, dir);
  const long resumed = std::count(study.resumed.begin(), study.resumed.end(), true);
  result.status = resumed == static_cast<long>(study.results.size()) ? "resumed" : "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = std::to_string(settings.angles_deg.size()) + " angles x " +
                std::to_string(settings.seeds) + " seeds + control (" + settings.mode + ", " +
                settings.substrate + "), " + std::to_string(study.rod.lattice.size()) +
                " atoms per rod, " + std::to_string(settings.time_ps).substr(0, 4) +
                " ps each, in weld/";
  return study;
}

}  // namespace fw::pipeline
