/// \file driver.hpp
/// \brief `facetweld vasp run`: submit pending jobs, follow them, judge each finished attempt,
/// repair and resubmit or record the result — resumable, and safe with two runs on one folder.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vasp_io/jobs/batch_system.hpp"
#include "vasp_io/jobs/manifest.hpp"
#include "vasp_io/jobs/registry.hpp"

namespace fw::vasp {

struct RunOptions {
  int max_fixes = 5;                ///< repairs per job before it is marked failed
  double poll_interval_s = 30.0;    ///< between scheduler polls (local runs: min(this, 1 s))
  bool wait = true;                 ///< false: submit and evaluate what is ready, then return
  int max_in_flight = 0;            ///< queued+running at once for a batch system (0 = no limit)
  bool retry_failed = false;        ///< put failed jobs back to pending first
  std::optional<double> timeout_s;  ///< stop following after this long (jobs keep running)
  std::ostream* log = nullptr;      ///< progress lines ("100/crystal: submitted (slurm 12)")
};

struct RunSummary {
  int done = 0, failed = 0, pending = 0, in_flight = 0;
  int submitted_now = 0, repaired_now = 0;
};

/// Hash (FNV-1a 64, hex) of the files `names` in `folder` (a missing one counts as empty): tells
/// which inputs an attempt ran with (a change detector, not a security hash).
std::string files_hash(const std::filesystem::path& folder, const std::vector<std::string>& names);
/// files_hash of a VASP job's INCAR, POSCAR, KPOINTS and POTCAR.
std::string inputs_hash(const std::filesystem::path& folder);

/// Registers every manifest job that the registry does not know yet, as pending.
void sync_registry(Registry& registry, const Manifest& manifest,
                   const std::filesystem::path& jobs_dir);

RunSummary run_jobs(const std::filesystem::path& jobs_dir, BatchSystem& batch,
                    const RunOptions& options);

/// Folder where attempt `n`'s inputs and outputs are kept after a failure.
std::filesystem::path attempt_archive(const std::filesystem::path& job_folder, int attempt);

}  // namespace fw::vasp
