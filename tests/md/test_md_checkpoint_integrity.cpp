/// \file test_md_checkpoint_integrity.cpp
/// \brief `md run --restart` continues only from an intact checkpoint of the same job: one changed
/// digit is noticed (one line naming the file) and the run starts afresh.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "md_test_helpers.hpp"
#include "tests/cli_runner.hpp"

namespace fw::md {
namespace {

namespace fs = std::filesystem;

TEST(MdCheckpointIntegrity, OneChangedDigitStartsTheRunAfreshAnIntactOneResumes) {
  if (!fs::exists(FACETWELD_BINARY)) GTEST_FAIL() << "facetweld not built";
  if (!fs::exists(test::kAuU3)) GTEST_FAIL() << "lammps-data not installed";
  const fs::path dir = fs::temp_directory_path() / "facetweld_md_checkpoint_integrity";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto run = [&](const std::string& args) {
    return fw::test::run_facetweld("-q " + args, dir);
  };
  ASSERT_EQ(run("slab --facet 100 --layers 4 --repeat 2x2 --vacuum 0 -o bulk.extxyz").exit_code, 0);
  std::ofstream(dir / "job.toml")
      << "structure = \"bulk.extxyz\"\npotential = \"Au_u3.eam\"\noutput_dir = \"out\"\n"
      << "[run]\nmode = \"nvt\"\nsteps = 20\ntemperature = 300\n"
      << "[output]\nthermo_every = 5\ncheckpoint_every = 10\ntrajectory_format = \"none\"\n";
  const auto first = run("md run job.toml");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const fs::path checkpoint = dir / "out/checkpoint.chk";

  // One digit of the first atom's x changed (its line: id type frozen x y z vx vy vz ix iy iz).
  std::stringstream text;
  text << std::ifstream(checkpoint).rdbuf();
  std::string content = text.str();
  std::size_t at = content.find('\n', content.find("\natoms ") + 1) + 1;
  for (int field = 0; field < 3; ++field) at = content.find(' ', at) + 1;
  const std::size_t digit = content.find_first_of("123456789", at);
  content[digit] = content[digit] == '9' ? '0' : static_cast<char>(content[digit] + 1);
  std::ofstream(checkpoint) << content;

  const auto flipped = run("md run job.toml --restart");
  ASSERT_EQ(flipped.exit_code, 0) << flipped.output;
  EXPECT_NE(flipped.output.find("facetweld: notice: out/checkpoint.chk"
                                ": checksum mismatch (the content changed after it was written); "
                                "starting the run afresh"),
            std::string::npos)
      << flipped.output;
  EXPECT_EQ(flipped.output.find("resuming"), std::string::npos) << flipped.output;

  const auto intact = run("md run job.toml --restart");
  ASSERT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("md: resuming from out/checkpoint.chk at step 20"),
            std::string::npos)
      << intact.output;
  EXPECT_EQ(intact.output.find("notice"), std::string::npos) << intact.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
