/// \file test_cli_edis.cpp
/// \brief `facetweld edis --engine native` end to end: a tiny cell writes facets.json with both
/// E_dis and the SCF step counts; bad facet, pseudopotential or mesh is exit 2 with nothing
/// written; a changed cell of the store is computed again; E_dis ≤ 0 is exit 2; two MPI ranks give
/// one process's numbers and write once; the command submitted to a real Slurm gives the local
/// numbers.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "tests/cli_runner.hpp"

namespace fs = std::filesystem;

namespace {

using fw::test::quote;
using fw::test::run_facetweld;
using fw::test::run_shell;

const std::string kAuPsp8 = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8";

class EdisCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("fw_edis_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
         "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  int run(const std::string& args) {
    last_ = run_facetweld("edis " + args, dir_);
    return last_.exit_code;
  }
  const std::string& output() const { return last_.output; }
  nlohmann::json read(const std::string& file) const { return fw::test::read_json(dir_ / file); }
  fs::path dir_;
  fw::test::CommandResult last_;
};

/// Cheapest meaningful native cell: Au(100), 3 layers, 4 Å gap, 8 Ha, 2x2x1.
const std::string kTiny =
    "--engine native --element Au --a 4.08 --facets 100 --layers 3 "
    "--vacuum 4 --psp " +
    kAuPsp8 + " --xc pbe --ecut 8Ha --kpts 2x2x1 --kpts-bulk 2x2x2";

TEST_F(EdisCli, NativeEngineWritesBothEDisAndScfStepsPerCell) {
  if (!fs::exists(kAuPsp8)) GTEST_FAIL() << "abinit-data not installed";
  ASSERT_EQ(run(kTiny + " -o facets.json"), 0) << output();
  std::ifstream in(dir_ / "facets.json");
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j.at("engine"), "native-pbe");
  ASSERT_EQ(j.at("facets").size(), 1u);
  const auto& f = j["facets"][0];
  EXPECT_EQ(f.at("method"), "slab");
  EXPECT_FALSE(f.at("relaxed").get<bool>());
  EXPECT_GT(f.at("e_dis_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("e_dis_free_energy_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("scf_steps_slab").get<int>(), 1);
  EXPECT_GT(f.at("scf_steps_bulk").get<int>(), 1);
  EXPECT_EQ(f.at("kpts_bulk_computed"), (std::vector<int>{2, 2, 6}));
  EXPECT_EQ(j.at("settings").at("kpts"), (std::vector<int>{2, 2, 1}));
}

TEST_F(EdisCli, BadFacetPseudopotentialOrMeshIsExit2WithNothingWritten) {
  const std::string base = "--engine native --ecut 8Ha --layers 3 -o facets.json ";
  EXPECT_EQ(run(base + "--facets 1x0 --psp " + kAuPsp8), 2) << output();
  EXPECT_EQ(run(base + "--psp /nonexistent/Au.psp8"), 2) << output();
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --kpts 4x4x2"), 2) << output();
  EXPECT_NE(output().find("kpts"), std::string::npos) << output();
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --kpts 4x4x1 --kpts-bulk 3x4x2"), 2) << output();
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --kpts 0x4x1"), 2) << output();
  EXPECT_EQ(run("--engine vasp -o facets.json"), 2) << output();
  // The cut crystal: a size that does not fit in memory is refused before any SCF, naming --cells;
  // --relax and --converge are for the slab method.
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --method cut-crystal --cells 16"), 2) << output();
  EXPECT_NE(output().find("--cells"), std::string::npos) << output();
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --method cut-crystal --relax"), 2) << output();
  EXPECT_EQ(run(base + "--psp " + kAuPsp8 + " --method cut-crystal --converge"), 2) << output();
  // fixed-middle needs as many free planes on each face.
  EXPECT_EQ(
      run(base + "--psp " + kAuPsp8 + " --relax --relax-mode fixed-middle --relax-fixed-layers 2"),
      2)
      << output();
  EXPECT_NE(output().find("of the 3 layers"), std::string::npos) << output();
  EXPECT_FALSE(fs::exists(dir_ / "facets.json"));
}

