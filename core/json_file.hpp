/// \file json_file.hpp
/// \brief Reading a JSON file a user or an earlier run gave us: any fault is an InputError naming
/// the file, never an "internal error".
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace fw {

/// Parses `path`. Throws InputError(path) when it cannot be opened ("cannot open <what>") or is
/// not valid JSON — a syntax error (with nlohmann's line and column) or a number beyond double's
/// range (`1e400`), which nlohmann reports as out_of_range rather than parse_error.
nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& what);

}  // namespace fw
