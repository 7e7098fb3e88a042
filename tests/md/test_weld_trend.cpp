/// \file test_weld_trend.cpp
/// \brief The trend test of a welding study (md/weld/trend.hpp): slope ± standard error,
/// Spearman's ρ and its p-value against scipy and a hand computation on a small table with ties;
/// the adequacy criteria and the report sentence; the weld.json `trend` block of a tiny study.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "md/weld/settings.hpp"
#include "md/weld/study.hpp"
#include "md/weld/trend.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

// Three seeds at 0, 20, 40, 60°; ties in the angle (every seed of an angle) and in the release
// (22.0 twice at 40°).
const std::vector<double> kAngles = {0, 0, 0, 20, 20, 20, 40, 40, 40, 60, 60, 60};
const std::vector<double> kReleases = {30.0, 34.0, 28.0, 31.0, 27.0, 29.0,
                                       22.0, 25.0, 22.0, 20.0, 24.0, 21.5};

// Independent reference: scipy 1.10.1,
//   r = scipy.stats.linregress(kAngles, kReleases); rho, p = scipy.stats.spearmanr(kAngles, ...)
// r.slope -0.1625, r.stderr 0.029895651857753492, r.intercept 31.0, r.pvalue
// 0.00028663093294304396; rho -0.8651809126974003, p 0.00027850939268988725.
// By hand: x̄ = 30, ȳ = 313.5/12 = 26.125, Sxx = 3·(30² + 10² + 10² + 30²) = 6000,
// Sxy = −30·92 − 10·87 + 10·69 + 30·65.5 = −975 → slope = −975/6000 = −0.1625 eV/°, intercept
// 26.125 + 0.1625·30 = 31.0; fitted 31, 27.75, 24.5, 21.25 at 0/20/40/60° leave residual² sums
// 19 + 12.6875 + 12.75 + 9.1875 = 53.625, s² = 53.625/10, s.e. = sqrt(5.3625/6000) = 0.0298957.
// Ranks: angles 2, 5, 8, 11 (each three-way tie averaged); releases 10, 12, 8 | 11, 7, 9 |
// 3.5, 6, 3.5 | 1, 5, 2 (the two 22.0 share 3 and 4). Deviations of the angle ranks from 6.5:
// ∓4.5, ∓1.5, so Σ dx·ry = −4.5·30 − 1.5·27 + 1.5·13 + 4.5·8 = −120; Σ dx² = 135;
// Σ (ry − 6.5)² = 143 − 0.5 (the tie) = 142.5; ρ = −120/sqrt(135·142.5) = −0.865181;
// t = ρ·sqrt(10/(1 − ρ²)) = −5.456 with 10 degrees of freedom → p = 2.785e-4.
TEST(WeldTrend, SlopeStderrRhoAndPOfATableWithTiesMatchScipyAndTheHandComputation) {
  const LineFit fit = least_squares_line(kAngles, kReleases);
  EXPECT_EQ(fit.n, 12);
  EXPECT_NEAR(fit.slope, -0.1625, 1e-14);
  EXPECT_NEAR(fit.slope_stderr, 0.029895651857753492, 1e-14);
  EXPECT_NEAR(fit.intercept, 31.0, 1e-12);
  EXPECT_NEAR(fit.slope_p_two_sided, 0.00028663093294304396, 1e-12);
  const RankCorrelation rho = spearman_rank_correlation(kAngles, kReleases);
  EXPECT_EQ(rho.n, 12);
  EXPECT_NEAR(rho.rho, -0.8651809126974003, 1e-14);
  EXPECT_NEAR(rho.p_two_sided, 0.00027850939268988725, 1e-12);
}

TEST(WeldTrend, TiedValuesShareTheAverageOfTheirRanks) {
  EXPECT_EQ(average_ranks({5, 1, 5}), (std::vector<double>{2.5, 1, 2.5}));
  EXPECT_EQ(average_ranks({2, 2, 2, 0}), (std::vector<double>{3, 3, 3, 1}));
  EXPECT_EQ(average_ranks(kReleases),
            (std::vector<double>{10, 12, 8, 11, 7, 9, 3.5, 6, 3.5, 1, 5, 2}));
}

