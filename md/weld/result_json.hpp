/// \file result_json.hpp
/// \brief The files of one welding run apart from its physics: result.json (the result, the run's
/// settings and an integrity block, core/file_integrity.hpp), read back only while intact, and
/// timeseries.csv. docs/formats.md.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "md/weld/result.hpp"

namespace fw::md {

/// The result's keys (result.json without settings and integrity; weld.json's runs[]).
nlohmann::json weld_result_json(const WeldResult& result);

/// Throws InputError(source) when `j` is not a weld result.
WeldResult weld_result_from_json(const nlohmann::json& j, const std::string& source);

/// What produced a run's result.json (its integrity producer, core/file_integrity.hpp): the
/// format, the md engine version and the fingerprint of the run's settings (`settings.to_json()`).
nlohmann::json weld_result_producer(const nlohmann::json& settings);

/// Writes `path` (atomically): the result, `settings` (the run's settings.to_json()) and the
/// integrity block.
void write_weld_result(const std::filesystem::path& path, const WeldResult& result,
                       const nlohmann::json& settings);

/// The result stored in `path` if its checksum holds and it was produced with `settings` by this
/// md engine; false otherwise (a file that fails is named in a one-line notice: the run is rerun).
bool read_weld_result(const std::filesystem::path& path, const nlohmann::json& settings,
                      WeldResult& out);

/// timeseries.csv: one row per sample (time, energy, temperature, angle, neck, interface CNA).
std::string weld_timeseries_csv(const std::vector<WeldSample>& samples);

}  // namespace fw::md