TEST_F(EdisCli, CutCrystalPrintsEveryScfStepAndResumesPerCell) {
  const std::string hgh = "/usr/share/abinit/psp/79au.1.hgh";  // 1 valence electron: cheap
  if (!fs::exists(hgh)) GTEST_FAIL() << "abinit-data not installed";
  const std::string args =
      "--engine native --method cut-crystal --facets 100 --cells 2 "
      "--vacuum 3 --psp " +
      hgh + " --ecut 4Ha -o facets.json";
  ASSERT_EQ(run(args), 0) << output();
  // A progress line per SCF step of each of the three cells, then the facet's result.
  EXPECT_NE(output().find("(100) cut crystal (whole):"), std::string::npos) << output();
  EXPECT_NE(output().find("(100) cut crystal (part 2):"), std::string::npos) << output();
  EXPECT_NE(output().find("(100) cut crystal: E_dis"), std::string::npos) << output();
  const double e_dis = read("facets.json")["facets"][0]["e_dis_eV_per_A2"].get<double>();
  // The same command again reads all three cells back instead of computing them.
  ASSERT_EQ(run(args), 0) << output();
  EXPECT_EQ(fw::test::count_occurrences(output(), "finished earlier, read from"), 3u) << output();
  EXPECT_EQ(read("facets.json")["facets"][0]["e_dis_eV_per_A2"].get<double>(), e_dis);

  // One changed digit in the first cell's energy: noticed, that cell alone computed again, and
  // E_dis is the one of the intact cells (docs/formats.md, "Integrity of files a rerun trusts").
  const fs::path cells = dir_ / "facets.cells.json";
  std::string text;
  {
    std::ifstream in(cells);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::size_t digit = text.find_first_of("123456789", text.find("\"energy_eV\""));
  text[digit] = text[digit] == '9' ? '0' : static_cast<char>(text[digit] + 1);
  std::ofstream(cells) << text;
  ASSERT_EQ(run(args), 0) << output();
  EXPECT_NE(output().find("facetweld: notice: " + cells.string() +
                          ": cell 1 of 3: checksum mismatch (the content changed after it was "
                          "written); computing that cell again"),
            std::string::npos)
      << output();
  EXPECT_EQ(fw::test::count_occurrences(output(), "finished earlier, read from"), 2u) << output();
  EXPECT_NEAR(read("facets.json")["facets"][0]["e_dis_eV_per_A2"].get<double>(), e_dis,
              1e-9 * std::abs(e_dis));
}

TEST_F(EdisCli, NonPositiveEDisIsExit2WithTheNumbersKeptForInspection) {
  if (!fs::exists(kAuPsp8)) GTEST_FAIL() << "abinit-data not installed";
  // Two (110) planes at 8 Ha: the slab comes out cheaper than the bulk — an unconverged cell,
  // not a surface energy.
  EXPECT_EQ(run("--engine native --facets 110 --layers 2 --vacuum 4 --psp " + kAuPsp8 +
                " --xc pbe --ecut 8Ha --kpts 2x2x1 --kpts-bulk 2x2x2 -o facets.json"),
            2)
      << output();
  EXPECT_NE(output().find("facets.json: unrelaxed E_dis of (110) is -"), std::string::npos)
      << output();
  const auto j = read("facets.json");
  EXPECT_LE(j.at("facets").at(0).at("e_dis_eV_per_A2").get<double>(), 0.0);
  ASSERT_EQ(j.at("problems").size(), 1u);
  EXPECT_NE(j["problems"][0].get<std::string>().find("≤ 0"), std::string::npos);
}

TEST_F(EdisCli, TwoMpiRanksGiveOneProcessNumbersAndWriteOnce) {
  if (!fs::exists(kAuPsp8)) GTEST_FAIL() << "abinit-data not installed";
  ASSERT_EQ(run(kTiny + " --threads 1 -o one.json"), 0) << output();
  // Open MPI refuses root and more ranks than free cores unless told.
  const std::string env =
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
      "OMPI_MCA_rmaps_base_oversubscribe=1";
  last_ = run_shell("cd " + quote(dir_) + " && " + env + " mpirun -np 2 " +
                    quote(FACETWELD_BINARY) + " edis " + kTiny + " --threads 1 -o two.json");
  ASSERT_EQ(last_.exit_code, 0) << output();
  // The output rank alone prints: one table line for (100), one "wrote".
  const auto count = [&](const std::string& what) {
    return fw::test::count_occurrences(output(), what);
  };
  EXPECT_EQ(count("wrote two.json"), 1u) << output();
  EXPECT_EQ(count("(100) "), 1u) << output();
  const auto one = read("one.json")["facets"][0], two = read("two.json")["facets"][0];
  // Energies equal to 1e-8 Ha (the bar), as E_dis over the cell's area.
  const double area = one.at("area_A2").get<double>(), ha = 27.211386;
  for (const char* key : {"e_dis_eV_per_A2", "e_dis_free_energy_eV_per_A2"})
    EXPECT_NEAR(two.at(key).get<double>(), one.at(key).get<double>(), 1e-8 * ha / area) << key;
  EXPECT_EQ(two.at("scf_steps_slab"), one.at("scf_steps_slab"));
  const auto cells = read("two.cells.json");
  EXPECT_EQ(cells.at("cells").size(), 2u);  // slab and bulk, written by one rank
}

TEST_F(EdisCli, SubmittedToSlurmGivesTheLocalNumbers) {
  if (!fs::exists(kAuPsp8)) GTEST_FAIL() << "abinit-data not installed";
  ASSERT_EQ(run(kTiny + " --threads 1 -o local.json"), 0) << output();
  // Submitted inside a private Slurm (munged + slurmctld + slurmd on loopback), then waited for.
  const fs::path with_slurm = fs::path(FACETWELD_SOURCE_DIR) / "tests/vasp_io/slurm/with_slurm.sh";
  const std::string inner = quote(FACETWELD_BINARY) + " edis " + kTiny +
                            " --threads 1 -o batch.json --scheduler slurm --ntasks 1"
                            " --walltime 00:10:00 --partition debug && for i in $(seq 600); do"
                            " [ -s .facetweld_exit ] && break; sleep 0.5; done;"
                            " test \"$(cat .facetweld_exit)\" = 0";
  last_ = run_shell("cd " + quote(dir_) + " && " + quote(with_slurm) + " bash -c " + quote(inner));
  if (last_.exit_code == 77) GTEST_SKIP() << output();
  ASSERT_EQ(last_.exit_code, 0) << output();
  EXPECT_NE(output().find("submitted facetweld edis as slurm job"), std::string::npos) << output();
  std::ifstream script(dir_ / "facetweld.sbatch");
  const std::string text((std::istreambuf_iterator<char>(script)), {});
  EXPECT_NE(text.find("srun "), std::string::npos) << text;
  EXPECT_NE(text.find("'--engine' 'native'"), std::string::npos) << text;
  EXPECT_EQ(text.find("--scheduler"), std::string::npos) << "the job must not resubmit itself";
  ASSERT_TRUE(fs::exists(dir_ / "batch.json")) << text;
  const auto local = read("local.json")["facets"][0], batch = read("batch.json")["facets"][0];
  EXPECT_NEAR(batch.at("e_dis_eV_per_A2").get<double>(), local.at("e_dis_eV_per_A2").get<double>(),
              1e-9);
  EXPECT_EQ(read("batch.json").at("settings"), read("local.json").at("settings"));
}

}  // namespace