// scipy: spearmanr([1,2,3,4],[1,2,3,5]) → 1.0, p 0.0; linregress/spearmanr of (0,1), (10,3),
// (20,2): slope 0.05, stderr 0.0866025, p 0.666667; ρ 0.5, p 0.666667.
TEST(WeldTrend, EdgeCasesFollowScipyAndUndefinedIsNaN) {
  const RankCorrelation perfect = spearman_rank_correlation({1, 2, 3, 4}, {1, 2, 3, 5});
  EXPECT_DOUBLE_EQ(perfect.rho, 1.0);
  EXPECT_EQ(perfect.p_two_sided, 0.0);
  const LineFit three = least_squares_line({0, 10, 20}, {1, 3, 2});
  EXPECT_NEAR(three.slope, 0.05, 1e-15);
  EXPECT_NEAR(three.slope_stderr, 0.08660254037844388, 1e-15);
  EXPECT_NEAR(three.slope_p_two_sided, 0.6666666666666667, 1e-12);
  const RankCorrelation r3 = spearman_rank_correlation({0, 10, 20}, {1, 3, 2});
  EXPECT_NEAR(r3.rho, 0.5, 1e-15);
  EXPECT_NEAR(r3.p_two_sided, 0.6666666666666667, 1e-12);
  EXPECT_TRUE(std::isnan(least_squares_line({0, 10}, {1, 2}).slope));              // n < 3
  EXPECT_TRUE(std::isnan(least_squares_line({5, 5, 5}, {1, 2, 3}).slope));         // x constant
  EXPECT_TRUE(std::isnan(spearman_rank_correlation({0, 10, 20}, {4, 4, 4}).rho));  // y constant
}

TEST(WeldTrend, AngleDriftIsTheSlopeOverTheLastQuarterOfTheDynamics) {
  std::vector<double> t, angle;
  for (int i = 0; i <= 10; ++i) {
    t.push_back(0.1 * i);
    angle.push_back(i <= 7 ? 20.0 - 10.0 * t.back() : 13.0 - 5.0 * (t.back() - 0.7));
  }
  // Samples at 0.8, 0.9, 1.0 ps: −5°/ps over the last 0.25 ps.
  EXPECT_NEAR(angle_drift_last_quarter_deg(t, angle, 1.0), -1.25, 1e-12);
  EXPECT_TRUE(std::isnan(angle_drift_last_quarter_deg({0, 0.1, 0.2, 0.3}, {1, 2, 3, 4}, 0.3)));
}

std::vector<WeldTrendRun> table_runs(double drift_deg) {
  std::vector<WeldTrendRun> runs;
  for (std::size_t i = 0; i < kAngles.size(); ++i)
    runs.push_back({kAngles[i], kReleases[i], 0.1 * static_cast<double>(i), 0.0, drift_deg});
  return runs;
}

