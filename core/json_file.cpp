/// \file json_file.cpp
/// \brief JSON files read with every nlohmann exception turned into an InputError naming the file.
#include "core/json_file.hpp"

#include <fstream>

#include "core/error.hpp"

namespace fw {

nlohmann::json read_json_file(const std::filesystem::path& path, const std::string& what) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot open " + what);
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path.string(), "not valid JSON (" + what + "): " + e.what());
  }
}

}  // namespace fw
