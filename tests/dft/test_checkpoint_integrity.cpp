/// \file test_checkpoint_integrity.cpp
/// \brief SCF checkpoints: a flipped byte anywhere is a clear error naming the file (checksum),
/// and an unwritable --checkpoint fails before the SCF starts, with nothing written.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "dft_test_support.hpp"
#include "tests/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

/// `facetweld scf ARGS` run in the test's folder `dir`.
fw::test::CommandResult scf(const std::string& args, const fs::path& dir) {
  return fw::test::run_facetweld("scf " + args, dir);
}

fs::path make_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("fw_ckpt_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "bulk.vasp")
      << "Au\n1.0\n0.0 2.04 2.04\n2.04 0.0 2.04\n2.04 2.04 0.0\nAu\n1\nCartesian\n0 0 0\n";
  return dir;
}

std::string base_args(const fs::path& dir) {
  return "--structure " + (dir / "bulk.vasp").string() + " --psp " + fw::dft::testing::kAuPsp8 +
         " --xc pbe --ecut 12Ha --kpts 2x2x2 --smearing fermi-dirac:0.01Ha --threads 1";
}

/// Error lines in the output (warnings about the pseudopotential may come before).
int error_lines(const std::string& text) {
  int n = 0;
  for (std::size_t at = text.find("error:"); at != std::string::npos;
       at = text.find("error:", at + 1))
    ++n;
  return n;
}

/// The SCF prints its grid first: absent means it never started.
bool scf_started(const std::string& text) {
  return text.find("grid ") != std::string::npos;
}

TEST(CheckpointIntegrity, AnyFlippedByteIsReportedAsCorruptNamingTheFile) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("flip");
  const fs::path ck = dir / "scf.chk";
  auto r = scf(base_args(dir) + " --max-steps 2 --checkpoint " + ck.string(), dir);
  ASSERT_TRUE(fs::exists(ck)) << r.output;
  const auto size = fs::file_size(ck);
  ASSERT_GT(size, 64u);

  std::ifstream in(ck, std::ios::binary);
  const std::string good((std::istreambuf_iterator<char>(in)), {});
  // Positions: in the header, in the wavefunctions, in the density, in the checksum itself.
  std::mt19937 rng(12345);
  std::vector<std::size_t> positions = {9, 40, size / 2, size - 20, size - 3};
  for (int i = 0; i < 3; ++i)
    positions.push_back(std::uniform_int_distribution<std::size_t>(8, size - 1)(rng));
  for (const std::size_t at : positions) {
    SCOPED_TRACE("byte " + std::to_string(at) + " of " + std::to_string(size));
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    std::ofstream(ck, std::ios::binary | std::ios::trunc) << bad;
    r = scf(base_args(dir) + " --checkpoint " + ck.string() + " --restart", dir);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_EQ(error_lines(r.output), 1) << r.output;
    EXPECT_FALSE(scf_started(r.output)) << r.output;
    EXPECT_NE(r.output.find(ck.string()), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("checksum"), std::string::npos) << r.output;
  }
  // The intact file still restarts.
  std::ofstream(ck, std::ios::binary | std::ios::trunc) << good;
  r = scf(base_args(dir) + " --checkpoint " + ck.string() + " --restart", dir);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("restarted"), std::string::npos) << r.output;
}

TEST(CheckpointIntegrity, TruncatedCheckpointIsAClearError) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("truncated");
  const fs::path ck = dir / "scf.chk";
  scf(base_args(dir) + " --max-steps 2 --checkpoint " + ck.string(), dir);
  ASSERT_TRUE(fs::exists(ck));
  fs::resize_file(ck, fs::file_size(ck) / 2);
  const auto r = scf(base_args(dir) + " --checkpoint " + ck.string() + " --restart", dir);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(error_lines(r.output), 1) << r.output;
  EXPECT_FALSE(scf_started(r.output)) << r.output;
  EXPECT_NE(r.output.find(ck.string()), std::string::npos) << r.output;
}

TEST(CheckpointIntegrity, UnwritableCheckpointPathFailsBeforeTheScfStarts) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("unwritable");
  // /proc takes no new file even for root (access(2) would say yes to root).
  for (const std::string& path : {(dir / "no-such-folder" / "scf.chk").string(),
                                  std::string("/proc/fw-scf.chk"), dir.string()}) {
    SCOPED_TRACE(path);
    const auto start = std::chrono::steady_clock::now();
    const auto r = scf(base_args(dir) + " --max-steps 50 --checkpoint " + path + " --json " +
                           (dir / "out.json").string(),
                       dir);
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_EQ(error_lines(r.output), 1) << r.output;
    EXPECT_FALSE(scf_started(r.output)) << r.output;
    EXPECT_NE(r.output.find("--checkpoint"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "out.json"));
    EXPECT_LT(wall_s, 20.0);
  }
}

}  // namespace
