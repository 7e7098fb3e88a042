/// \file corpus.hpp
/// \brief Locates ../shared/vasp-corpus and its expected.json files for the parser tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fw::vasp::testing {

inline std::filesystem::path corpus_dir() {
  return std::filesystem::path(FACETWELD_SOURCE_DIR) / ".." / "shared" / "vasp-corpus";
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

#define FW_REQUIRE_CORPUS()                                                          \
  do {                                                                               \
    if (!fw::vasp::testing::corpus_present())                                        \
      GTEST_SKIP() << "VASP corpus not found at " << fw::vasp::testing::corpus_dir() \
                   << " (it lives in shared/ beside the repository)";                \
  } while (0)
