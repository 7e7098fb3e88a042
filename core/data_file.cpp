/// \file data_file.cpp
/// \brief Data file lookup: as given, $FACETWELD_DATA, the source tree's data/.
#include "core/data_file.hpp"

#include <cstdlib>

namespace fw {

std::vector<std::filesystem::path> data_file_candidates(const std::string& kind,
                                                        const std::filesystem::path& name) {
  std::vector<std::filesystem::path> candidates{name};
  if (name.is_absolute()) return candidates;
  if (const char* data = std::getenv("FACETWELD_DATA"))
    candidates.push_back(std::filesystem::path(data) / kind / name);
  candidates.push_back(std::filesystem::path(FACETWELD_SOURCE_DATA_DIR) / kind / name);
  return candidates;
}

std::optional<std::filesystem::path> find_data_file(const std::string& kind,
                                                    const std::filesystem::path& name) {
  for (const auto& c : data_file_candidates(kind, name))
    if (std::filesystem::is_regular_file(c)) return c;
  return std::nullopt;
}

}  // namespace fw
