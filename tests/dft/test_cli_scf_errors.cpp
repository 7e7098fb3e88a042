/// \file test_cli_scf_errors.cpp
/// \brief `facetweld scf` answers careless input with one line and exit code 2, never an abort or
/// "internal error" (issue 13): too few bands, a small FFT grid, a huge cut-off or k-mesh, a
/// checkpoint with NaN, an SCF that does not converge (JSON still written, flagged).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "dft_test_support.hpp"
#include "tests/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

/// `facetweld scf ARGS` run in the test's folder `dir`.
fw::test::CommandResult run(const std::string& args, const fs::path& dir) {
  return fw::test::run_facetweld("scf " + args, dir);
}

fs::path make_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("fw_scf_errors_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string bulk_args(const fs::path& dir, const std::string& scale = "1.0",
                      const std::string& ecut = "12Ha", const std::string& kpts = "2x2x2") {
  const fs::path poscar = dir / "bulk.vasp";
  std::ofstream(poscar) << "Au\n"
                        << scale << "\n0.0 2.04 2.04\n2.04 0.0 2.04\n2.04 2.04 0.0\nAu\n1\n"
                        << "Cartesian\n0 0 0\n";
  return "--structure " + poscar.string() + " --psp " + fw::dft::testing::kAuPsp8 +
         " --xc pbe --ecut " + ecut + " --kpts " + kpts + " --threads 2";
}

/// Exit 2, one "facetweld: error:" line naming `option`, no "internal error".
void expect_input_error(const fw::test::CommandResult& r, const std::string& option) {
  ASSERT_LT(r.exit_code, 128) << "killed by a signal:\n" << r.output;
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
  const auto at = r.output.find("facetweld: error: ");
  ASSERT_NE(at, std::string::npos) << r.output;
  const std::string line = r.output.substr(at, r.output.find('\n', at) - at);
  EXPECT_NE(line.find(option), std::string::npos) << line;
}

TEST(CliScfErrors, TooFewBandsNamesNbands) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("nbands");
  expect_input_error(run(bulk_args(dir) + " --nbands 1", dir), "--nbands");
}

TEST(CliScfErrors, FftGridBelowTheCutoffSphereNamesFftGrid) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("fft");
  expect_input_error(run(bulk_args(dir) + " --fft-grid 4x4x4", dir), "--fft-grid");
}

TEST(CliScfErrors, HugeCutoffIsRefusedNamingEcut) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("ecut");
  expect_input_error(run(bulk_args(dir, "1.0", "1e6Ha"), dir), "--ecut");
}

TEST(CliScfErrors, HugeKMeshIsRefusedNamingKpts) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("kpts");
  expect_input_error(run(bulk_args(dir, "1.0", "12Ha", "1000x1000x1000"), dir), "--kpts");
}

TEST(CliScfErrors, UnconvergedScfWritesFlaggedJsonAndExits2) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("unconverged");
  const auto json = dir / "out.json";
  const auto r = run(bulk_args(dir) + " --max-steps 2 --json " + json.string(), dir);
  expect_input_error(r, "--max-steps");
  EXPECT_NE(r.output.find("converged: false"), std::string::npos) << r.output;
  std::ifstream in(json);
  ASSERT_TRUE(in.good());
  const auto j = nlohmann::json::parse(in);
  EXPECT_FALSE(j["converged"].get<bool>());
  EXPECT_EQ(j["scf_iterations"].get<int>(), 2);
  EXPECT_TRUE(std::isfinite(j["free_energy_eV"].get<double>()));
}

TEST(CliScfErrors, CheckpointWithNaNIsAnInputErrorNotAnAbort) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("nan");
  const auto chk = dir / "scf.chk";
  const std::string args = bulk_args(dir) + " --checkpoint " + chk.string();
  run(args + " --max-steps 1", dir);
  ASSERT_TRUE(fs::exists(chk));
  {  // Every density coefficient becomes NaN (the density is the file's last grid·16 bytes).
    std::fstream f(chk, std::ios::in | std::ios::out | std::ios::binary);
    const auto size = static_cast<std::streamoff>(fs::file_size(chk));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::streamoff pos = size - 16 * 1000; pos < size; pos += 8) {
      f.seekp(pos);
      f.write(reinterpret_cast<const char*>(&nan), sizeof nan);
    }
  }
  expect_input_error(run(args + " --restart", dir), chk.string());
}

TEST(CliScfErrors, OneCubicAngstromCellFromNegativeScaleIsRefusedAsOverlap) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("negative_scale");
  // Scale -1 is a 1 Å^3 cell: each Au atom 1.12 Å from its images, below the 1.36 Å Au-Au limit.
  expect_input_error(run(bulk_args(dir, "-1.0") + " --max-steps 3", dir), "overlap:");
}

}  // namespace
