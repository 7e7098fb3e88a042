/// \file test_vasp_jobs_slurm.cpp
/// \brief Against a REAL Slurm (munged + slurmctld + slurmd on loopback, started by
/// tests/vasp_io/slurm/with_slurm.sh): submit, track and collect the three-job (100) series, one
/// of whose replayed runs fails with a real EDDDAV error and is repaired and resubmitted.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/vasp_io/jobs_fixture.hpp"
#include "vasp_io/jobs/registry.hpp"

using namespace fw::vasp;
using namespace fw::vasp::test;

TEST_F(PaperJobsFixture, RealSlurmSubmitsTracksRepairsAndCollects) {
  prepare();
  const fs::path with_slurm = fs::path(FACETWELD_SOURCE_DIR) / "tests/vasp_io/slurm/with_slurm.sh";
  const std::string inner = quote(FACETWELD_BINARY) +
                            " vasp run jobs --scheduler slurm --tasks 1 --walltime 00:10:00"
                            " --partition debug --poll 0.5 --timeout 150 --vasp-cmd " +
                            quote(kFakeVasp) + " && " + quote(FACETWELD_BINARY) +
                            " vasp status jobs && " + quote(FACETWELD_BINARY) +
                            " vasp collect jobs --json facets.json";
  const auto run =
      shell("cd " + quote(dir_) + " && export FAKE_VASP_CORPUS=" + quote(kCorpus) +
            " FAKE_VASP_PLAN=" + quote(plan_) + " FAKE_VASP_LOG=" + quote(log_) +
            " FAKE_VASP_SLEEP=1 && " + quote(with_slurm) + " bash -c " + "\"" + inner + "\"");
  if (run.exit_code == 77) GTEST_SKIP() << run.text;
  ASSERT_EQ(run.exit_code, 0) << run.text;

  Registry registry(jobs_);
  for (const auto& job : registry.jobs()) {
    EXPECT_EQ(job.state, job_state::done) << job.name << ": " << job.message;
    EXPECT_EQ(job.scheduler, "slurm") << job.name;
    EXPECT_FALSE(job.scheduler_id.empty()) << job.name;
  }
  const auto part1 = registry.job("100/part1").value();
  EXPECT_EQ(part1.attempts, 2);
  EXPECT_EQ(part1.fixes, 1);
  int submitted = 0;
  for (const auto& h : registry.history("100/part1")) submitted += h.event == "submitted";
  EXPECT_EQ(submitted, 2);
  EXPECT_TRUE(fs::exists(jobs_ / "100/part1/facetweld.sbatch"));
  EXPECT_EQ(starts("100/part1"), 2);
  EXPECT_EQ(starts("100/crystal"), 1);
  EXPECT_NE(run.text.find("3 jobs: 3 done"), std::string::npos) << run.text;

  std::ifstream in(dir_ / "facets.json");
  const auto table = nlohmann::json::parse(in);
  EXPECT_EQ(table["engine"], "vasp");
  ASSERT_EQ(table["facets"].size(), 1u);
  EXPECT_NEAR(table["facets"][0]["e_dis_eV_per_A2"].get<double>(), expected_e_dis(), 1e-9);
}
