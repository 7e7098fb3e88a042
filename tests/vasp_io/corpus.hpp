/// \file corpus.hpp
/// \brief Locates the VASP corpus (tests/data/vasp-corpus, in the repository) and its expected.json
/// files; a test that needs it FAILS when it is missing, it never skips.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fw::vasp::testing {

inline std::filesystem::path corpus_dir() {
  return std::filesystem::path(FACETWELD_SOURCE_DIR) / "tests" / "data" / "vasp-corpus";
}

inline bool corpus_present() {
  return std::filesystem::exists(corpus_dir() / "MANIFEST.md");
}

/// expected.json of one case (values pymatgen 2022.11.7 extracted).
inline nlohmann::json expected(const std::string& case_name) {
  std::ifstream in(corpus_dir() / case_name / "expected.json");
  return nlohmann::json::parse(in);
}

/// The "values" object of one file of a case.
inline nlohmann::json expected_values(const std::string& case_name, const std::string& file) {
  return expected(case_name)["files"][file]["values"];
}

}  // namespace fw::vasp::testing

/// Fails (never skips) the current test when the corpus is not where the repository keeps it.
#define FW_REQUIRE_CORPUS()                                           \
  ASSERT_TRUE(fw::vasp::testing::corpus_present())                    \
      << "VASP corpus missing at " << fw::vasp::testing::corpus_dir() \
      << " (it is part of the repository: tests/data/vasp-corpus)"
