/// \file test_weld_batch.cpp
/// \brief `facetweld weld --engine lammps --scheduler local`: every run's deck a job of the
/// batch-system interface, tracked in its registry. A rerun after a kill watches the jobs still
/// running instead of starting them again, a finished job whose dumps are there is read back, and
/// a failed job stops the study with its folder and log named and no complete weld.json.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "md_test_helpers.hpp"
#include "slabs/facet_table.hpp"
#include "tests/cli_runner.hpp"

namespace fw::md {
namespace {

namespace fs = std::filesystem;
using fw::test::quote;
using fw::test::run_facetweld;
using fw::test::run_shell;

/// Two 113-atom rods tip to tip in vacuum, one angle, one seed and its control: 2 LAMMPS runs of
/// 100 steps.
const std::string kStudyNoEngine =
    "weld --facets facets.json --mode tip --substrate none --radius 6 --length 20 --angles 30 "
    "--seeds 1 --time-ps 0.1 ";
const std::string kStudy = kStudyNoEngine + "--engine lammps ";

using fw::test::count_occurrences;
using fw::test::read_json;

/// The numbers of a weld.json section without the wall times.
nlohmann::json numbers(nlohmann::json j) {
  if (j.is_object()) {
    j.erase("wall_s");
    for (auto& [key, value] : j.items()) value = numbers(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = numbers(value);
  }
  return j;
}

class WeldBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::have_lammps()) GTEST_FAIL() << "lmp or lammps-data not installed";
    // One folder per test and process: ctest runs these tests side by side.
    dir_ = fs::path(::testing::TempDir()) /
           ("fw_weld_batch_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    slabs::write_facet_table(dir_ / "facets.json", test::au_eam_facet_table());
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);  // a failed test's folder stays for inspection
  }
  /// An executable shell script in the test folder.
  fs::path script(const std::string& name, const std::string& body) const {
    const fs::path path = dir_ / name;
    std::ofstream(path) << "#!/bin/sh\n" << body;
    fs::permissions(path, fs::perms::owner_all);
    return path;
  }
  fs::path dir_;
};

TEST_F(WeldBatch, RerunAfterKillWatchesTheRunningJobsAndEqualsTheDirectRun) {
  const auto direct = run_facetweld(kStudy + "--workers 2 -o direct", dir_);
  ASSERT_EQ(direct.exit_code, 0) << direct.output;
  // Kill facetweld once both jobs are submitted: the detached lmp processes go on.
  const std::string batch = quote(FACETWELD_BINARY) + " " + kStudy + "--scheduler local -o batch";
  const auto first = run_shell(
      "cd " + quote(dir_) + " && { " + batch +
      " > first.log 2>&1 & pid=$!; for i in $(seq 600); "
      "do [ \"$(grep -c ': submitted (local' first.log)\" -ge 2 ] && break; sleep 0.05; done; "
      "kill -9 $pid; wait $pid; cat first.log; }");
  ASSERT_EQ(count_occurrences(first.output, ": submitted (local"), 2u) << first.output;
  ASSERT_NE(read_json(dir_ / "batch/weld.json").at("status"), "complete");

  const auto second = run_shell("cd " + quote(dir_) + " && " + batch);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(count_occurrences(second.output, ": submitted"), 0u) << second.output;
  EXPECT_EQ(count_occurrences(second.output, ", watching it"), 2u) << second.output;
  EXPECT_EQ(count_occurrences(second.output, "weld [2/2]"), 1u)
      << second.output;  // the progress line

  const auto a = read_json(dir_ / "direct/weld.json"), b = read_json(dir_ / "batch/weld.json");
  EXPECT_EQ(b.at("status"), "complete");
  // Same deck, same lmp, each run analysed on one thread in both: the same numbers.
  for (const char* key : {"rod", "runs", "controls", "summary"})
    EXPECT_EQ(numbers(b.at(key)), numbers(a.at(key))) << key;
  EXPECT_GT(b.at("runs").at(0).at("energy_release_raw_eV").get<double>(), 1.0);  // it welded
}

