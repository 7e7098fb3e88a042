/// \file progress.hpp
/// \brief One self-updating line for long loops: done/total, rate and ETA.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace fw {

/// Prints "label  k/N  rate/s  ETA" to stderr, at most every 0.2 s, redrawn in place with '\r'.
/// Quiet when stderr is not a terminal or when the caller asked for quiet (`--quiet`).
class ProgressLine {
 public:
  ProgressLine(std::string label, long total, std::string unit = "steps");
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(long done);
  void finish();

  /// Global switch set by the CLI's --quiet.
  static void set_quiet(bool quiet);
  static bool enabled();

 private:
  std::string label_;
  long total_;
  std::string unit_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  bool finished_ = false;
};

}  // namespace fw
