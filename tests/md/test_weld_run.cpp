/// \file test_weld_run.cpp
/// \brief A short welding run: energy is released, a neck forms, files are complete, and a rerun
/// resumes instead of recomputing.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/units.hpp"
#include "md/weld/settings.hpp"
#include "md/weld/study.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

slabs::FacetTable table() {
  return test::au_eam_facet_table();
}

WeldSettings tiny() {
  return test::tiny_weld_study();
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

TEST(WeldRun, TouchingRodsReleaseMoreThanTheirControlAndFormANeck) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "Au_u3.eam not installed";
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_run_test";
  std::filesystem::remove_all(dir);
  const WeldStudy study = run_weld_study(tiny(), table(), dir);
  ASSERT_EQ(study.results.size(), 4u);
  ASSERT_EQ(study.controls.size(), 2u);
  // Rods far apart in vacuum: E_separate is twice the relaxed rod (no coupling at 12 Å).
  EXPECT_NEAR(study.rod.e_separate_eV, 2 * study.rod.energy_eV, 1e-6);
  for (const WeldResult& c : study.controls) {
    EXPECT_EQ(c.quenched.neck_bridge_atoms, 0);  // 12 Å apart: never touched
    EXPECT_EQ(c.initial_angle_deg, 0.0);
  }
  EXPECT_NE(study.controls[0].e_welded_eV, study.controls[1].e_welded_eV);  // two seeds differ
  for (std::size_t i = 0; i < study.results.size(); ++i) {
    const WeldResult& r = study.results[i];
    const WeldResult& c = study.controls[i % 2];
    EXPECT_EQ(r.seed, c.seed);
    EXPECT_GT(r.energy_release_raw_eV, 0.5) << r.initial_angle_deg;
    // Welding releases more than the same rods reshaping apart (the control, same seed).
    EXPECT_GT(r.energy_release_raw_eV, c.energy_release_raw_eV + 0.5) << r.initial_angle_deg;
    EXPECT_DOUBLE_EQ(r.energy_release_eV, r.energy_release_raw_eV - c.energy_release_raw_eV);
    EXPECT_LT(r.e_welded_eV, r.e_contact_start_eV);
    EXPECT_GT(r.quenched.neck_bridge_atoms, 4);
    EXPECT_GT(r.quenched.neck_radius_A, 1.0);
    EXPECT_EQ(r.samples.size(), 4u);  // t = 0, 0.1, 0.2, 0.3 ps
    EXPECT_TRUE(r.quench_converged);
  }
  // Head-on (100)/(100) contact in registry releases more than a 60° corner contact.
  ASSERT_EQ(study.summary.size(), 2u);
  EXPECT_GT(study.summary[0].release_eV.mean, study.summary[1].release_eV.mean);
  EXPECT_EQ(study.summary[0].n_seeds, 2);
  const double a = study.results[0].energy_release_eV, b = study.results[1].energy_release_eV;
  EXPECT_NEAR(study.summary[0].release_eV.mean, 0.5 * (a + b), 1e-12);
  EXPECT_NEAR(study.summary[0].release_eV.std, std::abs(a - b) / std::sqrt(2.0), 1e-12);
  EXPECT_LT(study.results[0].angle_end_of_dynamics_deg, 10.0);

  const nlohmann::json j = read_json(dir / "weld.json");
  EXPECT_EQ(j.at("status"), "complete");
  EXPECT_EQ(j.at("settings").at("mode"), "tip");
  EXPECT_EQ(j.at("settings").at("substrate"), "none");
  EXPECT_EQ(j.at("settings").at("seeds"), 2);
  ASSERT_EQ(j.at("runs").size(), 4u);
  for (const char* k :
       {"angle_deg", "seed", "energy_release_raw_eV", "energy_release_eV",
        "angle_end_of_dynamics_deg", "angle_after_quench_deg", "neck", "interface_cna"})
    EXPECT_TRUE(j.at("runs")[0].contains(k)) << k;
  ASSERT_EQ(j.at("controls").size(), 2u);
  EXPECT_TRUE(j.at("controls")[0].contains("energy_release_eV"));
  EXPECT_TRUE(j.at("controls")[0].contains("reshaping"));
  ASSERT_EQ(j.at("summary").size(), 2u);
  for (const char* k : {"angle_deg", "n_seeds", "energy_release_eV_mean", "energy_release_eV_std"})
    EXPECT_TRUE(j.at("summary")[1].contains(k)) << k;

  for (const char* f :
       {"weld.json", "weld.csv", "angle_000/seed_1/result.json", "angle_000/seed_2/thermo.csv",
        "angle_000/seed_1/trajectory.extxyz", "angle_000/seed_1/final.extxyz",
        "angle_060/seed_2/timeseries.csv", "angle_060/seed_1/initial.extxyz",
        "control/seed_1/result.json", "control/seed_2/result.json"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  // Trajectory: initial frame and 3 sampled frames and the quenched frame, with rod and cna tags.
  std::ifstream traj(dir / "angle_000/seed_1/trajectory.extxyz");
  std::string line;
  int frames = 0;
  while (std::getline(traj, line))
    if (line.find("Properties=species:S:1:pos:R:3:rod:I:1:cna:I:1") != std::string::npos) ++frames;
  EXPECT_EQ(frames, 5);

  // A study killed after some runs leaves weld.json "incomplete"; the rerun completes it,
  // reading back the finished runs and running only the missing one.
  std::filesystem::remove_all(dir / "angle_060/seed_2");
  {
    nlohmann::json killed = j;
    killed["status"] = "incomplete";
    std::ofstream(dir / "weld.json") << killed.dump(1);
  }
  const WeldStudy again = run_weld_study(tiny(), table(), dir);
  ASSERT_EQ(again.resumed.size(), 4u);
  EXPECT_TRUE(again.resumed[0] && again.resumed[1] && again.resumed[2]);
  EXPECT_FALSE(again.resumed[3]);
  EXPECT_DOUBLE_EQ(again.results[1].energy_release_eV, study.results[1].energy_release_eV);
  // Same seed, same start, deterministic integrator: the rerun is the same run.
  EXPECT_DOUBLE_EQ(again.results[3].energy_release_eV, study.results[3].energy_release_eV);
  EXPECT_EQ(read_json(dir / "weld.json").at("status"), "complete");
  // A changed setting reruns.
  WeldSettings longer = tiny();
  longer.angles_deg = {60};
  longer.seeds = 1;
  longer.time_ps = 0.2;
  const WeldStudy rerun = run_weld_study(longer, table(), dir);
  EXPECT_FALSE(rerun.resumed[0]);
  std::filesystem::remove_all(dir);
}

TEST(WeldRun, RodsSideBySideOnGrapheneAdsorbAndWeld) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "Au_u3.eam not installed";
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_graphene_test";
  std::filesystem::remove_all(dir);
  WeldSettings s = tiny();
  s.mode = "side";
  s.substrate = "graphene";
  s.angles_deg = {0};
  s.seeds = 1;
  s.time_ps = 0.2;
  const WeldStudy study = run_weld_study(s, table(), dir);
  // Lying on graphene binds the rods: E_separate (apart, on the sheet) below two free rods by at
  // least ~0.05 eV per contact atom (a few tens of bottom-facet atoms per rod).
  EXPECT_LT(study.rod.e_separate_eV, 2 * study.rod.energy_eV - 1.0);
  const WeldResult& r = study.results[0];
  EXPECT_GT(r.substrate_atoms, 500);
  EXPECT_GT(r.energy_release_raw_eV, 0.5);
  EXPECT_GT(r.quenched.neck_bridge_atoms, 4);
  EXPECT_EQ(study.controls[0].quenched.neck_bridge_atoms, 0);
  const nlohmann::json j = read_json(dir / "weld.json");
  EXPECT_NEAR(j.at("settings").at("lj_epsilon_eV").get<double>(), 0.01273, 1e-12);
  EXPECT_NE(j.at("settings").at("au_c_lj_source").get<std::string>().find("16084"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
