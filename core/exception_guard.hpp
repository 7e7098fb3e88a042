/// \file exception_guard.hpp
/// \brief Keeps exceptions inside OpenMP parallel regions: the first one thrown by any thread is
/// stored and rethrown after the region, where the normal error handling sees it.
#pragma once

#include <atomic>
#include <exception>
#include <mutex>

namespace fw {

/// An exception escaping an OpenMP structured block calls std::terminate (SIGABRT). Wrap each
/// loop body in run(); after the region, rethrow() throws the first stored exception, if any.
/// Later bodies still run (OpenMP has no portable early exit); run() skips them once one failed.
/// The flag is an atomic read, so a body per atom costs no lock.
class ExceptionGuard {
 public:
  template <typename F>
  void run(F&& body) noexcept {
    if (failed()) return;
    try {
      body();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!first_) first_ = std::current_exception();
      failed_.store(true, std::memory_order_release);
    }
  }
  bool failed() const { return failed_.load(std::memory_order_acquire); }
  /// After the region (one thread): throws the first stored exception, if any.
  void rethrow() {
    if (first_) std::rethrow_exception(first_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr first_;
  std::atomic<bool> failed_{false};
};

}  // namespace fw
