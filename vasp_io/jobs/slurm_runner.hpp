/// \file slurm_runner.hpp
/// \brief Slurm: writes facetweld.sbatch, submits with `sbatch --parsable`, follows the job with
/// squeue, then sacct, then `scontrol show job` (for clusters without accounting).
#pragma once

#include "vasp_io/jobs/batch_system.hpp"

namespace fw::vasp {

class SlurmRunner final : public BatchSystem {
 public:
  SlurmRunner(AttemptCommand command, BatchResources resources)
      : command_(std::move(command)), resources_(std::move(resources)) {}
  std::string name() const override { return "slurm"; }
  std::string submit(const std::filesystem::path& folder, const std::string& job_name) override;
  AttemptPoll poll(const std::string& id, const std::filesystem::path& folder) override;

 private:
  AttemptCommand command_;
  BatchResources resources_;
};

inline constexpr const char* kSlurmScript = "facetweld.sbatch";

}  // namespace fw::vasp
