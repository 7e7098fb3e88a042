/// \file pbs_runner.hpp
/// \brief PBS Pro / OpenPBS / Torque: writes facetweld.pbs, submits with qsub, polls `qstat -f`.
#pragma once

#include "vasp_io/jobs/batch_system.hpp"

namespace fw::vasp {

class PbsRunner final : public BatchSystem {
 public:
  PbsRunner(AttemptCommand command, BatchResources resources)
      : command_(std::move(command)), resources_(std::move(resources)) {}
  std::string name() const override { return "pbs"; }
  std::string submit(const std::filesystem::path& folder, const std::string& job_name) override;
  AttemptPoll poll(const std::string& id, const std::filesystem::path& folder) override;

 private:
  AttemptCommand command_;
  BatchResources resources_;
};

inline constexpr const char* kPbsScript = "facetweld.pbs";

/// Reads `job_state` and `Exit_status` from `qstat -f` output.
AttemptPoll parse_qstat_full(const std::string& text);

}  // namespace fw::vasp
