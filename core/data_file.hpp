/// \file data_file.hpp
/// \brief Where a data file the project ships (data/<kind>/<name>) is found: as given, under
/// $FACETWELD_DATA/<kind>/, or in the source tree's data/<kind>/ when run from a build.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fw {

/// The places `name` is looked for, in order: `name` itself (absolute, or relative to the working
/// folder), then for a relative name $FACETWELD_DATA/`kind`/`name` and the source tree's
/// data/`kind`/`name` (an installed or a built facetweld alike).
std::vector<std::filesystem::path> data_file_candidates(const std::string& kind,
                                                        const std::filesystem::path& name);

/// The first of data_file_candidates that is a regular file.
std::optional<std::filesystem::path> find_data_file(const std::string& kind,
                                                    const std::filesystem::path& name);

}  // namespace fw
