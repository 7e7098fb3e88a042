/// \file test_weld_slurm.cpp
/// \brief `facetweld weld --engine lammps --scheduler slurm` against a REAL Slurm (munged +
/// slurmctld + slurmd on loopback, started by tests/vasp_io/slurm/with_slurm.sh, as the `vasp run`
/// and `scf` Slurm tests): each run's deck is an sbatch job running `srun lmp`; facetweld killed
/// after submitting is rerun and follows the same jobs (none submitted twice); weld.json equals
/// the study run without a scheduler.
#include <gtest/gtest.h>

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

using fw::test::count_occurrences;
using fw::test::read_json;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t slurm_outputs(const fs::path& folder) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(folder))
    n += e.path().filename().string().rfind("slurm-", 0) == 0;
  return n;
}

TEST(WeldSlurm, SubmittedStudyResumesWithoutResubmittingAndEqualsTheLocalRun) {
  if (!test::have_lammps()) GTEST_FAIL() << "lmp or lammps-data not installed";
  const fs::path dir = fs::path(::testing::TempDir()) / "fw_weld_slurm";
  fs::remove_all(dir);
  fs::create_directories(dir);
  slabs::write_facet_table(dir / "facets.json", test::au_eam_facet_table());
  // The study's set-up at its smallest: 113-atom rods side by side at 30° on the rigid graphene
  // sheet (1,000 atoms), one seed and its control, 100 steps: two jobs, one per CPU of the
  // private cluster.
  const std::string study =
      "weld --facets facets.json --radius 6 --length 20 --angles 30 --seeds 1 --time-ps 0.1 "
      "--engine lammps ";
  // Without a scheduler, two workers: each run's analysis on one thread, as in the batch study.
  const auto local = run_facetweld(study + "--workers 2 -o local", dir);
  ASSERT_EQ(local.exit_code, 0) << local.output;

  // Debian's lmp is Open MPI without Slurm's PMI-1: srun must start it with PMIx
  // (SLURM_MPI_TYPE, which sbatch passes on to the job). Kill facetweld once both jobs are
  // queued, then run the same command again.
  const std::string batch = quote(FACETWELD_BINARY) + " " + study +
                            "--scheduler slurm --tasks 1 --walltime 00:05:00 --partition debug "
                            "--poll 0.5 -o batch";
  std::ofstream(dir / "study.sh")
      << "if srun --mpi=list 2>&1 | grep -q pmix; then export SLURM_MPI_TYPE=pmix; fi\n"
      << batch << " > first.log 2>&1 & pid=$!\n"
      << "for i in $(seq 600); do [ \"$(grep -c ': submitted (slurm' first.log)\" -ge 2 ] && "
         "break; sleep 0.05; done\n"
      << "kill -9 $pid; wait $pid\n"
      << batch << " > second.log 2>&1\n";
  const fs::path with_slurm = fs::path(FACETWELD_SOURCE_DIR) / "tests/vasp_io/slurm/with_slurm.sh";
  const auto run = run_shell("cd " + quote(dir) + " && " + quote(with_slurm) + " bash study.sh");
  if (run.exit_code == 77) GTEST_SKIP() << run.output;
  const std::string first = read_text(dir / "first.log"), second = read_text(dir / "second.log");
  ASSERT_EQ(run.exit_code, 0) << run.output << first << second;
  ASSERT_EQ(count_occurrences(first, ": submitted (slurm"), 2u) << first;
  EXPECT_EQ(count_occurrences(second, ": submitted"), 0u) << second;
  EXPECT_EQ(count_occurrences(second, ", watching it"), 2u) << second;
  EXPECT_EQ(count_occurrences(second, "weld [2/2]"), 1u)
      << second;  // the progress line of the local path

  for (const char* run_dir : {"batch/control/seed_1/lammps", "batch/angle_030/seed_1/lammps"}) {
    EXPECT_EQ(slurm_outputs(dir / run_dir), 1u) << run_dir << ": submitted once";
    const std::string script = read_text(dir / run_dir / "facetweld.sbatch");
    EXPECT_NE(script.find("#SBATCH --ntasks=1"), std::string::npos) << script;
    EXPECT_NE(script.find("srun '/usr/bin/lmp' '-sf' 'opt' '-in' 'in.lammps'"), std::string::npos)
        << script;
    // The same deck and data as the local run.
    const fs::path local_dir = dir / "local" / fs::path(run_dir).lexically_relative("batch");
    EXPECT_EQ(read_text(dir / run_dir / "in.lammps"), read_text(local_dir / "in.lammps"));
    EXPECT_EQ(read_text(dir / run_dir / "data.lmp"), read_text(local_dir / "data.lmp"));
  }

  // Same lmp, same deck bytes, serial LAMMPS (deterministic), each run's analysis on one thread
  // in both studies: the numbers must be the same. The bound, 1e-9 eV / 1e-9 deg, only allows
  // for the JSON round trip (17 digits); a different seed, deck or analysis moves the release by
  // more than 0.1 eV.
  const auto a = read_json(dir / "local/weld.json"), b = read_json(dir / "batch/weld.json");
  EXPECT_EQ(b.at("status"), "complete");
  ASSERT_EQ(b.at("runs").size(), 1u);
  ASSERT_EQ(b.at("controls").size(), 1u);
  for (const char* key : {"runs", "controls"}) {
    const auto &x = a.at(key).at(0), &y = b.at(key).at(0);
    for (const char* value :
         {"energy_release_raw_eV", "energy_release_eV", "e_welded_eV", "e_contact_start_eV",
          "angle_end_of_dynamics_deg", "angle_after_quench_deg"})
      EXPECT_NEAR(y.at(value).get<double>(), x.at(value).get<double>(), 1e-9) << key << value;
    EXPECT_EQ(y.at("neck"), x.at("neck")) << key;
    EXPECT_EQ(y.at("interface_cna"), x.at("interface_cna")) << key;
  }
  const auto &sa = a.at("summary").at(0), &sb = b.at("summary").at(0);
  EXPECT_NEAR(sb.at("energy_release_eV_mean").get<double>(),
              sa.at("energy_release_eV_mean").get<double>(), 1e-9);
  EXPECT_GT(b.at("runs").at(0).at("energy_release_raw_eV").get<double>(), 1.0);  // it welded
}

}  // namespace
}  // namespace fw::md
