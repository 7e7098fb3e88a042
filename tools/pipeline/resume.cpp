/// \file resume.cpp
/// \brief Resuming `facetweld run`: results files carry the settings that produced them.
#include <fstream>

#include "core/atomic_file.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

std::optional<slabs::FacetTable> resume_facet_table(const std::filesystem::path& file,
                                                    const nlohmann::json& key,
                                                    StageResult& result) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  std::ifstream in(file);
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (!j.contains("settings_key") || j["settings_key"] != key) return std::nullopt;
    result.status = "resumed";
    result.note = file.filename().string() + " from an earlier run with the same settings";
    return slabs::facet_table_from_json(j, file.string());
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // unreadable: recompute and overwrite
  }
}

void write_resumable_facet_table(const std::filesystem::path& file, slabs::FacetTable table,
                                 const nlohmann::json& key) {
  table.settings = key;
  nlohmann::json j = slabs::to_json(table);
  j["settings_key"] = key;
  write_file_atomically(file, j.dump(2) + "\n");
}

}  // namespace fw::pipeline
