/// \file test_weld_result_integrity.cpp
/// \brief A run's result.json is read back only while its checksum and producer hold: one changed
/// digit is noticed (one line naming the file) and the run is rerun to the same numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "md/weld/study.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Changes the first digit of the value of `key` in the JSON text at `path` (9 → 0, else +1).
void flip_digit_of(const std::filesystem::path& path, const std::string& key) {
  std::string text = slurp(path);
  const std::size_t at = text.find("\"" + key + "\":");
  ASSERT_NE(at, std::string::npos) << key;
  const std::size_t d = text.find_first_of("123456789", at + key.size() + 3);
  text[d] = text[d] == '9' ? '0' : static_cast<char>(text[d] + 1);
  std::ofstream(path) << text;
}

TEST(WeldResultIntegrity, OneChangedDigitIsNoticedAndTheRunRerunAnIntactFileIsReadBack) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "Au_u3.eam not installed";
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_result_integrity";
  std::filesystem::remove_all(dir);
  WeldSettings s = test::tiny_weld_study();
  s.angles_deg = {0};
  s.seeds = 1;
  s.workers = 1;
  s.time_ps = 0.1;
  const WeldStudy first = run_weld_study(s, test::au_eam_facet_table(), dir);
  ASSERT_EQ(first.results.size(), 1u);
  const auto result = dir / "angle_000/seed_1/result.json";
  EXPECT_NE(slurp(result).find("\"integrity\""), std::string::npos);

  flip_digit_of(result, "e_welded_eV");
  testing::internal::CaptureStderr();
  const WeldStudy again = run_weld_study(s, test::au_eam_facet_table(), dir);
  const std::string notice = testing::internal::GetCapturedStderr();
  EXPECT_NE(notice.find("facetweld: notice: " + result.string() +
                        ": checksum mismatch (the content changed after it was written); "
                        "running it again"),
            std::string::npos)
      << notice;
  EXPECT_FALSE(again.resumed[0]);
  EXPECT_DOUBLE_EQ(again.results[0].e_welded_eV, first.results[0].e_welded_eV);

  testing::internal::CaptureStderr();
  const WeldStudy intact = run_weld_study(s, test::au_eam_facet_table(), dir);
  EXPECT_EQ(testing::internal::GetCapturedStderr().find("notice"), std::string::npos);
  EXPECT_TRUE(intact.resumed[0]);
  EXPECT_DOUBLE_EQ(intact.results[0].e_welded_eV, first.results[0].e_welded_eV);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
