/// \file dir_lock.hpp
/// \brief An exclusive lock on a folder (flock(2) on `<dir>/.facetweld.lock`), so that two
/// processes never write one results folder at once.
#pragma once

#include <filesystem>
#include <string>

namespace fw {

/// Holds the lock for its lifetime. The kernel drops it when the process exits or is killed, so a
/// lock is never stale; the lock file (holding the owner's PID) stays behind, harmlessly.
class DirLock {
 public:
  inline static constexpr const char* kFileName = ".facetweld.lock";

  /// Takes the lock or throws InputError naming `dir` and the PID that holds it — at once, it
  /// never waits. `owner` says who holds it in that message ("facetweld run").
  DirLock(const std::filesystem::path& dir, const std::string& owner);
  ~DirLock();
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace fw