// Per-angle means 30.67, 29.0, 23.0, 21.83 fall angle to angle; the pooled s.d. over the four
// angles (8 degrees of freedom) is sqrt(40.8333/8) = 2.25924 eV, so the seeds resolve
// t(0.975, 8)·2.25924·sqrt(2/3) = 2.306004·1.844685 = 4.2538 eV (scipy.stats.t.ppf) between
// neighbouring means, more than the fitted step 0.1625·20 = 3.25 eV.
TEST(WeldTrend, TheTableFallsMonotonicallyButIsTooSmallForTheTestToMeanAnything) {
  const WeldTrend t = weld_trend(table_runs(2.0), 1.0, 465);
  EXPECT_EQ(t.n_runs, 12);
  EXPECT_TRUE(t.means_fall_angle_to_angle);
  EXPECT_EQ(t.verdict, "falls monotonically");
  ASSERT_EQ(t.angles.size(), 4u);
  EXPECT_NEAR(t.angles[0].release_eV.mean, 92.0 / 3, 1e-12);
  EXPECT_NEAR(t.angles[0].release_eV.std, 3.0550504633038935, 1e-12);
  EXPECT_NEAR(t.angles[0].release_stderr_eV, 1.763834207376394, 1e-12);
  EXPECT_NEAR(t.angles[1].rotation_end_of_dynamics_deg.mean, 0.4, 1e-12);  // runs 3, 4, 5
  EXPECT_NEAR(t.angles[1].rotation_end_of_dynamics_deg.std, 0.1, 1e-12);
  const WeldTrendAdequacy& q = t.adequacy;
  EXPECT_EQ(q.min_seeds_per_angle, 3);
  EXPECT_FALSE(q.enough_seeds);
  EXPECT_TRUE(q.enough_angles);
  EXPECT_NEAR(q.step_resolution_eV, 4.2537981269419625, 1e-8);
  EXPECT_NEAR(q.fitted_step_eV, 3.25, 1e-12);
  EXPECT_FALSE(q.steps_resolved);
  EXPECT_EQ(q.runs_still_rotating, 12);
  EXPECT_FALSE(q.rotation_settled);
  EXPECT_FALSE(q.rods_large_enough);
  EXPECT_FALSE(q.enough);

  const std::string s = weld_trend_sentence(t);
  for (const char* part :
       {"falls monotonically with angle", "slope -0.163 ± 0.030 eV/°", "Spearman ρ = -0.87",
        "p = 0.00028", "30.7, 29.0, 23.0, 21.8 eV at 0/20/40/60°", "demonstration",
        "3 seeds per angle where 5 are needed", "resolved to 4.3 eV against a fitted step of 3.2",
        "12 of 12 runs still turning by more than 1° over the last quarter of 1 ps",
        "rods of 465 atoms where 4,000", "docs/weld.md"})
    EXPECT_NE(s.find(part), std::string::npos) << part << "\n" << s;
}

