/// \file file_integrity.cpp
/// \brief Checksums (Boost.CRC, CRC-64/XZ) and producer keys of the files a rerun trusts.
#include "core/file_integrity.hpp"

#include <boost/crc.hpp>
#include <cstdio>
#include <iostream>

namespace fw {

namespace {

using Crc64Xz = boost::crc_optimal<64, 0x42F0E1EBA9EA3693ull, ~0ull, ~0ull, true, true>;

constexpr const char* kTextPrefix = "integrity ";

/// `value` as compact JSON, cut to a length a one-line notice can hold.
std::string short_dump(const nlohmann::json& value) {
  std::string s = value.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

/// Empty when equal, else which producer key differs and how.
std::string producer_difference(const nlohmann::json& stored, const nlohmann::json& expected) {
  if (stored == expected) return {};
  if (stored.is_object() && expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      const auto it = stored.find(key);
      if (it == stored.end())
        return "written without the producer key '" + key + "' (" + short_dump(value) + " now)";
      if (*it != value)
        return "producer key '" + key + "' differs (" + short_dump(*it) + " in the file, " +
               short_dump(value) + " now)";
    }
    for (const auto& [key, value] : stored.items())
      if (!expected.contains(key)) return "written with an unknown producer key '" + key + "'";
  }
  return "written by another producer (" + short_dump(stored) + ")";
}

IntegrityVerdict verdict(IntegrityVerdict::Status status, std::string problem) {
  return {status, std::move(problem)};
}

}  // namespace

std::uint64_t crc64(std::string_view bytes) {
  Crc64Xz crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

std::string checksum_text(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(crc64(bytes)));
  return std::string("crc64:") + hex;
}

std::string json_fingerprint(const nlohmann::json& value) {
  return checksum_text(value.dump());
}

void stamp_integrity(nlohmann::json& doc, const nlohmann::json& producer) {
  doc["integrity"] = {{"producer", producer}};
  doc["integrity"]["checksum"] = json_fingerprint(doc);
}

IntegrityVerdict check_integrity(const nlohmann::json& doc, const nlohmann::json& producer) {
  using S = IntegrityVerdict::Status;
  if (!doc.is_object() || !doc.contains("integrity"))
    return verdict(S::unstamped, "no checksum (written by an older facetweld or by hand)");
  const nlohmann::json& block = doc.at("integrity");
  if (!block.is_object() || !block.contains("producer") || !block.contains("checksum") ||
      !block.at("checksum").is_string())
    return verdict(S::corrupt, "damaged integrity block");
  nlohmann::json covered = doc;
  covered["integrity"].erase("checksum");
  if (json_fingerprint(covered) != block.at("checksum").get<std::string>())
    return verdict(S::corrupt, "checksum mismatch (the content changed after it was written)");
  const std::string difference = producer_difference(block.at("producer"), producer);
  if (!difference.empty()) return verdict(S::foreign, difference);
  return {};
}

std::string stamp_text_integrity(const std::string& body, const nlohmann::json& producer) {
  const std::string key = producer.dump();
  return body + kTextPrefix + checksum_text(body + key) + " " + key + "\n";
}

IntegrityVerdict check_text_integrity(const std::string& content, const nlohmann::json& producer,
                                      std::string& body) {
  using S = IntegrityVerdict::Status;
  const std::size_t end = content.size() - (content.ends_with('\n') ? 1 : 0);
  const std::size_t start = content.rfind('\n', end == 0 ? 0 : end - 1);
  const std::size_t line_start = start == std::string::npos ? 0 : start + 1;
  const std::string line = content.substr(line_start, end - line_start);
  if (!line.starts_with(kTextPrefix))
    return verdict(S::unstamped, "no checksum (written by an older facetweld or by hand)");
  const std::string rest = line.substr(std::string(kTextPrefix).size());
  const std::size_t space = rest.find(' ');
  const nlohmann::json stored = nlohmann::json::parse(
      space == std::string::npos ? std::string() : rest.substr(space + 1), nullptr, false);
  if (space == std::string::npos || stored.is_discarded())
    return verdict(S::corrupt, "damaged checksum line");
  const std::string text = content.substr(0, line_start);
  if (checksum_text(text + stored.dump()) != rest.substr(0, space))
    return verdict(S::corrupt, "checksum mismatch (the content changed after it was written)");
  const std::string difference = producer_difference(stored, producer);
  if (!difference.empty()) return verdict(S::foreign, difference);
  body = text;
  return {};
}

void print_integrity_notice(const std::filesystem::path& file, const std::string& problem,
                            const std::string& action) {
  std::cerr << "facetweld: notice: " << file.string() << ": " << problem << "; " << action
            << std::endl;
}

}  // namespace fw
