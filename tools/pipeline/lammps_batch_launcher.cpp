/// \file lammps_batch_launcher.cpp
/// \brief Registry states of a LAMMPS job (the life cycle of vasp_io/jobs/registry.hpp): pending →
/// submitting → queued → running → evaluating → done | failed; one poller at a time for all jobs.
#include "tools/pipeline/lammps_batch_launcher.hpp"

#include <algorithm>
#include <optional>

#include "core/error.hpp"
#include "md/apps/lammps_runner.hpp"
#include "vasp_io/jobs/driver.hpp"
#include "vasp_io/jobs/process.hpp"

namespace fw::pipeline {
namespace fs = std::filesystem;
namespace js = vasp::job_state;

namespace {

/// What a job's attempt leaves in its folder besides `outputs`: cleared before a new attempt so
/// that nothing of an old one is read back as the new one's.
constexpr const char* kAttemptFiles[] = {"log.lammps", "lammps.out", "lammps.err",
                                         vasp::kExitCodeFile};

std::string missing_output(const fs::path& folder, const std::vector<std::string>& outputs) {
  for (const std::string& name : outputs)
    if (!fs::exists(folder / name)) return name;
  return "";
}

}  // namespace

std::string lammps_job_command(const std::string& scheduler, const fs::path& lmp,
                               const std::string& input, int tasks) {
  // One OpenMP thread per rank, as the local runs (md/apps/lammps_runner.cpp).
  std::string line = "OMP_NUM_THREADS=1 ";
  if (scheduler == "slurm")
    line += "srun ";
  else if (scheduler == "pbs")
    line += "mpirun ";
  else if (tasks > 1)
    line += "mpirun -np " + std::to_string(tasks) + " ";
  line += vasp::shell_quote(lmp.string());
  for (const std::string& a : md::lammps_arguments(input)) line += " " + vasp::shell_quote(a);
  return line;
}

LammpsBatchLauncher::LammpsBatchLauncher(fs::path study_dir, fs::path lmp,
                                         LammpsBatchOptions options)
    : study_dir_(fs::absolute(std::move(study_dir))),
      lmp_(std::move(lmp)),
      options_(std::move(options)),
      me_(vasp::this_process_owner()) {
  if (!(options_.poll_interval_s > 0)) throw InputError("--poll", "must be > 0 s");
  batch("in.lammps");  // the scheduler's name and the resources are checked here
}

LammpsBatchLauncher::~LammpsBatchLauncher() = default;

vasp::Registry& LammpsBatchLauncher::registry() {
  if (!registry_) registry_ = std::make_unique<vasp::Registry>(study_dir_);
  return *registry_;
}

std::unique_ptr<vasp::BatchSystem> LammpsBatchLauncher::batch(const std::string& input) const {
  const vasp::AttemptCommand command(
      lammps_job_command(options_.scheduler, lmp_, input, options_.resources.tasks), "lammps.out",
      "lammps.err", "LAMMPS");
  return vasp::make_batch_system(options_.scheduler, command, options_.resources);
}

void LammpsBatchLauncher::say(const std::string& name, const std::string& text) const {
  if (options_.log) *options_.log << "weld: " << name << ": " << text << std::endl;
}

/// A job the registry knows from an earlier facetweld process: keep what is still good.
void LammpsBatchLauncher::take_over(const std::string& name, const Job& job) {
  vasp::Registry& reg = registry();
  const vasp::JobRecord r = *reg.job(name);
  const std::string where = r.scheduler + " " + r.scheduler_id;
  if (r.state == js::done) {
    const std::string missing = missing_output(job.folder, job.outputs);
    if (r.inputs_hash == job.inputs_hash && missing.empty()) {
      say(name, "finished earlier (" + where + "), reading it back");
      return;
    }
    const std::string why =
        r.inputs_hash != job.inputs_hash ? "the deck or data changed" : missing + " is gone";
    reg.transition(name, js::done, js::pending, {.event = "resubmit", .detail = why});
    say(name, "finished earlier, but " + why + ": running it again");
  } else if (r.state == js::failed) {
    reg.transition(name, js::failed, js::pending,
                   {.event = "retry", .detail = "the study was run again"});
    say(name, "failed earlier (" + where + "): running it again");
  } else if ((r.state == js::submitting || r.state == js::evaluating) && r.owner != me_ &&
             !vasp::owner_alive(r.owner)) {
    // Left by a facetweld process that died in the middle of a step (as `vasp run` recovers).
    const std::string to = r.state == js::submitting ? js::pending : js::running;
    reg.transition_owned(name, r.state, r.owner, to,
                         {.owner = "", .event = "recovered", .detail = "owner " + r.owner});
  } else if (r.state == js::queued || r.state == js::running) {
    if (r.scheduler != options_.scheduler)
      throw InputError("--scheduler", name + " is " + r.state + " as " + where +
                                          ": run the study with --scheduler " + r.scheduler +
                                          " to follow it (or cancel that job first)");
    say(name, "already " + r.state + " (" + where + "), watching it");
  }
}

void LammpsBatchLauncher::submit(const std::string& name, const Job& job) {
  vasp::Registry& reg = registry();
  if (!reg.transition(name, js::pending, js::submitting, {.owner = me_})) return;
  std::error_code ec;
  for (const std::string& f : job.outputs) fs::remove(job.folder / f, ec);
  for (const char* f : kAttemptFiles) fs::remove(job.folder / f, ec);
  std::string id;
  try {
    std::string job_name = "fw-weld-" + name;
    std::replace(job_name.begin(), job_name.end(), '/', '-');
    id = batch(job.input)->submit(job.folder, job_name);
  } catch (const InputError& e) {
    reg.transition_owned(
        name, js::submitting, me_, js::pending,
        {.owner = "", .message = e.what(), .event = "submit-error", .detail = e.what()});
    throw;
  }
  reg.transition_owned(name, js::submitting, me_, js::queued,
                       {.inputs_hash = job.inputs_hash,
                        .scheduler = options_.scheduler,
                        .scheduler_id = id,
                        .owner = "",
                        .add_attempts = 1,
                        .event = "submitted",
                        .detail = options_.scheduler + " " + id});
  say(name, "submitted (" + options_.scheduler + " " + id + ")");
}

void LammpsBatchLauncher::evaluate(const std::string& name, const Job& job,
                                   const vasp::AttemptPoll& poll) {
  vasp::Registry& reg = registry();
  const vasp::JobRecord r = *reg.job(name);
  if (!reg.transition(name, r.state, js::evaluating, {.owner = me_})) return;
  const std::string where = options_.scheduler + " " + r.scheduler_id;
  if (r.inputs_hash != job.inputs_hash) {
    // It ran the deck of an earlier study in this folder: run the current one.
    reg.transition_owned(name, js::evaluating, me_, js::pending,
                         {.owner = "", .event = "stale", .detail = "ran another deck"});
    say(name, "ended (" + where + ") but ran an older deck: running it again");
    return;
  }
  std::string why;
  if (poll.exit_code != 0) {
    why = poll.exit_code ? "LAMMPS exit code " + std::to_string(*poll.exit_code)
                         : "ended without an exit code (scheduler state " + poll.scheduler_state +
                               ": cancelled, out of time or memory?)";
  } else if (const std::string missing = missing_output(job.folder, job.outputs);
             !missing.empty()) {
    why = "LAMMPS wrote no " + missing;
  }
  if (why.empty()) {
    reg.transition_owned(
        name, js::evaluating, me_, js::done,
        {.owner = "", .message = "finished", .event = "done", .detail = poll.scheduler_state});
    say(name, "finished (" + where + ")");
    return;
  }
  const std::string message = "LAMMPS job " + where + " in " + job.folder.string() +
                              " failed: " + why + " (" + md::lammps_failure_tail(job.folder) +
                              "; lammps.out and lammps.err there); the study's other jobs stay "
                              "queued: run the same command again to follow them";
  reg.transition_owned(name, js::evaluating, me_, js::failed,
                       {.owner = "", .message = message, .event = "failed", .detail = why});
  say(name, "FAILED (" + where + "): " + why);
}

void LammpsBatchLauncher::poll_in_flight() {
  for (const auto& [name, job] : watched_) {
    const vasp::JobRecord r = *registry().job(name);
    if (r.state != js::queued && r.state != js::running) continue;
    const vasp::AttemptPoll p = batch(job.input)->poll(r.scheduler_id, job.folder);
    if (p.status == vasp::AttemptStatus::finished) {
      evaluate(name, job, p);
    } else if (p.status == vasp::AttemptStatus::running && r.state == js::queued) {
      registry().transition(name, js::queued, js::running,
                            {.event = "running", .detail = p.scheduler_state});
      say(name, "running (" + r.scheduler + " " + r.scheduler_id + ")");
    }
  }
}

void LammpsBatchLauncher::run(const fs::path& dir, const std::string& input,
                              const std::vector<std::string>& outputs) {
  std::unique_lock<std::mutex> lock(mutex_);
  const fs::path folder = fs::absolute(dir);
  const std::string name = folder.lexically_relative(study_dir_).generic_string();
  const Job job{folder, input, outputs, vasp::files_hash(folder, {input, "data.lmp"})};
  if (!registry().register_job(name, job.inputs_hash)) take_over(name, job);
  watched_[name] = job;
  // Local jobs end within seconds of each other: poll them at least every second (as `vasp run`).
  const double interval_s = options_.scheduler == "local" ? std::min(options_.poll_interval_s, 1.0)
                                                          : options_.poll_interval_s;
  while (true) {
    const vasp::JobRecord r = *registry().job(name);
    if (r.state == js::done) return;
    if (failure_) std::rethrow_exception(failure_);
    if (r.state == js::failed) {
      failure_ = std::make_exception_ptr(InputError((folder / "log.lammps").string(), r.message));
      polled_.notify_all();
      std::rethrow_exception(failure_);
    }
    if (r.state == js::pending) {
      submit(name, job);
      continue;
    }
    // In flight (or another facetweld process is between two steps of it): poll, or wait for
    // the thread that polls.
    const auto now = std::chrono::steady_clock::now();
    if (now >= next_poll_) {
      next_poll_ = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                             std::chrono::duration<double>(interval_s));
      poll_in_flight();
      polled_.notify_all();
    } else {
      polled_.wait_until(lock, next_poll_);
    }
  }
}

}  // namespace fw::pipeline
