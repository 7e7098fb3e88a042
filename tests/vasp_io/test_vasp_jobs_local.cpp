/// \file test_vasp_jobs_local.cpp
/// \brief End to end on this machine: prepare → run (stand-in VASP replaying corpus outputs, one
/// real failure repaired) → status → collect; resume, crash recovery, two concurrent runs.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/vasp_io/jobs_fixture.hpp"
#include "vasp_io/jobs/registry.hpp"

using namespace fw::vasp;
using namespace fw::vasp::test;

namespace {
std::string run_args() {
  return "vasp run jobs --local --poll 0.2 --vasp-cmd " + quote(kFakeVasp);
}
}  // namespace

TEST_F(PaperJobsFixture, LocalRunRepairsEdddavAndCollectsPymatgenEnergies) {
  prepare();
  const auto run = facetweld(run_args());
  ASSERT_EQ(run.exit_code, 0) << run.text;
  EXPECT_NE(run.text.find("edddav"), std::string::npos) << run.text;

  Registry registry(jobs_);
  for (const auto& job : registry.jobs()) EXPECT_EQ(job.state, job_state::done) << job.name;
  const auto part1 = registry.job("100/part1").value();
  EXPECT_EQ(part1.attempts, 2);
  EXPECT_EQ(part1.fixes, 1);
  bool fix_recorded = false;
  for (const auto& h : registry.history("100/part1")) {
    if (h.event != "fix") continue;
    const auto detail = nlohmann::json::parse(h.detail);
    EXPECT_EQ(detail["error"], "edddav");
    EXPECT_NE(h.detail.find("INCAR: ALGO = All"), std::string::npos) << h.detail;
    fix_recorded = true;
  }
  EXPECT_TRUE(fix_recorded);
  EXPECT_TRUE(fs::exists(jobs_ / "100/part1/attempt_1/vasp.out"));
  EXPECT_EQ(registry.job("100/crystal")->attempts, 1);

  const auto status = facetweld("vasp status jobs");
  EXPECT_EQ(status.exit_code, 0) << status.text;
  EXPECT_NE(status.text.find("3 jobs: 3 done"), std::string::npos) << status.text;

  const auto collect = facetweld("vasp collect jobs --json facets.json");
  ASSERT_EQ(collect.exit_code, 0) << collect.text;
  std::ifstream in(dir_ / "facets.json");
  const auto table = nlohmann::json::parse(in);
  EXPECT_EQ(table["engine"], "vasp");
  ASSERT_EQ(table["facets"].size(), 1u);
  const auto& facet = table["facets"][0];
  EXPECT_EQ(facet["method"], "cut-crystal");
  EXPECT_EQ(facet["relaxed"], false);
  EXPECT_NEAR(facet["e_dis_eV_per_A2"].get<double>(), expected_e_dis(), 1e-9);
  EXPECT_NEAR(facet["gamma_J_per_m2"].get<double>(),
              facet["e_dis_eV_per_A2"].get<double>() / 2 * 16.02176634, 1e-9);

  // Rerunning skips finished jobs: VASP is not started again.
  const int before = starts("100/crystal") + starts("100/part1") + starts("100/part2");
  EXPECT_EQ(before, 4);
  const auto again = facetweld(run_args());
  ASSERT_EQ(again.exit_code, 0) << again.text;
  EXPECT_EQ(starts("100/crystal") + starts("100/part1") + starts("100/part2"), before);
}

TEST_F(PaperJobsFixture, TwoConcurrentRunsNeverStartAJobTwice) {
  prepare();
  const auto both = shell("cd " + quote(dir_) + " && export FAKE_VASP_CORPUS=" + quote(kCorpus) +
                          " FAKE_VASP_PLAN=" + quote(plan_) + " FAKE_VASP_LOG=" + quote(log_) +
                          " && (" + quote(FACETWELD_BINARY) + " " + run_args() + " & " +
                          quote(FACETWELD_BINARY) + " " + run_args() + "; wait)");
  ASSERT_EQ(both.exit_code, 0) << both.text;
  EXPECT_EQ(starts("100/crystal"), 1);
  EXPECT_EQ(starts("100/part1"), 2);  // the failure and the repaired rerun
  EXPECT_EQ(starts("100/part2"), 1);
  Registry registry(jobs_);
  for (const auto& job : registry.jobs()) EXPECT_EQ(job.state, job_state::done) << job.name;
}

TEST_F(PaperJobsFixture, KilledRunLosesNothingAndResumes) {
  prepare();
  // Kill facetweld while the first VASP attempt is computing; VASP runs on detached.
  const auto killed =
      shell("cd " + quote(dir_) + " && FAKE_VASP_CORPUS=" + quote(kCorpus) +
            " FAKE_VASP_PLAN=" + quote(plan_) + " FAKE_VASP_LOG=" + quote(log_) +
            " FAKE_VASP_SLEEP=3 timeout -s KILL 1.5 " + quote(FACETWELD_BINARY) + " " + run_args());
  EXPECT_EQ(killed.exit_code, 137) << killed.text;
  {
    Registry registry(jobs_);
    const auto crystal = registry.job("100/crystal");
    ASSERT_TRUE(crystal.has_value());
    EXPECT_TRUE(crystal->state == job_state::queued || crystal->state == job_state::running)
        << crystal->state;
  }
  const auto resumed = facetweld(run_args(), "FAKE_VASP_SLEEP=0.2");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.text;
  Registry registry(jobs_);
  for (const auto& job : registry.jobs()) EXPECT_EQ(job.state, job_state::done) << job.name;
  EXPECT_EQ(starts("100/crystal"), 1);  // the attempt that outlived facetweld was adopted
  EXPECT_EQ(registry.job("100/crystal")->attempts, 1);
}
