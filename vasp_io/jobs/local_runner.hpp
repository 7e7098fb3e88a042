/// \file local_runner.hpp
/// \brief Runs a job (VASP, native DFT) on this machine, one attempt at a time, detached from
/// facetweld.
#pragma once

#include "vasp_io/jobs/batch_system.hpp"

namespace fw::vasp {

class LocalRunner final : public BatchSystem {
 public:
  explicit LocalRunner(AttemptCommand command) : command_(std::move(command)) {}
  std::string name() const override { return "local"; }
  /// Starts the attempt in its own session; the id is the process id.
  std::string submit(const std::filesystem::path& folder, const std::string& job_name) override;
  AttemptPoll poll(const std::string& id, const std::filesystem::path& folder) override;
  bool concurrent() const override { return false; }

 private:
  AttemptCommand command_;
};

}  // namespace fw::vasp
