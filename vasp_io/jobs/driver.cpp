/// \file driver.cpp
/// \brief The run loop over the registry.
#include "vasp_io/jobs/driver.hpp"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/jobs/outcome.hpp"
#include "vasp_io/jobs/output_check.hpp"
#include "vasp_io/jobs/repair.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace js = job_state;
namespace {

/// Outputs removed from the job folder after they were archived, so the next attempt starts clean.
constexpr const char* kAttemptOutputs[] = {"OUTCAR",    "OSZICAR",   "vasprun.xml",
                                           kVaspStdout, kVaspStderr, kExitCodeFile};
constexpr const char* kAttemptInputs[] = {"INCAR", "KPOINTS", "POSCAR", "CONTCAR"};

void log_line(const RunOptions& o, const std::string& job, const std::string& text) {
  if (o.log) *o.log << "vasp run: " << job << ": " << text << std::endl;
}

/// Copies inputs and outputs of the failed attempt into attempt_<n>/, then clears the outputs.
void archive_attempt(const fs::path& folder, int attempt) {
  const fs::path dest = attempt_archive(folder, attempt);
  fs::create_directories(dest);
  std::error_code ec;
  for (const char* name : kAttemptInputs)
    if (fs::exists(folder / name))
      fs::copy_file(folder / name, dest / name, fs::copy_options::overwrite_existing, ec);
  for (const char* name : kAttemptOutputs)
    if (fs::exists(folder / name))
      fs::copy_file(folder / name, dest / name, fs::copy_options::overwrite_existing, ec);
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("slurm-", 0) == 0 && entry.path().extension() == ".out")
      fs::rename(entry.path(), dest / name, ec);
  }
}

void clear_attempt_outputs(const fs::path& folder) {
  std::error_code ec;
  for (const char* name : kAttemptOutputs) fs::remove(folder / name, ec);
}

std::map<std::string, int> fixes_per_error(const Registry& registry, const std::string& job) {
  std::map<std::string, int> count;
  for (const auto& h : registry.history(job)) {
    if (h.event != "fix") continue;
    try {
      ++count[nlohmann::json::parse(h.detail).at("error").get<std::string>()];
    } catch (const nlohmann::json::exception&) {
    }
  }
  return count;
}

/// What VASP needs to start (VASP wiki: INCAR, POSCAR, POTCAR; KPOINTS unless KSPACING is set).
std::string missing_inputs(const fs::path& folder) {
  std::string missing;
  for (const char* name : {"INCAR", "POSCAR", "POTCAR"})
    if (!fs::exists(folder / name)) missing += std::string(" ") + name;
  if (!fs::exists(folder / "KPOINTS")) {
    try {
      if (!Incar::read(folder / "INCAR").has("KSPACING")) missing += " KPOINTS";
    } catch (const InputError&) {
      missing += " KPOINTS";
    }
  }
  return missing;
}

bool in_flight(const std::string& state) {
  return state == js::submitting || state == js::queued || state == js::running ||
         state == js::evaluating;
}

}  // namespace

fs::path attempt_archive(const fs::path& job_folder, int attempt) {
  return job_folder / ("attempt_" + std::to_string(attempt));
}

std::string files_hash(const fs::path& folder, const std::vector<std::string>& names) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (const std::string& name : names) {
    std::ifstream in(folder / name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes = name + '\0' + bytes + '\0';
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ull;
    }
  }
  std::ostringstream s;
  s << std::hex << h;
  return s.str();
}

std::string inputs_hash(const fs::path& folder) {
  return files_hash(folder, {"INCAR", "POSCAR", "KPOINTS", "POTCAR"});
}

void sync_registry(Registry& registry, const Manifest& manifest, const fs::path& jobs_dir) {
  for (const auto& job : manifest.jobs)
    registry.register_job(job.name, inputs_hash(jobs_dir / job.name));
}

