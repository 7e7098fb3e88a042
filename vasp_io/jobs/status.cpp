/// \file status.cpp
/// \brief Status rows and the text table.
#include "vasp_io/jobs/status.hpp"

#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "vasp_io/jobs/manifest.hpp"
#include "vasp_io/jobs/registry.hpp"
#include "vasp_io/oszicar.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;

std::vector<StatusRow> job_status(const fs::path& jobs_dir) {
  const Manifest manifest = read_manifest(jobs_dir);
  std::map<std::string, JobRecord> records;
  if (fs::exists(jobs_dir / Registry::kFileName)) {
    Registry registry(jobs_dir);
    for (auto& r : registry.jobs()) records[r.name] = r;
  }
  std::vector<StatusRow> rows;
  for (const auto& job : manifest.jobs) {
    StatusRow row;
    row.name = job.name;
    row.state = job_state::pending;
    if (auto it = records.find(job.name); it != records.end()) {
      const JobRecord& r = it->second;
      row.state = r.state;
      if (r.state == job_state::pending && r.fixes > 0) row.state = "repaired";
      row.attempts = r.attempts;
      row.fixes = r.fixes;
      if (!r.scheduler_id.empty()) row.scheduler = r.scheduler + " " + r.scheduler_id;
      row.message = r.message;
      if (r.energy_eV) {
        row.energy_eV = r.energy_eV;
        row.energy_source = "final E(sigma->0)";
      }
    }
    if (!row.energy_eV && fs::exists(jobs_dir / job.name / "OSZICAR")) {
      try {
        const Oszicar osz = read_oszicar(jobs_dir / job.name / "OSZICAR");
        if (!osz.unfinished_step.empty()) {
          row.energy_eV = osz.unfinished_step.back().energy_eV;
          row.energy_source = "OSZICAR step " + std::to_string(osz.ionic_steps.size() + 1) +
                              " SCF " + std::to_string(osz.unfinished_step.back().index);
        } else if (!osz.ionic_steps.empty()) {
          row.energy_eV = osz.ionic_steps.back().energy_sigma0_eV;
          row.energy_source =
              "OSZICAR step " + std::to_string(osz.ionic_steps.back().index) + " E0";
        }
      } catch (const InputError&) {
        // An OSZICAR that VASP has only just opened: nothing to show yet.
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string format_status_table(const std::vector<StatusRow>& rows) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-16s %-10s %8s %5s %-14s %18s  %s\n", "job", "state",
                "attempts", "fixes", "scheduler", "energy_eV", "note");
  out += line;
  std::map<std::string, int> counts;
  for (const auto& r : rows) {
    char energy[32] = "-";
    if (r.energy_eV) std::snprintf(energy, sizeof energy, "%.6f", *r.energy_eV);
    std::string note = r.energy_source;
    if (!r.message.empty() && r.state != "done") note += (note.empty() ? "" : "; ") + r.message;
    std::snprintf(line, sizeof line, "%-16s %-10s %8d %5d %-14s %18s  %s\n", r.name.c_str(),
                  r.state.c_str(), r.attempts, r.fixes, r.scheduler.c_str(), energy, note.c_str());
    out += line;
    ++counts[r.state];
  }
  std::string totals;
  for (const auto& [state, n] : counts)
    totals += (totals.empty() ? "" : ", ") + std::to_string(n) + " " + state;
  out += std::to_string(rows.size()) + " jobs: " + totals + "\n";
  return out;
}

nlohmann::json to_json(const std::vector<StatusRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json j = {{"job", r.name},
                        {"state", r.state},
                        {"attempts", r.attempts},
                        {"fixes", r.fixes},
                        {"scheduler", r.scheduler},
                        {"message", r.message},
                        {"energy_source", r.energy_source}};
    j["energy_eV"] = r.energy_eV ? nlohmann::json(*r.energy_eV) : nlohmann::json(nullptr);
    out.push_back(j);
  }
  return out;
}

}  // namespace fw::vasp
