/// \file test_file_integrity.cpp
/// \brief The integrity stamp: the standard CRC-64/XZ, one changed digit is caught in JSON and text
/// files, a different producer is named, an unstamped file is told apart from a corrupt one.
#include <gtest/gtest.h>

#include "core/file_integrity.hpp"

namespace fw {
namespace {

using Status = IntegrityVerdict::Status;

/// `text` with the first digit at or after `near` changed to the next digit.
std::string flip_digit(std::string text, const std::string& near) {
  const std::size_t at = text.find(near);
  EXPECT_NE(at, std::string::npos) << near;
  const std::size_t d = text.find_first_of("0123456789", at);
  text[d] = text[d] == '9' ? '0' : static_cast<char>(text[d] + 1);
  return text;
}

const nlohmann::json kProducer = {{"format", "test-1"}, {"engine_version", "md@abc"}};

TEST(FileIntegrity, Crc64IsTheStandardXzCheckValue) {
  // The catalogue check value of CRC-64/XZ (reveng.sourceforge.io/crc-catalogue).
  EXPECT_EQ(crc64("123456789"), 0x995DC9BBDF1939FAull);
  EXPECT_EQ(checksum_text("123456789"), "crc64:995dc9bbdf1939fa");
}

TEST(FileIntegrity, StampedJsonSurvivesADumpAndParseAndCatchesOneChangedDigit) {
  nlohmann::json doc = {{"e_dis_eV_per_A2", 0.327}, {"hkl", {1, 0, 0}}};
  stamp_integrity(doc, kProducer);
  const std::string text = doc.dump(2);
  EXPECT_TRUE(check_integrity(nlohmann::json::parse(text), kProducer).trusted());
  const IntegrityVerdict v =
      check_integrity(nlohmann::json::parse(flip_digit(text, "0.327")), kProducer);
  EXPECT_EQ(v.status, Status::corrupt);
  EXPECT_NE(v.problem.find("checksum mismatch"), std::string::npos) << v.problem;
}

TEST(FileIntegrity, AnotherProducerIsNamedAndAnUnstampedFileIsToldApart) {
  nlohmann::json doc = {{"x", 1}};
  stamp_integrity(doc, kProducer);
  nlohmann::json other = kProducer;
  other["engine_version"] = "md@def";
  const IntegrityVerdict v = check_integrity(doc, other);
  EXPECT_EQ(v.status, Status::foreign);
  EXPECT_EQ(v.problem,
            "producer key 'engine_version' differs (\"md@abc\" in the file, \"md@def\" now)");
  EXPECT_EQ(check_integrity(nlohmann::json{{"x", 1}}, kProducer).status, Status::unstamped);
  doc["integrity"].erase("checksum");
  EXPECT_EQ(check_integrity(doc, kProducer).status, Status::corrupt);
}

TEST(FileIntegrity, StampedTextGivesBackItsBodyAndCatchesOneChangedDigit) {
  const std::string body = "step 120\ncell 4.08 0 0\n";
  const std::string stamped = stamp_text_integrity(body, kProducer);
  std::string read;
  ASSERT_TRUE(check_text_integrity(stamped, kProducer, read).trusted());
  EXPECT_EQ(read, body);
  EXPECT_EQ(check_text_integrity(flip_digit(stamped, "4.08"), kProducer, read).status,
            Status::corrupt);
  EXPECT_EQ(check_text_integrity(body, kProducer, read).status, Status::unstamped);
  EXPECT_EQ(check_text_integrity(stamped, {{"format", "test-2"}}, read).status, Status::foreign);
}

}  // namespace
}  // namespace fw
