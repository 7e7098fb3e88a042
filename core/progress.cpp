/// \file progress.cpp
/// \brief ProgressLine drawing.
#include "core/progress.hpp"

#include <unistd.h>

#include <atomic>

namespace fw {

namespace {
std::atomic<bool> g_quiet{false};
}

void ProgressLine::set_quiet(bool quiet) {
  g_quiet = quiet;
}
bool ProgressLine::enabled() {
  return !g_quiet && ::isatty(STDERR_FILENO) != 0;
}

ProgressLine::ProgressLine(std::string label, long total, std::string unit)
    : label_(std::move(label)),
      total_(total),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressLine::~ProgressLine() {
  finish();
}

void ProgressLine::update(long done) {
  if (!enabled() || finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200) && done < total_) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed_s = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed_s > 0 ? static_cast<double>(done) / elapsed_s : 0.0;
  const double eta_s = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
  std::fprintf(stderr, "\r%s  %ld/%ld %s  %.3g %s/s  ETA %.0f s   ", label_.c_str(), done, total_,
               unit_.c_str(), rate, unit_.c_str(), eta_s);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (finished_) return;
  finished_ = true;
  if (drawn_) {
    std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }
}

}  // namespace fw