TEST(WeldTrend, AStudyOfManySeedsLongRunsAndLargeRodsMeetsEveryCriterion) {
  std::vector<WeldTrendRun> runs;
  const double noise[5] = {-0.4, 0.3, 0.1, -0.2, 0.2};
  for (double angle : {0.0, 20.0, 40.0, 60.0, 80.0})
    for (double e : noise) runs.push_back({angle, 40.0 - 0.2 * angle + e, 5.0, 4.0, 0.3});
  const WeldTrend t = weld_trend(runs, 50.0, 4500);
  EXPECT_EQ(t.verdict, "falls monotonically");
  EXPECT_NEAR(t.fit.slope, -0.2, 1e-12);
  EXPECT_TRUE(t.adequacy.steps_resolved);
  EXPECT_TRUE(t.adequacy.rotation_settled);
  EXPECT_TRUE(t.adequacy.enough);
  const std::string s = weld_trend_sentence(t);
  EXPECT_NE(s.find("large and long enough"), std::string::npos) << s;
  EXPECT_NE(s.find("rods of 4,500 atoms"), std::string::npos) << s;
  EXPECT_EQ(s.find("demonstration"), std::string::npos) << s;

  // The same runs with the 40° means raised above the 20° ones: a fall, not a monotonic one.
  for (WeldTrendRun& r : runs)
    if (r.angle_deg == 40.0) r.release_eV += 5.0;
  EXPECT_EQ(weld_trend(runs, 50.0, 4500).verdict, "falls, not monotonically");
  // Rising releases.
  for (WeldTrendRun& r : runs) r.release_eV = 10.0 + 0.2 * r.angle_deg;
  EXPECT_EQ(weld_trend(runs, 50.0, 4500).verdict, "rises");
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

/// The cheapest study of tests/md/test_weld_run.cpp: end to end in vacuum, 2 angles × 2 seeds.
TEST(WeldTrend, WeldJsonOfATinyStudyHasTheTrendBlockOfItsRuns) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "Au_u3.eam not installed";
  const WeldSettings s = test::tiny_weld_study();
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_trend_test";
  std::filesystem::remove_all(dir);
  const WeldStudy study = run_weld_study(s, test::au_eam_facet_table(), dir);

  const nlohmann::json j = read_json(dir / "weld.json");
  ASSERT_TRUE(j.contains("trend"));
  const nlohmann::json& t = j.at("trend");
  std::vector<double> angle, release;
  for (const auto& run : j.at("runs")) {
    angle.push_back(run.at("angle_deg"));
    release.push_back(run.at("energy_release_eV"));
  }
  ASSERT_EQ(angle.size(), 4u);
  EXPECT_EQ(t.at("n_runs"), 4);
  const LineFit fit = least_squares_line(angle, release);
  const RankCorrelation rho = spearman_rank_correlation(angle, release);
  EXPECT_DOUBLE_EQ(t.at("slope_eV_per_deg").get<double>(), fit.slope);
  EXPECT_DOUBLE_EQ(t.at("slope_stderr_eV_per_deg").get<double>(), fit.slope_stderr);
  EXPECT_DOUBLE_EQ(t.at("spearman_rho").get<double>(), rho.rho);
  EXPECT_DOUBLE_EQ(t.at("spearman_p_two_sided").get<double>(), rho.p_two_sided);
  ASSERT_EQ(t.at("per_angle").size(), 2u);
  for (std::size_t a = 0; a < 2; ++a) {
    const auto& pa = t.at("per_angle")[a];
    const auto& sum = j.at("summary")[a];
    EXPECT_EQ(pa.at("angle_deg"), sum.at("angle_deg"));
    EXPECT_EQ(pa.at("n_seeds"), 2);
    EXPECT_DOUBLE_EQ(pa.at("energy_release_eV_mean").get<double>(),
                     sum.at("energy_release_eV_mean").get<double>());
    // Rotation towards alignment: initial θ − θ, end of MD and after the quench, over the seeds.
    double end = 0, quench = 0;
    for (const auto& run : j.at("runs"))
      if (run.at("angle_deg") == sum.at("angle_deg")) {
        end +=
            run.at("angle_deg").get<double>() - run.at("angle_end_of_dynamics_deg").get<double>();
        quench +=
            run.at("angle_deg").get<double>() - run.at("angle_after_quench_deg").get<double>();
      }
    EXPECT_NEAR(pa.at("rotation_end_of_dynamics_deg_mean").get<double>(), end / 2, 1e-12);
    EXPECT_NEAR(pa.at("rotation_after_quench_deg_mean").get<double>(), quench / 2, 1e-12);
    EXPECT_TRUE(pa.contains("rotation_end_of_dynamics_deg_std"));
    EXPECT_TRUE(pa.contains("rotation_after_quench_deg_std"));
    EXPECT_TRUE(pa.contains("energy_release_eV_stderr"));
  }
  // Samples at 0, 0.1, 0.2, 0.3 ps leave one in the last quarter: the drift is not measured.
  const nlohmann::json& q = t.at("adequacy");
  EXPECT_EQ(q.at("enough"), false);
  EXPECT_EQ(q.at("min_seeds_per_angle"), 2);
  EXPECT_EQ(q.at("n_angles"), 2);
  EXPECT_EQ(q.at("runs_with_drift"), 0);
  EXPECT_EQ(q.at("rotation_settled"), false);
  EXPECT_EQ(q.at("atoms_per_rod"), static_cast<long>(study.rod.lattice.size()));
  EXPECT_EQ(t.at("criteria").at("min_seeds_per_angle"), 5);
  const std::string sentence = t.at("sentence");
  EXPECT_EQ(sentence, weld_trend_sentence(study.trend));
  EXPECT_NE(sentence.find("demonstration"), std::string::npos) << sentence;
  EXPECT_NE(sentence.find("2 angles where 4 are needed"), std::string::npos) << sentence;
  EXPECT_NE(sentence.find("not measured in 4 runs"), std::string::npos) << sentence;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
