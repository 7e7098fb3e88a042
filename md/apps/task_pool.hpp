/// \file task_pool.hpp
/// \brief A fixed pool of worker threads over independent tasks, with a completion callback on
/// the caller's side of a lock.
#pragma once

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace fw::md {

/// Runs task(k) for k in [0, count) on `workers` threads (0: one per hardware thread), each task
/// once. With more than one worker every worker runs its OpenMP loops on one thread (the
/// parallelism is across tasks). `done(k)` is called after task k finished, serialised by a
/// lock. The first exception thrown by a task or by `done` stops the hand-out of new tasks and
/// is rethrown here after all running tasks have finished.
inline void run_task_pool(std::size_t count, int workers,
                          const std::function<void(std::size_t)>& task,
                          const std::function<void(std::size_t)>& done) {
  if (count == 0) return;
  std::size_t n = workers > 0 ? static_cast<std::size_t>(workers)
                              : std::max(1u, std::thread::hardware_concurrency());
  n = std::min(n, count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex lock;
  const auto work = [&](bool single_threaded_omp) {
    if (single_threaded_omp) omp_set_num_threads(1);
    while (!failed) {
      const std::size_t k = next++;
      if (k >= count) return;
      try {
        task(k);
        const std::lock_guard<std::mutex> guard(lock);
        done(k);
      } catch (...) {
        const std::lock_guard<std::mutex> guard(lock);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  if (n == 1) {
    work(false);
  } else {
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < n; ++t) threads.emplace_back(work, true);
    for (std::thread& t : threads) t.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace fw::md
