/// \file batch_system.hpp
/// \brief Where a job attempt runs: on this machine, or through Slurm or PBS. One interface,
/// small implementations chosen by name; VASP jobs (`facetweld vasp run`) and native DFT jobs
/// (`facetweld scf --scheduler`) both submit through it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace fw::vasp {

/// Resources written into batch scripts.
struct BatchResources {
  int nodes = 1;
  int tasks = 4;                      ///< MPI ranks in total
  std::string walltime = "24:00:00";  ///< [D-]HH:MM:SS
  std::string partition;              ///< Slurm partition / PBS queue ("" = site default)
  std::string account;                ///< project to charge ("" = none)
};

enum class AttemptStatus { queued, running, finished };

struct AttemptPoll {
  AttemptStatus status = AttemptStatus::queued;
  std::optional<int> exit_code;  ///< of the VASP command, when known
  std::string scheduler_state;   ///< as the batch system printed it (PENDING, R, ...)
};

/// Marker file the attempt script writes with VASP's exit code as its last act.
inline constexpr const char* kExitCodeFile = ".facetweld_exit";
/// VASP's stdout and stderr inside the job folder.
inline constexpr const char* kVaspStdout = "vasp.out";
inline constexpr const char* kVaspStderr = "vasp.err";

/// What one attempt runs: a shell command and the files its stdout and stderr go to. A plain
/// string is a VASP command (vasp.out, vasp.err); a native DFT job names its own files.
struct AttemptCommand {
  std::string command;
  std::string stdout_file = kVaspStdout;
  std::string stderr_file = kVaspStderr;
  std::string program = "VASP";  ///< for the script's comment and error messages
  AttemptCommand(std::string vasp_command) : command(std::move(vasp_command)) {}  // NOLINT
  AttemptCommand(std::string command_line, std::string stdout_name, std::string stderr_name,
                 std::string program_name)
      : command(std::move(command_line)),
        stdout_file(std::move(stdout_name)),
        stderr_file(std::move(stderr_name)),
        program(std::move(program_name)) {}
};

class BatchSystem {
 public:
  virtual ~BatchSystem() = default;
  virtual std::string name() const = 0;
  /// Starts one attempt in `folder` (absolute path); returns the id to poll. InputError when the
  /// batch system refuses the job (its message included).
  virtual std::string submit(const std::filesystem::path& folder, const std::string& job_name) = 0;
  virtual AttemptPoll poll(const std::string& id, const std::filesystem::path& folder) = 0;
  /// True when many attempts may be in flight at once (a queue); false for local runs.
  virtual bool concurrent() const { return true; }
};

/// The shell lines of one attempt: run the command with stdout/stderr to its files (VASP:
/// vasp.out/vasp.err), then record its exit code in .facetweld_exit.
std::string attempt_shell_lines(const AttemptCommand& command);
/// Reads .facetweld_exit in `folder`, if present.
std::optional<int> read_exit_code_file(const std::filesystem::path& folder);

/// `kind`: local | slurm | pbs. InputError("--scheduler") for anything else, and for bad resources
/// (walltime not [D-]HH:MM:SS, nodes or tasks < 1).
std::unique_ptr<BatchSystem> make_batch_system(const std::string& kind,
                                               const AttemptCommand& command,
                                               const BatchResources& resources = {});

/// The batch script text for Slurm (sbatch) or PBS (qsub), exposed for tests and `--dry-run`.
std::string slurm_script(const std::string& job_name, const std::filesystem::path& folder,
                         const AttemptCommand& command, const BatchResources& resources);
std::string pbs_script(const std::string& job_name, const std::filesystem::path& folder,
                       const AttemptCommand& command, const BatchResources& resources);

/// Maps Slurm and PBS state words to AttemptStatus ("PENDING"/"Q" → queued, "RUNNING"/"R" →
/// running, "COMPLETED"/"FAILED"/"F" → finished); nullopt for an unknown word.
std::optional<AttemptStatus> slurm_state_status(const std::string& state);
std::optional<AttemptStatus> pbs_state_status(const std::string& state);

}  // namespace fw::vasp
