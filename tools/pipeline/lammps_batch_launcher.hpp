/// \file lammps_batch_launcher.hpp
/// \brief The welding study's LAMMPS decks as batch jobs: each run folder becomes one job of the
/// batch-system interface of `facetweld vasp run` (local, Slurm or PBS), tracked in that
/// interface's job registry (registry.sqlite in the study folder), so a rerun of the study
/// watches jobs already queued or running and reads finished ones back instead of resubmitting.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "md/apps/lammps_launcher.hpp"
#include "vasp_io/jobs/batch_system.hpp"
#include "vasp_io/jobs/registry.hpp"

namespace fw::pipeline {

struct LammpsBatchOptions {
  std::string scheduler = "local";  ///< local | slurm | pbs
  /// Nodes, MPI ranks (tasks) per job, walltime, partition, account. Locally only `tasks`
  /// counts (mpirun -np tasks when above 1).
  vasp::BatchResources resources;
  double poll_interval_s = 30.0;  ///< between two polls of the jobs in flight
  std::ostream* log = nullptr;    ///< one line per submission and state change
};

/// The shell line of one job in its folder: `OMP_NUM_THREADS=1 srun lmp -sf opt -in <input> …`
/// under Slurm, `mpirun lmp …` under PBS (both take the ranks from the allocation), `lmp …` or
/// `mpirun -np N lmp …` locally.
std::string lammps_job_command(const std::string& scheduler, const std::filesystem::path& lmp,
                               const std::string& input, int tasks);

class LammpsBatchLauncher final : public md::LammpsLauncher {
 public:
  /// `study_dir` holds the registry (opened at the first run, once the study created the folder);
  /// job names are the run folders relative to it. Throws InputError for a bad scheduler name or
  /// resources (make_batch_system's checks), before anything runs.
  LammpsBatchLauncher(std::filesystem::path study_dir, std::filesystem::path lmp,
                      LammpsBatchOptions options);
  ~LammpsBatchLauncher() override;

  /// Submits the job of `dir` unless the registry knows it: a job done with the same deck and
  /// data whose `outputs` are all there is not run again, one queued or running is watched. Waits
  /// for it; a job that ended with a non-zero exit code or without an output is marked failed
  /// and throws InputError naming the folder and its log. Once one job has failed, every other
  /// waiting call throws that error too (their jobs stay queued, and a rerun follows them).
  void run(const std::filesystem::path& dir, const std::string& input,
           const std::vector<std::string>& outputs) override;
  bool queues_runs() const override { return options_.scheduler != "local"; }

 private:
  struct Job {
    std::filesystem::path folder;
    std::string input;
    std::vector<std::string> outputs;
    std::string inputs_hash;
  };
  vasp::Registry& registry();
  std::unique_ptr<vasp::BatchSystem> batch(const std::string& input) const;
  void take_over(const std::string& name, const Job& job);
  void submit(const std::string& name, const Job& job);
  void poll_in_flight();
  void evaluate(const std::string& name, const Job& job, const vasp::AttemptPoll& poll);
  void say(const std::string& name, const std::string& text) const;

  std::filesystem::path study_dir_;
  std::filesystem::path lmp_;
  LammpsBatchOptions options_;
  std::string me_;    ///< this process as registry owner ("host:pid")
  std::mutex mutex_;  ///< guards everything below (one SQLite connection, one poller at a time)
  std::condition_variable polled_;
  std::chrono::steady_clock::time_point next_poll_{};
  std::unique_ptr<vasp::Registry> registry_;
  std::map<std::string, Job> watched_;
  std::exception_ptr failure_;  ///< the first failed job's error
};

}  // namespace fw::pipeline
