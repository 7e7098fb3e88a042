/// \file test_cli_geometry.cpp
/// \brief The facetweld executable end to end: geometry commands, files other tools read, bad
/// input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "slabs/io/structure_file.hpp"

namespace fs = std::filesystem;
using namespace fw;

namespace {

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("fw_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
         "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs facetweld with `args` in the test folder; returns the exit code; output in out.txt.
  int run(const std::string& args) {
    const std::string cmd =
        "cd '" + dir_.string() + "' && '" FACETWELD_BINARY "' " + args + " > out.txt 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string output() const {
    std::ifstream in(dir_ / "out.txt");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::size_t files_in_dir() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++n;
    return n;
  }
  fs::path dir_;
};

std::string python() {
  return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

}  // namespace

TEST_F(Cli, Slab110WithNineLayersHasNineAtomsAndArea11Point771) {
  ASSERT_EQ(run("slab --element Au --a 4.08 --facet 110 --layers 9 --vacuum 12 -o s.vasp"), 0)
      << output();
  const auto s = slabs::read_structure(dir_ / "s.vasp");
  EXPECT_EQ(s.size(), 9u);
  // (110) 1x1 area a²/√2 = 11.771 Å².
  EXPECT_NEAR(norm(cross(s.cell[0], s.cell[1])), 4.08 * 4.08 / std::sqrt(2.0), 1e-9);
  EXPECT_NE(output().find("11.771"), std::string::npos) << output();
}

TEST_F(Cli, Slab110PoscarIsReadByPymatgenAndAse) {
  if (std::system((python() + " -c 'import pymatgen.core, ase.io' >/dev/null 2>&1").c_str()) != 0)
    GTEST_FAIL() << "python3-pymatgen / python3-ase not installed";
  ASSERT_EQ(run("slab --element Au --a 4.08 --facet 110 --layers 9 --vacuum 12 -o s.vasp"), 0);
  const std::string code =
      "import ase.io, numpy as np; from pymatgen.core import Structure; p = "
      "Structure.from_file(\"s.vasp\"); "
      "a = ase.io.read(\"s.vasp\"); c = a.cell; "
      "print(len(p), len(a), round(float(np.linalg.norm(np.cross(c[0], c[1]))), 3), "
      "p.composition.reduced_formula)";
  const std::string cmd =
      "cd '" + dir_.string() + "' && " + python() + " -c '" + code + "' > py.txt 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(dir_ / "py.txt");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "9 9 11.771 Au");
}

TEST_F(Cli, CleavePaperModeWritesCrystalPartsAndCutJson) {
  ASSERT_EQ(run("cleave --element Au --a 4.08 --facet 100 --mode paper -o cut"), 0) << output();
  std::ifstream in(dir_ / "cut" / "cut.json");
  const auto cut = nlohmann::json::parse(in);
  EXPECT_EQ(cut["atoms_part1"].get<int>() + cut["atoms_part2"].get<int>(), 500);
  EXPECT_NEAR(cut["cut_area_A2"].get<double>(), 20.4 * 20.4, 1e-9);
  EXPECT_EQ(slabs::read_structure(dir_ / "cut" / "part1.vasp").size(),
            cut["atoms_part1"].get<std::size_t>());
}

TEST_F(Cli, BadArgumentsExitWithCode2OneLineAndNoFile) {
  for (const std::string args :
       {"slab --facet 1x0 -o a.vasp", "slab --a 0 -o a.vasp", "slab --layers 0 -o a.vasp",
        "slab --vacuum -1 -o a.vasp", "slab -o /nonexistent_fw_dir/a.vasp", "slab -o a.unknown",
        "cleave --facet 000 -o d"}) {
    SCOPED_TRACE(args);
    EXPECT_EQ(run(args), 2);
    const std::string out = output();
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
    EXPECT_EQ(files_in_dir(), 1u);  // only out.txt
  }
}

TEST_F(Cli, MalformedPoscarNamesFileAndLine) {
  std::ofstream(dir_ / "bad.vasp")
      << "title\n1.0\n4 0 0\n0 4 0\n0 0 4\nAu\n2\nDirect\n0 0 0\n0.5 zero 0\n";
  EXPECT_EQ(run("convert bad.vasp out.extxyz"), 2);
  EXPECT_NE(output().find("bad.vasp:10"), std::string::npos) << output();
  EXPECT_FALSE(fs::exists(dir_ / "out.extxyz"));
}

TEST_F(Cli, ConvertPoscarToExtxyzAndLammpsData) {
  ASSERT_EQ(run("bulk --cell conventional -o b.vasp"), 0);
  ASSERT_EQ(run("convert b.vasp b.extxyz"), 0) << output();
  ASSERT_EQ(run("convert b.extxyz b.lmp"), 0) << output();
  EXPECT_EQ(slabs::read_structure(dir_ / "b.extxyz").size(), 4u);
  std::ifstream in(dir_ / "b.lmp");
  const std::string data(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(data.find("4 atoms"), std::string::npos);
  EXPECT_NE(data.find("0 4.08 xlo xhi"), std::string::npos);
}

TEST_F(Cli, VersionAndHelpExitZero) {
  EXPECT_EQ(run("--version"), 0);
  EXPECT_NE(output().find("facetweld"), std::string::npos);
  EXPECT_EQ(run("--help"), 0);
}