TEST_F(WeldBatch, FinishedJobWithItsDumpsIsReadBackAndOneWithoutIsRunAgain) {
  // lmp, keeping a copy of the samples dump that the analysis deletes once read.
  const fs::path lmp =
      script("lmp_keep", "lmp \"$@\"; rc=$?; cp samples.dump samples.keep; exit $rc\n");
  const std::string study = kStudy + "--lmp " + quote(lmp) + " --scheduler local -o out";
  ASSERT_EQ(run_facetweld(study, dir_).exit_code, 0);
  const double release =
      read_json(dir_ / "out/weld.json").at("controls").at(0).at("energy_release_raw_eV");
  // A study killed after the job ended but before its analysis: no result.json, dumps there.
  const fs::path run = dir_ / "out/control/seed_1";
  fs::remove(run / "result.json");
  fs::copy_file(run / "lammps/samples.keep", run / "lammps/samples.dump");
  const auto again = run_facetweld(study, dir_);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("control/seed_1/lammps: finished earlier (local"), std::string::npos)
      << again.output;
  EXPECT_EQ(count_occurrences(again.output, ": submitted"), 0u) << again.output;
  const auto j = read_json(dir_ / "out/weld.json");
  EXPECT_EQ(j.at("status"), "complete");
  EXPECT_EQ(j.at("controls").at(0).at("energy_release_raw_eV").get<double>(), release);

  // Without its dump the job runs again (once).
  fs::remove(run / "result.json");
  const auto rerun = run_facetweld(study, dir_);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("samples.dump is gone: running it again"), std::string::npos)
      << rerun.output;
  EXPECT_EQ(count_occurrences(rerun.output, ": submitted (local"), 1u) << rerun.output;
  EXPECT_EQ(read_json(dir_ / "out/weld.json").at("controls").at(0).at("energy_release_raw_eV"),
            release);
}

TEST_F(WeldBatch, FailedJobNamesItsFolderAndLogAndNoWeldJsonClaimsComplete) {
  const fs::path crash =
      script("lmp_crash", "echo 'ERROR: Unrecognized pair style (fake)' > log.lammps; exit 1\n");
  const auto failed =
      run_facetweld(kStudy + "--lmp " + quote(crash) + " --scheduler local -o a", dir_);
  EXPECT_EQ(failed.exit_code, 2) << failed.output;
  EXPECT_NE(failed.output.find("facetweld: error: " + (dir_ / "a").string()), std::string::npos)
      << failed.output;
  EXPECT_NE(failed.output.find("/seed_1/lammps/log.lammps: LAMMPS job local"), std::string::npos)
      << failed.output;
  EXPECT_NE(failed.output.find("LAMMPS exit code 1 (ERROR: Unrecognized pair style (fake)"),
            std::string::npos)
      << failed.output;
  EXPECT_EQ(read_json(dir_ / "a/weld.json").at("status"), "incomplete");
  EXPECT_TRUE(read_json(dir_ / "a/weld.json").at("summary").empty());

  // Exit code 0 but no dump: failed as well.
  const fs::path silent = script("lmp_silent", "echo 'LAMMPS (fake)' > log.lammps; exit 0\n");
  const auto empty =
      run_facetweld(kStudy + "--lmp " + quote(silent) + " --scheduler local -o b", dir_);
  EXPECT_EQ(empty.exit_code, 2) << empty.output;
  EXPECT_NE(empty.output.find("LAMMPS wrote no final_md.dump"), std::string::npos) << empty.output;
  EXPECT_EQ(read_json(dir_ / "b/weld.json").at("status"), "incomplete");
}

TEST_F(WeldBatch, SchedulerOptionsAreCheckedBeforeAnythingIsWritten) {
  const auto native = run_facetweld(kStudyNoEngine + "--scheduler slurm -o n", dir_);
  EXPECT_EQ(native.exit_code, 2);
  EXPECT_NE(native.output.find("--scheduler: batch jobs are LAMMPS decks: add --engine lammps"),
            std::string::npos)
      << native.output;
  const auto walltime = run_facetweld(kStudy + "--scheduler slurm --walltime 3h -o w", dir_);
  EXPECT_EQ(walltime.exit_code, 2);
  EXPECT_NE(walltime.output.find("--walltime: expected [D-]HH:MM:SS, got '3h'"), std::string::npos)
      << walltime.output;
  const auto kind = run_facetweld(kStudy + "--scheduler lsf -o k", dir_);
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_NE(kind.output.find("--scheduler: expected local, slurm or pbs, got 'lsf'"),
            std::string::npos)
      << kind.output;
  for (const char* out : {"n", "w", "k"}) EXPECT_FALSE(fs::exists(dir_ / out)) << out;
}

}  // namespace
}  // namespace fw::md
