/// \file test_vasp_jobs_fault_injection.cpp
/// \brief Fault injection: `facetweld vasp run` SIGKILLed at random moments (while VASP — the
/// stand-in replaying real runs — computes, while attempts are judged or repaired), then rerun
/// until done, ends with exactly the facet table, job states and attempts of an uninterrupted run.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/vasp_io/jobs_fixture.hpp"
#include "vasp_io/jobs/registry.hpp"

using namespace fw::vasp;
using namespace fw::vasp::test;

namespace {

std::string run_args(const std::string& jobs) {
  return "vasp run " + jobs + " --local --poll 0.1 --vasp-cmd " + quote(kFakeVasp);
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

struct JobSummary {
  std::string state;
  int attempts, fixes;
  bool operator==(const JobSummary&) const = default;
};

std::map<std::string, JobSummary> summary(const fs::path& jobs) {
  std::map<std::string, JobSummary> out;
  Registry registry(jobs);
  for (const auto& j : registry.jobs()) out[j.name] = {j.state, j.attempts, j.fixes};
  return out;
}

}  // namespace

TEST_F(PaperJobsFixture, RunKilledAtRandomMomentsThenResumedEqualsAnUninterruptedRun) {
  // The uninterrupted reference (its four VASP attempts take at least 4 x 0.4 s, so a kill within
  // 1.5 s always lands inside a run).
  prepare();
  ASSERT_EQ(facetweld(run_args("jobs"), "FAKE_VASP_SLEEP=0.4").exit_code, 0);
  ASSERT_EQ(facetweld("vasp collect jobs --json reference.json").exit_code, 0);
  const auto reference_jobs = summary(jobs_);
  const nlohmann::json reference = read_json(dir_ / "reference.json");
  fs::rename(jobs_, dir_ / "jobs_reference");
  fs::remove(log_);

  std::random_device device;
  const unsigned seed = device();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> kill_after_s(0.05, 1.5);
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    prepare();
    int kills = 0;
    for (int i = 0; i < 8; ++i) {
      const double t = kill_after_s(rng);
      const auto r = shell("cd " + quote(dir_) + " && FAKE_VASP_CORPUS=" + quote(kCorpus) +
                           " FAKE_VASP_PLAN=" + quote(plan_) + " FAKE_VASP_LOG=" + quote(log_) +
                           " FAKE_VASP_SLEEP=0.4 timeout -s KILL " + std::to_string(t) + " " +
                           quote(FACETWELD_BINARY) + " " + run_args("jobs"));
      if (r.exit_code == 0) break;
      ASSERT_EQ(r.exit_code, 137) << r.text;
      ++kills;
    }
    std::printf("round %d: facetweld killed %d time(s) before it finished\n", round, kills);
    EXPECT_GE(kills, 1);
    const auto finish = facetweld(run_args("jobs"), "FAKE_VASP_SLEEP=0.4");
    ASSERT_EQ(finish.exit_code, 0) << finish.text;
    ASSERT_EQ(facetweld("vasp collect jobs --json resumed.json").exit_code, 0);
    EXPECT_EQ(summary(jobs_), reference_jobs) << kills << " kills";
    const nlohmann::json resumed = read_json(dir_ / "resumed.json");
    EXPECT_EQ(resumed["facets"], reference["facets"]) << kills << " kills";
    // Every VASP start is accounted for: no job ran more often than in the reference.
    EXPECT_EQ(starts("100/crystal"), 1);
    EXPECT_EQ(starts("100/part1"), 2);
    EXPECT_EQ(starts("100/part2"), 1);
    fs::remove_all(jobs_);
    fs::remove(log_);
  }
}
