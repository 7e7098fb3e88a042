/// \file registry.cpp
/// \brief SQLite-backed job registry.
#include "vasp_io/jobs/registry.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "core/error.hpp"

namespace fw::vasp {
namespace {

double now_unix_s() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& source) : source_(source) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw InputError(source, std::string("registry: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void bind(int i, int v) { sqlite3_bind_int(stmt_, i, v); }
  void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
  /// SQLITE_ROW or SQLITE_DONE; throws on errors.
  int step() {
    const int rc = sqlite3_step(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      throw InputError(source_,
                       std::string("registry: ") + sqlite3_errmsg(sqlite3_db_handle(stmt_)));
    return rc;
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int integer(int col) const { return sqlite3_column_int(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string source_;
};

constexpr const char* kJobColumns =
    "name, state, inputs_hash, attempts, fixes, scheduler, scheduler_id, owner, energy_eV, "
    "result_json, message, updated";

JobRecord read_job(const Statement& s) {
  JobRecord r;
  r.name = s.text(0);
  r.state = s.text(1);
  r.inputs_hash = s.text(2);
  r.attempts = s.integer(3);
  r.fixes = s.integer(4);
  r.scheduler = s.text(5);
  r.scheduler_id = s.text(6);
  r.owner = s.text(7);
  if (!s.is_null(8)) r.energy_eV = s.real(8);
  r.result_json = s.text(9);
  r.message = s.text(10);
  r.updated_unix_s = s.real(11);
  return r;
}

}  // namespace

Registry::Registry(const std::filesystem::path& jobs_dir) : path_(jobs_dir / kFileName) {
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw InputError(path_.string(), "cannot open the job registry: " + msg);
  }
  sqlite3_busy_timeout(db_, 30000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec(
      "CREATE TABLE IF NOT EXISTS jobs ("
      " name TEXT PRIMARY KEY, state TEXT NOT NULL, inputs_hash TEXT NOT NULL DEFAULT '',"
      " attempts INTEGER NOT NULL DEFAULT 0, fixes INTEGER NOT NULL DEFAULT 0,"
      " scheduler TEXT NOT NULL DEFAULT '', scheduler_id TEXT NOT NULL DEFAULT '',"
      " owner TEXT NOT NULL DEFAULT '', energy_eV REAL, result_json TEXT NOT NULL DEFAULT '',"
      " message TEXT NOT NULL DEFAULT '', updated REAL NOT NULL DEFAULT 0);"
      "CREATE TABLE IF NOT EXISTS history ("
      " id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, time REAL NOT NULL,"
      " attempt INTEGER NOT NULL, event TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');");
}

Registry::~Registry() {
  sqlite3_close(db_);
}

void Registry::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw InputError(path_.string(), "registry: " + msg);
  }
}

bool Registry::register_job(const std::string& name, const std::string& inputs_hash) {
  Statement s(db_,
              "INSERT OR IGNORE INTO jobs (name, state, inputs_hash, updated) VALUES (?, ?, ?, ?)",
              path_.string());
  s.bind(1, name);
  s.bind(2, std::string(job_state::pending));
  s.bind(3, inputs_hash);
  s.bind(4, now_unix_s());
  s.step();
  const bool added = sqlite3_changes(db_) == 1;
  if (added) add_history(name, 0, "registered", inputs_hash);
  return added;
}

std::vector<JobRecord> Registry::jobs() const {
  Statement s(db_, (std::string("SELECT ") + kJobColumns + " FROM jobs ORDER BY name").c_str(),
              path_.string());
  std::vector<JobRecord> out;
  while (s.step() == SQLITE_ROW) out.push_back(read_job(s));
  return out;
}

std::optional<JobRecord> Registry::job(const std::string& name) const {
  Statement s(db_, (std::string("SELECT ") + kJobColumns + " FROM jobs WHERE name = ?").c_str(),
              path_.string());
  s.bind(1, name);
  if (s.step() != SQLITE_ROW) return std::nullopt;
  return read_job(s);
}

bool Registry::transition(const std::string& name, const std::string& from, const std::string& to,
                          const JobUpdate& update) {
  return transition_impl(name, from, nullptr, to, update);
}

bool Registry::transition_owned(const std::string& name, const std::string& from,
                                const std::string& owner, const std::string& to,
                                const JobUpdate& update) {
  return transition_impl(name, from, &owner, to, update);
}

bool Registry::transition_impl(const std::string& name, const std::string& from,
                               const std::string* owner, const std::string& to,
                               const JobUpdate& u) {
  // BEGIN IMMEDIATE takes the write lock up front: the check and the change are one step for
  // every process that opens this file.
  exec("BEGIN IMMEDIATE");
  try {
    std::string sql =
        "UPDATE jobs SET state = ?, attempts = attempts + ?, fixes = fixes + ?, updated = ?";
    const std::pair<const char*, const std::optional<std::string>*> text_fields[] = {
        {"inputs_hash", &u.inputs_hash},   {"scheduler", &u.scheduler},
        {"scheduler_id", &u.scheduler_id}, {"owner", &u.owner},
        {"result_json", &u.result_json},   {"message", &u.message}};
    for (const auto& [column, value] : text_fields)
      if (value->has_value()) sql += std::string(", ") + column + " = ?";
    if (u.energy_eV) sql += ", energy_eV = ?";
    sql += " WHERE name = ? AND state = ?";
    if (owner) sql += " AND owner = ?";
    Statement s(db_, sql.c_str(), path_.string());
    int i = 1;
    s.bind(i++, to);
    s.bind(i++, u.add_attempts);
    s.bind(i++, u.add_fixes);
    s.bind(i++, now_unix_s());
    for (const auto& [column, value] : text_fields)
      if (value->has_value()) s.bind(i++, **value);
    if (u.energy_eV) s.bind(i++, *u.energy_eV);
    s.bind(i++, name);
    s.bind(i++, from);
    if (owner) s.bind(i++, *owner);
    s.step();
    const bool changed = sqlite3_changes(db_) == 1;
    if (changed && !u.event.empty()) {
      Statement h(db_,
                  "INSERT INTO history (job, time, attempt, event, detail) "
                  "VALUES (?, ?, (SELECT attempts FROM jobs WHERE name = ?), ?, ?)",
                  path_.string());
      h.bind(1, name);
      h.bind(2, now_unix_s());
      h.bind(3, name);
      h.bind(4, u.event);
      h.bind(5, u.detail);
      h.step();
    }
    exec("COMMIT");
    return changed;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Registry::add_history(const std::string& name, int attempt, const std::string& event,
                           const std::string& detail) {
  Statement h(db_, "INSERT INTO history (job, time, attempt, event, detail) VALUES (?, ?, ?, ?, ?)",
              path_.string());
  h.bind(1, name);
  h.bind(2, now_unix_s());
  h.bind(3, attempt);
  h.bind(4, event);
  h.bind(5, detail);
  h.step();
}

std::vector<HistoryEntry> Registry::history(const std::string& name) const {
  Statement s(db_,
              "SELECT id, job, time, attempt, event, detail FROM history WHERE job = ? ORDER BY id",
              path_.string());
  s.bind(1, name);
  std::vector<HistoryEntry> out;
  while (s.step() == SQLITE_ROW)
    out.push_back({s.integer(0), s.text(1), s.real(2), s.integer(3), s.text(4), s.text(5)});
  return out;
}

std::string this_process_owner() {
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

bool owner_alive(const std::string& owner) {
  const auto colon = owner.rfind(':');
  if (owner.empty() || colon == std::string::npos) return false;
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  if (owner.substr(0, colon) != host) return true;
  const long pid = std::strtol(owner.c_str() + colon + 1, nullptr, 10);
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace fw::vasp
