/// \file dir_lock.cpp
/// \brief Folder lock through flock(2).
#include "core/dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace fw {

DirLock::DirLock(const std::filesystem::path& dir, const std::string& owner) {
  const std::filesystem::path path = dir / kFileName;
  // O_CLOEXEC: programs started from here (VASP, LAMMPS) must not inherit, and so keep, the lock.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw InputError(dir.string(),
                     "cannot create the lock file " + path.string() + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char text[256] = {};
    const ssize_t n = ::pread(fd_, text, sizeof text - 1, 0);
    ::close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK)
      throw InputError(dir.string(),
                       std::string("cannot lock the folder: ") + std::strerror(error));
    std::string holder = n > 0 ? std::string(text, static_cast<std::size_t>(n)) : "";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    throw InputError(dir.string(), "in use by " + (holder.empty() ? "another process" : holder) +
                                       "; wait for it to finish or choose another folder");
  }
  const std::string me = owner + " (PID " + std::to_string(::getpid()) + ")\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) < 0) {
    // The lock holds without the note; the PID is only for the message of a second process.
  }
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace fw
