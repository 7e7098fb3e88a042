/// \file test_cli.cpp
/// \brief The md commands end to end: JSON keys and values, facets.json, and bad input giving one
/// clear line and exit code 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "md_test_helpers.hpp"
#include "tests/cli_runner.hpp"

namespace fw::md {
namespace {

namespace fs = std::filesystem;
using fw::test::CommandResult;

/// `facetweld -q ARGS` in `dir`.
CommandResult run(const std::string& args, const fs::path& dir) {
  return fw::test::run_facetweld("-q " + args, dir);
}

class MdCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(FACETWELD_BINARY)) GTEST_FAIL() << "facetweld not built";
    if (!fs::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
    dir_ = fs::temp_directory_path() / "facetweld_md_cli";
    fs::create_directories(dir_);
  }
  fs::path dir_;
};

TEST_F(MdCli, EnergyJsonHasEnergyForcesStressWithUnits) {
  ASSERT_EQ(
      run("slab --facet 100 --layers 8 --repeat 4x4 --vacuum 0 -o bulk.extxyz", dir_).exit_code, 0);
  const CommandResult o =
      run("md energy --structure bulk.extxyz --potential Au_u3.eam --json e.json", dir_);
  ASSERT_EQ(o.exit_code, 0) << o.output;
  nlohmann::json j;
  std::ifstream(dir_ / "e.json") >> j;
  // Perfect Au_u3 crystal at a = 4.08 Å: the cohesive energy −3.93 eV/atom of FBD (1986).
  EXPECT_NEAR(j["energy_per_atom_eV"].get<double>(), -3.93, 0.005);
  EXPECT_EQ(j["forces_eV_per_A"].size(), 128u);
  EXPECT_NEAR(j["forces_eV_per_A"][5][2].get<double>(), 0.0, 1e-10);
  ASSERT_EQ(j["stress_GPa"].size(), 6u);
  EXPECT_NEAR(j["stress_GPa"][0].get<double>(), j["stress_GPa"][2].get<double>(),
              1e-8);  // cubic symmetry
}

TEST_F(MdCli, MalformedPotentialFileGivesOneLineAndExitCode2) {
  std::ofstream(dir_ / "broken.eam")
      << "comment\n79 196.97 4.08 FCC\n500 0.001 500 0.0112 5.55\n0.0 1.0\n";
  ASSERT_EQ(
      run("slab --facet 100 --layers 8 --repeat 4x4 --vacuum 0 -o bulk.extxyz", dir_).exit_code, 0);
  const CommandResult o = run("md energy --structure bulk.extxyz --potential broken.eam", dir_);
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.output.find("broken.eam:4: file ends after 2 of 500 values of F(rho)"),
            std::string::npos)
      << o.output;
}

TEST_F(MdCli, FourAtomCellNeedsNoRepeat) {
  // The README's 4-atom cube and the 1-atom primitive cell: several periodic images per atom,
  // the same energy per atom as a 4x4x8 block (whose widths exceed twice the cutoff).
  ASSERT_EQ(run("bulk --cell conventional -o cube.vasp", dir_).exit_code, 0);
  ASSERT_EQ(run("bulk --cell primitive -o one.vasp", dir_).exit_code, 0);
  ASSERT_EQ(
      run("slab --facet 100 --layers 16 --repeat 4x4 --vacuum 0 -o big.extxyz", dir_).exit_code, 0);
  nlohmann::json e[3];
  const char* names[3] = {"cube.vasp", "one.vasp", "big.extxyz"};
  for (int k = 0; k < 3; ++k) {
    const CommandResult o = run(std::string("md energy --structure ") + names[k] + " --json e" +
                                    std::to_string(k) + ".json",
                                dir_);
    ASSERT_EQ(o.exit_code, 0) << o.output;
    std::ifstream(dir_ / ("e" + std::to_string(k) + ".json")) >> e[k];
  }
  for (int k = 0; k < 2; ++k) {
    EXPECT_NEAR(e[k]["energy_per_atom_eV"].get<double>(), e[2]["energy_per_atom_eV"].get<double>(),
                1e-12)
        << names[k];
    EXPECT_NEAR(e[k]["pressure_GPa"].get<double>(), e[2]["pressure_GPa"].get<double>(), 1e-9)
        << names[k];
  }
  EXPECT_NEAR(e[0]["energy_per_atom_eV"].get<double>(), -3.93, 0.01);  // Au_u3 cohesive energy
}

TEST_F(MdCli, EdisWritesUnrelaxedAndRelaxedFacetsInTheSharedSchema) {
  const CommandResult o = run("edis --engine eam --facets 111 -o facets.json", dir_);
  ASSERT_EQ(o.exit_code, 0) << o.output;
  nlohmann::json j;
  std::ifstream(dir_ / "facets.json") >> j;
  EXPECT_EQ(j["engine"], "eam");
  ASSERT_EQ(j["facets"].size(), 2u);
  EXPECT_EQ(j["facets"][1]["relaxed"], true);
  EXPECT_NEAR(j["facets"][1]["gamma_J_per_m2"].get<double>(), 0.786, 0.004);
  EXPECT_GT(j["facets"][0]["e_dis_eV_per_A2"].get<double>(),
            j["facets"][1]["e_dis_eV_per_A2"].get<double>());
}

