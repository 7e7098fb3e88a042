/// \file test_toml_input.cpp
/// \brief A job file's TOML syntax error names the file, the line and what is wrong on one line
/// (issue 21: a key given twice was "TOML syntax error" and nothing more).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "core/toml_input.hpp"

namespace fs = std::filesystem;

namespace {

/// The InputError that parsing `text` as a job file throws (empty source when none).
fw::InputError parse_error(const std::string& text) {
  const fs::path file = fs::temp_directory_path() / ("fw_toml_" + std::to_string(::getpid()) + "_" +
                                                     std::to_string(text.size()) + ".toml");
  std::ofstream(file) << text;
  try {
    fw::toml_input::parse_file(file);
  } catch (const fw::InputError& e) {
    fs::remove(file);
    return e;
  }
  fs::remove(file);
  return fw::InputError("", "parsed without an error");
}

}  // namespace

TEST(TomlInput, AKeyGivenTwiceNamesTheKeyAndBothLines) {
  const fw::InputError e = parse_error("[weld]\nseeds = 1\nangles = [20]\nseeds = 2\n");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.message(), "TOML syntax error: key 'seeds' is defined twice (first on line 2)");
  EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
}

TEST(TomlInput, ATableGivenTwiceNamesTheTableAndBothLines) {
  const fw::InputError e = parse_error("[dft]\necut = 3\n\n[weld]\nseeds = 1\n[dft]\nlayers = 3\n");
  EXPECT_EQ(e.line(), 6);
  EXPECT_EQ(e.message(), "TOML syntax error: table [dft] is defined twice (first on line 1)");
}

TEST(TomlInput, OtherSyntaxErrorsSayWhatTomlFound) {
  const fw::InputError e = parse_error("a = 1\nb = = 2\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.message(), "TOML syntax error: bad format: unknown value appeared");
}
