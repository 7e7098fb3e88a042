/// \file file_integrity.hpp
/// \brief The integrity rule for every file a rerun trusts (resume, cache, result files): each
/// carries a checksum and the key of what produced it; a rerun reuses it only when both hold.
///
/// A JSON document gets {"integrity": {"checksum": "crc64:<16 hex>", "producer": {...}}}; the
/// checksum is CRC-64/XZ (Boost.CRC) of the compact dump (sorted keys) of the document with the
/// producer in it and the checksum left out. A text file gets a last line
/// `integrity crc64:<16 hex> <producer as compact JSON>`, the checksum taken over every byte
/// before that line followed by the producer's dump. docs/formats.md, "Integrity of files a rerun
/// trusts".
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace fw {

/// CRC-64/XZ (ECMA-182 polynomial, reflected, all-ones init and final xor).
std::uint64_t crc64(std::string_view bytes);

/// "crc64:<16 lower-case hex digits>" of `bytes`.
std::string checksum_text(std::string_view bytes);

/// The checksum of a JSON value's compact dump: a short fingerprint of a key too long to repeat
/// (settings objects, a cell's structure key).
std::string json_fingerprint(const nlohmann::json& value);

/// Whether a file can be trusted, and if not, why (one phrase for a one-line notice).
struct IntegrityVerdict {
  enum class Status {
    trusted,    ///< checksum and producer hold
    unstamped,  ///< no integrity block: an older facetweld wrote it, or a hand-made file
    corrupt,    ///< the content changed after it was written (or the block is damaged)
    foreign     ///< intact, but written by another producer (settings, engine version, format)
  };
  Status status = Status::trusted;
  std::string problem;  ///< empty when trusted
  bool trusted() const { return status == Status::trusted; }
};

/// Adds (or replaces) the integrity block of `doc` (a JSON object).
void stamp_integrity(nlohmann::json& doc, const nlohmann::json& producer);

/// Checks the checksum first (a corrupt file says so even when its producer also differs), then
/// that the stored producer equals `producer` (naming the first key that differs).
IntegrityVerdict check_integrity(const nlohmann::json& doc, const nlohmann::json& producer);

/// Text files: `body` (ending in a newline) followed by its integrity line.
std::string stamp_text_integrity(const std::string& body, const nlohmann::json& producer);

/// Checks the last line of `content`; on success `body` receives the text before it.
IntegrityVerdict check_text_integrity(const std::string& content, const nlohmann::json& producer,
                                      std::string& body);

/// The one-line notice on stderr: "facetweld: notice: FILE: PROBLEM; ACTION".
void print_integrity_notice(const std::filesystem::path& file, const std::string& problem,
                            const std::string& action);

}  // namespace fw
