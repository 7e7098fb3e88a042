/// \file resume.cpp
/// \brief Resuming `facetweld run`: results files carry the settings that produced them and a
/// checksum (core/file_integrity.hpp); one that fails either is recomputed.
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/file_integrity.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

nlohmann::json stage_file_producer(const nlohmann::json& key) {
  return {{"format", "facetweld-run-stage-1"}, {"settings", json_fingerprint(key)}};
}

std::optional<slabs::FacetTable> resume_facet_table(const std::filesystem::path& file,
                                                    const nlohmann::json& key,
                                                    StageResult& result) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  std::ifstream in(file);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  // A failed stage's table, written for inspection without a key: recomputed, as it says.
  if (j.is_object() && !j.contains("settings_key")) return std::nullopt;
  const IntegrityVerdict verdict =
      j.is_discarded() ? IntegrityVerdict{IntegrityVerdict::Status::corrupt, "not valid JSON"}
                       : check_integrity(j, stage_file_producer(key));
  if (!verdict.trusted()) {
    print_integrity_notice(file, verdict.problem, "running the stage again");
    return std::nullopt;
  }
  result.status = "resumed";
  result.note = file.filename().string() + " from an earlier run with the same settings";
  return slabs::facet_table_from_json(j, file.string());
}

void write_resumable_json(const std::filesystem::path& file, nlohmann::json doc,
                          const nlohmann::json& key) {
  doc["settings_key"] = key;
  stamp_integrity(doc, stage_file_producer(key));
  write_file_atomically(file, doc.dump(2) + "\n");
}

void write_resumable_facet_table(const std::filesystem::path& file, slabs::FacetTable table,
                                 const nlohmann::json& key) {
  table.settings = key;
  write_resumable_json(file, slabs::to_json(table), key);
}

}  // namespace fw::pipeline
