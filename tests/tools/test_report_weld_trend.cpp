/// \file test_report_weld_trend.cpp
/// \brief The report of `facetweld run` states the welding study's trend test in one sentence,
/// with the rotation towards alignment per angle (md/weld/trend.hpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "md/weld/trend.hpp"
#include "tools/pipeline/report.hpp"

namespace fw::pipeline {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// A study of the defaults' size (3 seeds, 1 ps, 429-atom rods) whose releases fall with angle.
md::WeldStudy small_study() {
  md::WeldStudy study;
  const double releases[4][3] = {{30, 34, 28}, {31, 27, 29}, {22, 25, 22}, {20, 24, 21.5}};
  std::vector<md::WeldTrendRun> runs;
  for (int a = 0; a < 4; ++a)
    for (int k = 0; k < 3; ++k) {
      md::WeldResult r;
      r.initial_angle_deg = 20.0 * a;
      r.seed = static_cast<std::uint64_t>(k + 1);
      r.atoms_per_rod = 429;
      r.energy_release_eV = releases[a][k];
      r.angle_end_of_dynamics_deg = r.final_angle_deg = 20.0 * a - 1.0;
      r.rotation_deg = 1.0;
      study.results.push_back(r);
      runs.push_back({r.initial_angle_deg, r.energy_release_eV, 1.0, 1.0, 2.0});
    }
  study.trend = md::weld_trend(runs, 1.0, 429);
  return study;
}

TEST(ReportWeldTrend, TheDefaultSizedRunSaysWhetherTheReleaseFallsAndThatItIsADemonstration) {
  const auto dir = std::filesystem::temp_directory_path() / "fw_report_weld_trend";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  RunResults results;
  results.weld = small_study();
  write_report(dir, default_run_settings(), results);
  const std::string md = read_text(dir / "report.md");
  const std::string sentence = md::weld_trend_sentence(results.weld->trend);
  EXPECT_NE(md.find("**Does the release fall with angle?** " + sentence), std::string::npos) << md;
  for (const char* part :
       {"falls monotonically with angle", "Spearman ρ = -0.87", "p = 0.00028", "demonstration",
        "rods of 429 atoms", "docs/weld.md", "rotation towards alignment, end of MD (°)",
        "| 20 | 3 | 29.00 ± 2.00 | 1.15 | 1.0 ± 0.0 | 1.0 ± 0.0 | 2.0 |"})
    EXPECT_NE(md.find(part), std::string::npos) << part << "\n" << md;
  EXPECT_NE(read_text(dir / "report.html").find("Does the release fall with angle?"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::pipeline
