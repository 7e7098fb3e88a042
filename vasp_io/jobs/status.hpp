/// \file status.hpp
/// \brief `facetweld vasp status`: one row per job from the registry, with the energy so far read
/// from OSZICAR for jobs still running.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fw::vasp {

struct StatusRow {
  std::string name;
  std::string state;  ///< registry state; "repaired" for a pending job that got a fix
  int attempts = 0;
  int fixes = 0;
  std::string scheduler;  ///< "slurm 123", "local 4567", ""
  std::optional<double> energy_eV;
  std::string energy_source;  ///< "final E(sigma->0)", "OSZICAR step 3 E0", "OSZICAR SCF 12"
  std::string message;
};

/// Reads the registry (jobs not yet run show as pending) without changing anything.
std::vector<StatusRow> job_status(const std::filesystem::path& jobs_dir);
std::string format_status_table(const std::vector<StatusRow>& rows);
nlohmann::json to_json(const std::vector<StatusRow>& rows);

}  // namespace fw::vasp