RunSummary run_jobs(const fs::path& jobs_dir, BatchSystem& batch, const RunOptions& o) {
  const Manifest manifest = read_manifest(jobs_dir);
  Registry registry(jobs_dir);
  sync_registry(registry, manifest, jobs_dir);
  const std::string me = this_process_owner();
  RunSummary summary;
  const auto start = std::chrono::steady_clock::now();

  if (o.retry_failed)
    for (const auto& job : registry.jobs())
      if (job.state == js::failed)
        registry.transition(job.name, js::failed, js::pending,
                            {.message = "", .event = "retry", .detail = "--retry-failed"});

  // A job without its POTCAR (prepared without a library: POTCAR.spec) is refused before anything
  // starts; VASP would stop at once, and no repair can make a POTCAR.
  for (const auto& job : registry.jobs()) {
    if (job.state != js::pending) continue;
    const fs::path folder = jobs_dir / job.name;
    if (fs::exists(folder / "POTCAR")) continue;
    std::string need;
    if (std::ifstream spec(folder / "POTCAR.spec"); spec)
      for (std::string name; spec >> name;) need += (need.empty() ? "" : " ") + name;
    throw InputError(folder.string(),
                     "no POTCAR" +
                         (need.empty() ? std::string() : " (POTCAR.spec asks for " + need + ")") +
                         ": assemble it from your licensed VASP library, e.g. `facetweld vasp "
                         "prepare --potcar-dir DIR --force`, then run again");
  }

  while (true) {
    auto jobs = registry.jobs();
    // 1. Recover transient states left by a facetweld process that died.
    for (const auto& job : jobs) {
      if ((job.state == js::submitting || job.state == js::evaluating) && job.owner != me &&
          !owner_alive(job.owner)) {
        const std::string to = job.state == js::submitting ? js::pending : js::running;
        if (registry.transition_owned(
                job.name, job.state, job.owner, to,
                {.owner = "", .event = "recovered", .detail = "owner " + job.owner + " is gone"}))
          log_line(o, job.name, "recovered from a stopped facetweld process");
      }
    }

    // 2. Follow attempts in flight.
    jobs = registry.jobs();
    for (const auto& job : jobs) {
      if (job.state != js::queued && job.state != js::running) continue;
      if (job.scheduler != batch.name()) continue;
      // A local attempt is watched by the process that started it while that process lives.
      if (!batch.concurrent() && job.owner != me && owner_alive(job.owner)) continue;
      const fs::path folder = fs::absolute(jobs_dir / job.name);
      const AttemptPoll poll = batch.poll(job.scheduler_id, folder);
      if (poll.status == AttemptStatus::queued) continue;
      if (poll.status == AttemptStatus::running) {
        if (job.state == js::queued)
          registry.transition(job.name, js::queued, js::running,
                              {.event = "running", .detail = poll.scheduler_state});
        continue;
      }
      // Finished: exactly one process evaluates it.
      if (!registry.transition(job.name, job.state, js::evaluating, {.owner = me})) continue;
      const AttemptOutcome outcome = evaluate_attempt(folder, poll.exit_code);
      if (!outcome.mismatches.empty()) {
        // Outputs of another system: no repair can help, and nothing may be recorded as done.
        std::string why;
        for (const auto& m : outcome.mismatches) why += (why.empty() ? "" : "; ") + m;
        registry.transition_owned(job.name, js::evaluating, me, js::failed,
                                  {.owner = "",
                                   .result_json = outcome.result.dump(),
                                   .message = "outputs do not match the job: " + why,
                                   .event = "failed",
                                   .detail = why});
        throw_output_mismatch(folder, outcome.mismatches);
      }
      if (outcome.success) {
        registry.transition_owned(job.name, js::evaluating, me, js::done,
                                  {.owner = "",
                                   .result_json = outcome.result.dump(),
                                   .message = outcome.summary,
                                   .energy_eV = outcome.energy_eV,
                                   .event = "done",
                                   .detail = outcome.result.dump()});
        log_line(o, job.name, outcome.summary);
        continue;
      }
      registry.add_history(job.name, job.attempts, "error", outcome.result.dump());
      std::optional<Repair> repair;
      if (job.fixes < o.max_fixes) {
        archive_attempt(folder, job.attempts);
        repair = repair_job(folder, outcome.errors, fixes_per_error(registry, job.name));
      }
      if (repair) {
        clear_attempt_outputs(folder);
        nlohmann::json detail = {{"error", repair->error_code},
                                 {"rung", repair->rung},
                                 {"actions", repair->actions},
                                 {"archived_in", attempt_archive(folder, job.attempts).filename()}};
        std::string actions;
        for (const auto& a : repair->actions) actions += (actions.empty() ? "" : "; ") + a;
        registry.transition_owned(job.name, js::evaluating, me, js::pending,
                                  {.inputs_hash = inputs_hash(folder),
                                   .owner = "",
                                   .message = "repaired " + repair->error_code + ": " + actions,
                                   .add_fixes = 1,
                                   .event = "fix",
                                   .detail = detail.dump()});
        ++summary.repaired_now;
        log_line(o, job.name, outcome.summary + " -> fix: " + actions);
      } else {
        const std::string why = job.fixes >= o.max_fixes
                                    ? " (" + std::to_string(o.max_fixes) + " fixes used)"
                                    : " (no fix left for it)";
        registry.transition_owned(job.name, js::evaluating, me, js::failed,
                                  {.owner = "",
                                   .result_json = outcome.result.dump(),
                                   .message = outcome.summary + why,
                                   .event = "failed",
                                   .detail = outcome.summary + why});
        log_line(o, job.name, outcome.summary + why);
      }
    }

    // 3. Submit pending jobs.
    jobs = registry.jobs();
    int flying = 0;
    for (const auto& job : jobs)
      if (in_flight(job.state) && job.scheduler == batch.name() &&
          (batch.concurrent() || job.owner == me || job.state == js::submitting))
        ++flying;
    const int limit = batch.concurrent() ? o.max_in_flight : 1;
    for (const auto& job : jobs) {
      if (job.state != js::pending) continue;
      if (limit > 0 && flying >= limit) break;
      const fs::path folder = fs::absolute(jobs_dir / job.name);
      if (!registry.transition(job.name, js::pending, js::submitting, {.owner = me})) continue;
      if (const std::string missing = missing_inputs(folder); !missing.empty()) {
        registry.transition_owned(job.name, js::submitting, me, js::failed,
                                  {.owner = "",
                                   .message = "missing input files:" + missing,
                                   .event = "failed",
                                   .detail = "missing:" + missing});
        log_line(o, job.name, "missing input files:" + missing);
        continue;
      }
      std::string id;
      try {
        id = batch.submit(folder, "fw-" + job.name);
      } catch (const InputError& e) {
        registry.transition_owned(
            job.name, js::submitting, me, js::pending,
            {.owner = "", .message = e.what(), .event = "submit-error", .detail = e.what()});
        throw;
      }
      // A local attempt stays owned by this process (it watches the child); a queued one is free.
      registry.transition_owned(job.name, js::submitting, me, js::queued,
                                {.inputs_hash = inputs_hash(folder),
                                 .scheduler = batch.name(),
                                 .scheduler_id = id,
                                 .owner = batch.concurrent() ? "" : me,
                                 .add_attempts = 1,
                                 .event = "submitted",
                                 .detail = batch.name() + " " + id});
      ++flying;
      ++summary.submitted_now;
      log_line(o, job.name, "submitted (" + batch.name() + " " + id + ")");
    }

    // 4. Done?
    jobs = registry.jobs();
    int open = 0;
    for (const auto& job : jobs) {
      if (job.state == js::pending) ++open;
      if (in_flight(job.state)) ++open;
    }
    if (open == 0) break;
    if (!o.wait) {
      bool can_submit = false;
      for (const auto& job : jobs) can_submit |= job.state == js::pending;
      if (!can_submit || (limit > 0 && flying >= limit)) break;
    }
    if (o.timeout_s &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
            *o.timeout_s)
      break;
    const double pause = batch.concurrent() ? o.poll_interval_s : std::min(o.poll_interval_s, 1.0);
    std::this_thread::sleep_for(std::chrono::duration<double>(pause));
  }

  for (const auto& job : registry.jobs()) {
    if (job.state == js::done)
      ++summary.done;
    else if (job.state == js::failed)
      ++summary.failed;
    else if (job.state == js::pending)
      ++summary.pending;
    else
      ++summary.in_flight;
  }
  return summary;
}

}  // namespace fw::vasp