/// Issue 23: --element alone brings the element's tabulated lattice constant (Kittel: Ag 4.09 Å)
/// and its Foiles–Baskes–Daw file; relaxed γ(111) = FBD 1986's 620 mJ/m² for Ag (Au's 786 above).
TEST_F(MdCli, EdisForSilverTakesSilversLatticeConstantAndPotential) {
  if (!fs::exists("/usr/share/lammps/potentials/Ag_u3.eam")) GTEST_FAIL() << "no Ag_u3.eam";
  const CommandResult o = run("edis --engine eam --element Ag --facets 111 -o ag.json", dir_);
  ASSERT_EQ(o.exit_code, 0) << o.output;
  nlohmann::json j;
  std::ifstream(dir_ / "ag.json") >> j;
  EXPECT_EQ(j["element"], "Ag");
  EXPECT_DOUBLE_EQ(j["a_A"].get<double>(), 4.09);
  EXPECT_EQ(j["settings"]["potential"], "Ag_u3.eam");
  ASSERT_EQ(j["facets"].size(), 2u);
  EXPECT_GT(j["facets"][1]["e_dis_eV_per_A2"].get<double>(), 0.0);
  EXPECT_NEAR(j["facets"][1]["gamma_J_per_m2"].get<double>(), 0.620, 0.01);
}

TEST_F(MdCli, JobWithOutOfRangeTimeStepFailsBeforeRunning) {
  std::ofstream(dir_ / "job.toml") << "structure = \"bulk.extxyz\"\n[run]\ndt_fs = 50\n";
  const CommandResult o = run("md run job.toml", dir_);
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.output.find("job.toml:3:"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("0 < x ≤ 10 fs"), std::string::npos) << o.output;
}

TEST_F(MdCli, JobInAnotherFolderFindsTheDefaultPotential) {
  fs::create_directories(dir_ / "jobs");
  ASSERT_EQ(run("slab --facet 100 --layers 8 --repeat 4x4 --vacuum 0 -o jobs/bulk.extxyz", dir_)
                .exit_code,
            0);
  std::ofstream(dir_ / "jobs/job.toml")
      << "structure = \"bulk.extxyz\"\noutput_dir = \"out\"\n[run]\nmode = \"nve\"\nsteps = 5\n"
      << "[output]\nthermo_every = 5\ntrajectory_format = \"none\"\n";
  const CommandResult o = run("md run jobs/job.toml", dir_);
  EXPECT_EQ(o.exit_code, 0) << o.output;
}

/// SIGKILL during a study: weld.json says "incomplete", the rerun completes it and its runs equal
/// those of an uninterrupted study.
TEST_F(MdCli, KilledWeldIsMarkedIncompleteAndResumesToTheSameResult) {
  ASSERT_EQ(run("edis --engine eam --facets 100,110,111 -o facets.json", dir_).exit_code, 0);
  const std::string study =
      "weld --facets facets.json --mode tip --substrate none --radius 6 --length 30 --angles 0,60 "
      "--seeds 2 --time-ps 0.3 --workers 1 -o ";
  fs::remove_all(dir_ / "whole");
  fs::remove_all(dir_ / "killed");
  ASSERT_EQ(run(study + "whole", dir_).exit_code, 0);
  // Start the same study and kill it once its first run has finished (up to 5 min: the first
  // run takes ~3 s alone, far longer on a loaded machine).
  const fs::path first = dir_ / "killed/control/seed_1/result.json";
  const auto kill_run = fw::test::run_shell(
      "cd " + fw::test::quote(dir_) + " && { " + fw::test::quote(FACETWELD_BINARY) + " -q " +
      study + "killed > killed.log 2>&1 & pid=$!; for i in $(seq 30000); do [ -e " +
      fw::test::quote(first) + " ] && break; sleep 0.01; done; kill -9 $pid; wait $pid; }");
  EXPECT_EQ(kill_run.exit_code, 137) << "killed before it finished: " << kill_run.output;
  ASSERT_TRUE(fs::exists(first));
  nlohmann::json killed;
  std::ifstream(dir_ / "killed/weld.json") >> killed;
  EXPECT_EQ(killed["status"], "incomplete");
  EXPECT_LT(killed["runs_done"].get<int>(), 6);

  ASSERT_EQ(run(study + "killed", dir_).exit_code, 0);
  nlohmann::json whole, resumed;
  std::ifstream(dir_ / "whole/weld.json") >> whole;
  std::ifstream(dir_ / "killed/weld.json") >> resumed;
  EXPECT_EQ(resumed["status"], "complete");
  ASSERT_EQ(resumed["runs"].size(), whole["runs"].size());
  for (std::size_t k = 0; k < whole["runs"].size(); ++k)
    EXPECT_EQ(resumed["runs"][k]["energy_release_eV"], whole["runs"][k]["energy_release_eV"]) << k;
  EXPECT_EQ(resumed["summary"], whole["summary"]);
}

}  // namespace
}  // namespace fw::md
