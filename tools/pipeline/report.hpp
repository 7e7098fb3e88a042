/// \file report.hpp
/// \brief The human report of `facetweld run`: report.md and report.html (self-contained, SVG
/// inline) with the figures, numbers side by side
/// with the paper, and why they differ.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "md/weld/study.hpp"
#include "slabs/facet_table.hpp"
#include "tools/pipeline/run_settings.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

struct RunResults {
  nlohmann::json geometry;
  std::optional<slabs::FacetTable> eam;
  std::optional<slabs::FacetTable> dft;
  std::optional<md::WeldStudy> weld;
  std::vector<StageResult> stages;
};

/// The paper's E_dis (Adv. Sci. 2025, VASP PBE, 500-atom cut crystal of gold), eV/Å²; NaN for
/// another element or a facet it does not report.
double paper_e_dis_eV_per_A2(const std::string& element, const slabs::Miller& hkl);

/// Facets ordered from the largest E_dis to the smallest, e.g. "(100) > (110) > (111)".
std::string ranking(const std::vector<std::pair<slabs::Miller, double>>& values);

/// Writes report.md, report.html, edis.svg and (with a welding study) energy_release.svg into
/// `out`.
void write_report(const std::filesystem::path& out, const RunSettings& settings,
                  const RunResults& results);

}  // namespace fw::pipeline
