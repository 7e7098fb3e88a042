/// \file test_atomic_file.cpp
/// \brief Atomic writes leave either the old file or the complete new one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("fw_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST(AtomicFile, FailureDuringWriteKeepsOldContentAndLeavesNoTempFile) {
  const fs::path dir = fresh_dir("atomic");
  const fs::path target = dir / "out.txt";
  fw::write_file_atomically(target, std::string("old\n"));
  EXPECT_THROW(fw::write_file_atomically(target,
                                         [](std::ostream& out) {
                                           out << "half";
                                           throw std::runtime_error("killed");
                                         }),
               std::runtime_error);
  EXPECT_EQ(slurp(target), "old\n");
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, MissingFolderIsAnInputErrorNamingThePath) {
  try {
    fw::write_file_atomically("/nonexistent_dir_fw/x.txt", std::string("x"));
    FAIL() << "expected InputError";
  } catch (const fw::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent_dir_fw/x.txt"), std::string::npos);
  }
  EXPECT_THROW(fw::ensure_writable_destination("/nonexistent_dir_fw/x.txt", "-o"), fw::InputError);
}
