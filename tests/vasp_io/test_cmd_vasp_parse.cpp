/// \file test_cmd_vasp_parse.cpp
/// \brief `facetweld vasp parse`: JSON on stdout, exit codes for bad and incomplete files.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <fstream>

#include "tests/vasp_io/corpus.hpp"

namespace fw::vasp {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
};

RunResult run(const std::string& args) {
  RunResult r;
  const std::string command = std::string(FACETWELD_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class VaspParseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(FACETWELD_BINARY))
        << "facetweld not built: " << FACETWELD_BINARY;
  }
  std::filesystem::path temp(const std::string& name) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("fw_vasp_parse_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / name;
  }
};

TEST_F(VaspParseCli, OutcarJsonCarriesFinalEnergyAndCompleteness) {
  FW_REQUIRE_CORPUS();
  const auto r = run("vasp parse --json " +
                     (testing::corpus_dir() / "custodian_FeO_ldau_spin_relax" / "OUTCAR").string());
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["final_energy_sigma0_eV"].get<double>(), -28.21851457);
  EXPECT_EQ(j["n_ionic_steps"].get<int>(), 28);
  EXPECT_TRUE(j["complete"].get<bool>());
}

TEST_F(VaspParseCli, VasprunWithoutDosTakesFermiLevelFromOutcarBeside) {
  FW_REQUIRE_CORPUS();
  // MANIFEST item 8: pymatgen gives efermi None here.
  const auto r =
      run("vasp parse --json " +
          (testing::corpus_dir() / "aiida_Si_elec_unconverged" / "vasprun.xml").string());
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  const auto ex = testing::expected_values("aiida_Si_elec_unconverged", "OUTCAR");
  EXPECT_DOUBLE_EQ(j["efermi_eV"].get<double>(),
                   ex["read_pattern_last_values"]["efermi"].get<double>());
  EXPECT_NE(j["efermi_source"].get<std::string>().find("OUTCAR"), std::string::npos);
}

TEST_F(VaspParseCli, EmptyFileExitsTwo) {
  const auto path = temp("OUTCAR");
  std::ofstream(path).close();
  EXPECT_EQ(run("vasp parse " + path.string()).exit_code, 2);
  std::ofstream(temp("vasprun.xml")).close();
  EXPECT_EQ(run("vasp parse --json " + temp("vasprun.xml").string()).exit_code, 2);
}

TEST_F(VaspParseCli, TruncatedFileIsPartialOrAnErrorWhenCompletenessIsRequired) {
  FW_REQUIRE_CORPUS();
  std::ifstream in(testing::corpus_dir() / "custodian_FeO_ldau_spin_relax" / "vasprun.xml",
                   std::ios::binary);
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto path = temp("vasprun_cut.xml");
  std::ofstream(path, std::ios::binary) << xml.substr(0, xml.size() / 2);
  const auto r = run("vasp parse --json " + path.string());
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["complete"].get<bool>());
  EXPECT_FALSE(j["missing"].empty());
  EXPECT_EQ(run("vasp parse --require-complete " + path.string()).exit_code, 2);
}

TEST_F(VaspParseCli, ContcarGoesThroughTheSharedPoscarReader) {
  FW_REQUIRE_CORPUS();
  const std::string name = "atomate_H_on_Ir16_slab_seldyn";
  const auto r = run("vasp parse --json " + (testing::corpus_dir() / name / "CONTCAR").string());
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  const auto ex = testing::expected_values(name, "CONTCAR");
  EXPECT_EQ(j["species"].size(), ex["structure"]["num_sites"].get<std::size_t>());
  EXPECT_NEAR(j["volume_A3"].get<double>(), ex["structure"]["volume"].get<double>(), 1e-6);
  EXPECT_EQ(j.contains("selective_dynamics"), ex["has_selective_dynamics"].get<bool>());
}

}  // namespace
}  // namespace fw::vasp
