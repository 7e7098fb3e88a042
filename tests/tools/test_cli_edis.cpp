/// \file test_cli_edis.cpp
/// \brief `facetweld edis --engine native` end to end: a tiny cell writes facets.json with both
/// E_dis and the SCF step counts; bad facet, pseudopotential or mesh is exit 2 with nothing
/// written.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

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
    const std::string cmd =
        "cd '" + dir_.string() + "' && '" FACETWELD_BINARY "' edis " + args + " > out.txt 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string output() const {
    std::ifstream in(dir_ / "out.txt");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  fs::path dir_;
};

/// Cheapest meaningful native cell: Au(100), 3 layers, 4 Å gap, 8 Ha, 2x2x1.
const std::string kTiny =
    "--engine native --element Au --a 4.08 --facets 100 --layers 3 "
    "--vacuum 4 --psp " +
    kAuPsp8 + " --xc pbe --ecut 8Ha --kpts 2x2x1 --kpts-bulk 2x2x2";

TEST_F(EdisCli, NativeEngineWritesBothEDisAndScfStepsPerCell) {
  if (!fs::exists(kAuPsp8)) GTEST_SKIP() << "abinit-data not installed";
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

}  // namespace
