/// \file stage_weld.cpp
/// \brief Welding stage: two Wulff-shaped rods (γ from the native PBE facet table when the DFT
/// stage ran, the EAM one otherwise) at each angle and seed, with the control pair
/// (md::WeldSettings defaults: side by side on graphene).
#include <algorithm>
#include <chrono>

#include "tools/pipeline/stages.hpp"
#include "tools/pipeline/weld_plots.hpp"

namespace fw::pipeline {

std::optional<md::WeldStudy> run_weld_stage(const RunSettings& s,
                                            const std::optional<slabs::FacetTable>& dft,
                                            const std::optional<slabs::FacetTable>& eam,
                                            const std::filesystem::path& out, StageResult& result) {
  result.name = "weld";
  if (!s.weld.enabled || (!dft && !eam)) {
    result.status = "skipped";
    result.note = s.weld.enabled ? "needs a facet table (the EAM or the DFT stage)" : "disabled";
    return std::nullopt;
  }
  const bool from_dft = dft && !dft->facets.empty();
  const slabs::FacetTable& facets = from_dft ? *dft : *eam;
  const std::string facets_file = from_dft ? "facets_native_pbe.json" : "facets_eam.json";
  const auto start = std::chrono::steady_clock::now();
  md::WeldSettings settings = s.weld.study;
  settings.potential = s.eam.facet.potential;
  const auto dir = out / "weld";
  md::WeldStudy study = md::run_weld_study(settings, facets, dir, (out / facets_file).string());
  write_weld_plots(study, dir);
  const long resumed = std::count(study.resumed.begin(), study.resumed.end(), true);
  result.status = resumed == static_cast<long>(study.results.size()) ? "resumed" : "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = std::to_string(settings.angles_deg.size()) + " angles x " +
                std::to_string(settings.seeds) + " seeds + control (" + settings.mode + ", " +
                settings.substrate + "), " + std::to_string(study.rod.lattice.size()) +
                " atoms per rod, " + std::to_string(settings.time_ps).substr(0, 4) +
                " ps each, rods shaped by " + facets_file + ", in weld/";
  return study;
}

}  // namespace fw::pipeline
