/// \file registry.hpp
/// \brief The job registry: one SQLite file in the jobs folder holding every job's inputs hash,
/// state, attempts, fixes, results and history. State changes are compare-and-set, so two
/// `facetweld vasp run` processes on one folder never both submit or repair a job.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace fw::vasp {

/// Job life cycle: pending → submitting → queued → running → evaluating → done | failed, and
/// evaluating → pending again after a repair.
namespace job_state {
inline constexpr const char* pending = "pending";
inline constexpr const char* submitting = "submitting";
inline constexpr const char* queued = "queued";
inline constexpr const char* running = "running";
inline constexpr const char* evaluating = "evaluating";
inline constexpr const char* done = "done";
inline constexpr const char* failed = "failed";
}  // namespace job_state

struct JobRecord {
  std::string name;
  std::string state;
  std::string inputs_hash;   ///< of INCAR+POSCAR+KPOINTS+POTCAR of the current attempt
  int attempts = 0;          ///< VASP runs started
  int fixes = 0;             ///< repairs applied
  std::string scheduler;     ///< local | slurm | pbs
  std::string scheduler_id;  ///< batch job id, or the local process id
  std::string owner;         ///< "host:pid" of the facetweld process that holds a transient state
  std::optional<double> energy_eV;
  std::string result_json;  ///< parsed result of the finished run
  std::string message;      ///< last error or note
  double updated_unix_s = 0.0;
};

struct HistoryEntry {
  long id = 0;
  std::string job;
  double time_unix_s = 0.0;
  int attempt = 0;
  std::string event;   ///< registered, submitted, finished, error, fix, done, failed, recovered
  std::string detail;  ///< JSON or text
};

/// Fields to change together with a state transition (unset optionals stay as they are).
struct JobUpdate {
  std::optional<std::string> inputs_hash = std::nullopt;
  std::optional<std::string> scheduler = std::nullopt;
  std::optional<std::string> scheduler_id = std::nullopt;
  std::optional<std::string> owner = std::nullopt;
  std::optional<std::string> result_json = std::nullopt;
  std::optional<std::string> message = std::nullopt;
  std::optional<double> energy_eV = std::nullopt;
  int add_attempts = 0;
  int add_fixes = 0;
  /// History line written in the same transaction (skipped when `event` is empty).
  std::string event = {};
  std::string detail = {};
};

class Registry {
 public:
  static constexpr const char* kFileName = "registry.sqlite";

  /// Opens (creating if needed) `<jobs_dir>/registry.sqlite`; WAL mode, 30 s busy timeout.
  explicit Registry(const std::filesystem::path& jobs_dir);
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// Adds the job as pending if it is not there yet; returns whether it was added.
  bool register_job(const std::string& name, const std::string& inputs_hash);
  std::vector<JobRecord> jobs() const;
  std::optional<JobRecord> job(const std::string& name) const;

  /// Atomically moves `name` from `from` to `to` with `update`; false (and nothing changed) when
  /// the job is not in state `from` — someone else got there first.
  bool transition(const std::string& name, const std::string& from, const std::string& to,
                  const JobUpdate& update = {});
  /// Same, additionally requiring the current owner to be `owner`.
  bool transition_owned(const std::string& name, const std::string& from, const std::string& owner,
                        const std::string& to, const JobUpdate& update = {});

  void add_history(const std::string& name, int attempt, const std::string& event,
                   const std::string& detail);
  std::vector<HistoryEntry> history(const std::string& name) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  bool transition_impl(const std::string& name, const std::string& from, const std::string* owner,
                       const std::string& to, const JobUpdate& update);
  void exec(const char* sql) const;
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

/// "host:pid" of this process.
std::string this_process_owner();
/// True when `owner` ("host:pid") names a live process on this host, or a process on another host
/// (which cannot be checked and is assumed alive).
bool owner_alive(const std::string& owner);

}  // namespace fw::vasp
