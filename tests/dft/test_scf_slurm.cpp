/// \file test_scf_slurm.cpp
/// \brief `facetweld scf --scheduler slurm` against a REAL Slurm (munged + slurmctld + slurmd on
/// loopback, started by tests/vasp_io/slurm/with_slurm.sh, as the `vasp run` Slurm test): the
/// batch script is written and submitted through the batch-system interface of `vasp run`, the
/// job runs `srun facetweld scf …`, and its energy equals the same run without a scheduler.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dft_test_support.hpp"

namespace {

namespace fs = std::filesystem;

struct Shell {
  int exit_code;
  std::string text;
};

Shell shell(const std::string& command, const fs::path& log) {
  const int status = std::system((command + " > " + log.string() + " 2>&1").c_str());
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

std::string quote(const std::string& s) {
  return "'" + s + "'";
}

TEST(ScfSlurm, SubmittedRunEqualsTheLocalRun) {
  FW_REQUIRE_AU_PSP8();
  const fs::path dir = fs::path(::testing::TempDir()) / "fw_scf_slurm";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "au.vasp");
    out << "Au\n1.0\n0.0 2.04 2.04\n2.04 0.0 2.04\n2.04 2.04 0.0\nAu\n1\nDirect\n0 0 0\n";
  }
  const std::string scf = quote(FACETWELD_BINARY) + " scf --structure au.vasp --psp " +
                          quote(fw::dft::testing::kAuPsp8) +
                          " --ecut 8Ha --kpts 2x2x2 --no-forces --threads 1";
  const auto local =
      shell("cd " + quote(dir.string()) + " && " + scf + " --json local.json", dir / "local.log");
  ASSERT_EQ(local.exit_code, 0) << local.text;

  // Submit, then wait inside the private cluster for the job's exit-code marker.
  const fs::path with_slurm = fs::path(FACETWELD_SOURCE_DIR) / "tests/vasp_io/slurm/with_slurm.sh";
  const std::string inner = scf +
                            " --json batch.json --scheduler slurm --ntasks 1 --walltime 00:10:00"
                            " --partition debug && for i in $(seq 600); do"
                            " [ -s .facetweld_exit ] && break; sleep 0.5; done;"
                            " test \"$(cat .facetweld_exit)\" = 0";
  const auto run = shell("cd " + quote(dir.string()) + " && " + quote(with_slurm.string()) +
                             " bash -c " + quote(inner),
                         dir / "slurm.log");
  if (run.exit_code == 77) GTEST_SKIP() << run.text;
  ASSERT_EQ(run.exit_code, 0) << run.text;
  EXPECT_NE(run.text.find("submitted facetweld scf as slurm job"), std::string::npos) << run.text;

  std::ifstream script(dir / "facetweld.sbatch");
  std::string text((std::istreambuf_iterator<char>(script)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("#SBATCH --ntasks=1"), std::string::npos) << text;
  EXPECT_NE(text.find("srun "), std::string::npos) << text;
  EXPECT_NE(text.find("> scf.out 2> scf.err"), std::string::npos) << text;
  EXPECT_EQ(text.find("--scheduler"), std::string::npos) << "the job must not resubmit itself";
  ASSERT_TRUE(fs::exists(dir / "batch.json")) << text;
  const auto a = nlohmann::json::parse(std::ifstream(dir / "local.json"));
  const auto b = nlohmann::json::parse(std::ifstream(dir / "batch.json"));
  EXPECT_TRUE(b["converged"].get<bool>());
  EXPECT_NEAR(b["free_energy_Ha"].get<double>(), a["free_energy_Ha"].get<double>(), 1e-8);
  EXPECT_EQ(b["settings"], a["settings"]);
  EXPECT_EQ(b["n_kpoints_irreducible"], a["n_kpoints_irreducible"]);
}

}  // namespace
