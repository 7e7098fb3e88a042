/// \file test_weld_run.cpp
/// \brief A short welding run: energy is released, a neck forms, files are complete, and a rerun
/// resumes instead of recomputing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/units.hpp"
#include "md/weld_study.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

slabs::FacetTable table() {
  slabs::FacetTable t;
  t.engine = "eam";
  t.element = "Au";
  t.a_A = 4.08;
  const std::pair<slabs::Miller, double> gammas[] = {
      {{1, 0, 0}, 0.915}, {{1, 1, 0}, 0.977}, {{1, 1, 1}, 0.786}};
  for (const auto& [hkl, gamma] : gammas) {
    slabs::FacetEntry e;
    e.hkl = hkl;
    e.e_dis_eV_per_A2 = units::J_per_m2_to_eV_per_A2(2 * gamma);
    e.relaxed = true;
    t.facets.push_back(e);
  }
  return t;
}

WeldSettings tiny() {
  WeldSettings s;
  s.potential = test::kAuU3;
  s.rod.radius_A = 6.0;
  s.rod.length_A = 30.0;
  s.angles_deg = {0, 60};
  s.time_ps = 0.3;
  s.sample_every_ps = 0.1;
  s.trajectory_every_ps = 0.1;
  return s;
}

TEST(WeldRun, TouchingRodsReleaseEnergyAndFormANeck) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_SKIP() << "Au_u3.eam not installed";
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_run_test";
  std::filesystem::remove_all(dir);
  const WeldStudy study = run_weld_study(tiny(), table(), dir);
  ASSERT_EQ(study.results.size(), 2u);
  for (const WeldResult& r : study.results) {
    EXPECT_GT(r.energy_release_eV, 0.5) << r.initial_angle_deg;
    EXPECT_NEAR(r.e_rod2_eV, r.e_rod1_eV, 1e-6);  // EAM is isotropic: rotated copy, same energy
    EXPECT_LT(r.e_welded_eV, r.e_contact_start_eV);
    EXPECT_GT(r.quenched.neck_bridge_atoms, 4);
    EXPECT_GT(r.quenched.neck_radius_A, 1.0);
    EXPECT_EQ(r.samples.size(), 4u);  // t = 0, 0.1, 0.2, 0.3 ps
    EXPECT_TRUE(r.quench_converged);
  }
  // Head-on (100)/(100) contact in registry releases more than a 60° corner contact.
  EXPECT_GT(study.results[0].energy_release_eV, study.results[1].energy_release_eV);
  // Aligned rods in registry stay aligned (the 60° pair of such small rods may turn a lot).
  EXPECT_LT(study.results[0].final_angle_deg, 10.0);

  for (const char* f : {"weld.json", "weld.csv", "angle_000/result.json", "angle_000/thermo.csv",
                        "angle_000/trajectory.extxyz", "angle_000/final.extxyz",
                        "angle_060/timeseries.csv", "angle_060/initial.extxyz"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  // Trajectory: initial frame and 3 sampled frames and the quenched frame, with rod and cna tags.
  std::ifstream traj(dir / "angle_000/trajectory.extxyz");
  std::string line;
  int frames = 0;
  while (std::getline(traj, line))
    if (line.find("Properties=species:S:1:pos:R:3:rod:I:1:cna:I:1") != std::string::npos) ++frames;
  EXPECT_EQ(frames, 5);

  // Rerun: both angles are read back, with identical numbers.
  const WeldStudy again = run_weld_study(tiny(), table(), dir);
  ASSERT_EQ(again.resumed.size(), 2u);
  EXPECT_TRUE(again.resumed[0] && again.resumed[1]);
  EXPECT_DOUBLE_EQ(again.results[1].energy_release_eV, study.results[1].energy_release_eV);
  // A changed setting reruns that angle.
  WeldSettings longer = tiny();
  longer.angles_deg = {60};
  longer.time_ps = 0.2;
  const WeldStudy rerun = run_weld_study(longer, table(), dir);
  EXPECT_FALSE(rerun.resumed[0]);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
