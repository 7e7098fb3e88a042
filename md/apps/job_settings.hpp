/// \file job_settings.hpp
/// \brief The settings tables of `facetweld md run` job files, one per TOML section (top level,
/// [run], [minimize], [output], [neighbor], [freeze], [substrate]), and the job-file reader.
#pragma once

#include <filesystem>
#include <vector>

#include "core/settings/table.hpp"
#include "md/apps/job.hpp"

namespace fw::md {

/// Every section of the job file; the top level has the empty section name.
const std::vector<const settings::Table<JobSpec>*>& job_settings_tables();

/// Parses and validates; throws InputError(path, line, ...) for bad or unknown keys.
JobSpec read_job(const std::filesystem::path& path);

}  // namespace fw::md
