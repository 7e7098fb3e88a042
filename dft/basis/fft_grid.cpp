/// \file fft_grid.cpp
/// \brief FFT grid choice and FFTW plans.
#include "dft/basis/fft_grid.hpp"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <numbers>
#include <stdexcept>

#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "core/units.hpp"

namespace fw::dft {
namespace {

bool has_only_factors_235(int n) {
  for (int p : {2, 3, 5})
    while (n % p == 0) n /= p;
  return n == 1;
}

std::mutex& planner_mutex() {
  static std::mutex m;
  return m;
}

constexpr double kThreadedPlanSeconds = 0.5;

/// FFTW's planner is not thread-safe, nor is fftw_init_threads: both run under planner_mutex.
void init_fftw_threads_locked() {
  static bool done = false;
  if (!done && fftw_init_threads() == 0) throw std::runtime_error("fftw_init_threads failed");
  done = true;
}

}  // namespace

std::array<int, 3> minimum_fft_grid(const Mat3& cell_bohr, double ecut_hartree) {
  const double g_density = 2.0 * std::sqrt(2.0 * ecut_hartree);
  std::array<int, 3> n{};
  for (int d = 0; d < 3; ++d) {
    // The box |m_d| <= (n_d − 1)/2 contains the sphere |G| <= g when (n_d − 1)/2 >= g |a_d| / 2π.
    const double needed =
        2.0 * g_density * norm(cell_bohr[d]) / (2.0 * std::numbers::pi) + 1.0 - 0.3;
    // Within ecut's range (≤ 500 Ha) only a cell vector of thousands of Å gets here: the
    // structure is the culprit, not the cut-off.
    if (!(needed <= 1e5))
      throw InputError("structure",
                       format("cell vector %d is %.6g Å long: at a cut-off of %g Ha "
                              "it needs an FFT grid of more than 10^5 points; a "
                              "plane-wave cell is a few to tens of Å",
                              d + 1, norm(cell_bohr[d]) / units::kAngstromInBohr, ecut_hartree));
    n[static_cast<std::size_t>(d)] = std::max(2, static_cast<int>(std::ceil(needed)));
  }
  return n;
}

FftGrid choose_fft_grid(const Mat3& cell_bohr, double ecut_hartree) {
  FftGrid grid;
  grid.n = minimum_fft_grid(cell_bohr, ecut_hartree);
  for (int& n : grid.n)
    while (!has_only_factors_235(n)) ++n;
  return grid;
}

SphereSupport sphere_support(const FftGrid& grid, const std::vector<std::size_t>& fft_index) {
  const std::size_t n2 = static_cast<std::size_t>(grid.n[2]);
  const std::size_t n12 = static_cast<std::size_t>(grid.n[1]) * n2;
  std::vector<char> column(grid.size() / n2, 0), plane(static_cast<std::size_t>(grid.n[0]), 0);
  for (std::size_t i : fft_index) {
    column[i / n2] = 1;
    plane[i / n12] = 1;
  }
  SphereSupport s;
  for (std::size_t c = 0; c < column.size(); ++c)
    if (column[c]) s.column_offsets.push_back(c * n2);
  for (std::size_t p = 0; p < plane.size(); ++p)
    if (plane[p]) s.planes.push_back(static_cast<int>(p));
  return s;
}

namespace {

/// Which of the four 16-byte slots of a 64-byte line `p` starts at.
int alignment_slot(const void* p) {
  return static_cast<int>((reinterpret_cast<std::uintptr_t>(p) / 16) % 4);
}

}  // namespace

FftPlans::FftPlans(const FftGrid& grid, int threads) : grid_(grid), threads_(std::max(1, threads)) {
  FftBuffer buffer(grid.size() + kAlignments);
  auto* p = reinterpret_cast<fftw_complex*>(buffer.data());
  const int n0 = grid.n[0], n1 = grid.n[1], n2 = grid.n[2];
  std::lock_guard<std::mutex> lock(planner_mutex());
  init_fftw_threads_locked();
  // Threaded plans: FFTW_MEASURE times each way of splitting the work among the threads, seconds
  // on a loaded machine; the time limit keeps the best plan found within it.
  fftw_plan_with_nthreads(threads_);
  if (threads_ > 1) fftw_set_timelimit(kThreadedPlanSeconds);
  backward_ = fftw_plan_dft_3d(n0, n1, n2, p, p, FFTW_BACKWARD, FFTW_MEASURE);
  forward_ = fftw_plan_dft_3d(n0, n1, n2, p, p, FFTW_FORWARD, FFTW_MEASURE);
  fftw_set_timelimit(FFTW_NO_TIMELIMIT);
  fftw_plan_with_nthreads(1);
  axis0_backward_ = fftw_plan_many_dft(1, &n0, n1 * n2, p, nullptr, n1 * n2, 1, p, nullptr, n1 * n2,
                                       1, FFTW_BACKWARD, FFTW_MEASURE);
  axis0_forward_ = fftw_plan_many_dft(1, &n0, n1 * n2, p, nullptr, n1 * n2, 1, p, nullptr, n1 * n2,
                                      1, FFTW_FORWARD, FFTW_MEASURE);
  for (int shift = 0; shift < kAlignments; ++shift) {
    fftw_complex* q = p + shift;
    const int slot = alignment_slot(q);
    for (int sign : {FFTW_BACKWARD, FFTW_FORWARD}) {
      void* column =
          fftw_plan_many_dft(1, &n2, 1, q, nullptr, 1, n2, q, nullptr, 1, n2, sign, FFTW_MEASURE);
      void* plane =
          fftw_plan_many_dft(1, &n1, n2, q, nullptr, n2, 1, q, nullptr, n2, 1, sign, FFTW_MEASURE);
      (sign == FFTW_BACKWARD ? column_backward_ : column_forward_)[slot] = column;
      (sign == FFTW_BACKWARD ? plane_backward_ : plane_forward_)[slot] = plane;
    }
  }
  bool ok = backward_ && forward_ && axis0_backward_ && axis0_forward_;
  for (int slot = 0; slot < kAlignments; ++slot)
    ok = ok && column_backward_[slot] && column_forward_[slot] && plane_backward_[slot] &&
         plane_forward_[slot];
  if (!ok) throw std::runtime_error("FFTW could not plan the density grid");
}

FftPlans::~FftPlans() {
  std::lock_guard<std::mutex> lock(planner_mutex());
  auto destroy = [](void* plan) {
    if (plan) fftw_destroy_plan(static_cast<fftw_plan>(plan));
  };
  for (void* plan : {backward_, forward_, axis0_backward_, axis0_forward_}) destroy(plan);
  for (int slot = 0; slot < kAlignments; ++slot)
    for (void* plan : {column_backward_[slot], column_forward_[slot], plane_backward_[slot],
                       plane_forward_[slot]})
      destroy(plan);
}

void FftPlans::to_real_space(Complex* data, const SphereSupport& support) const {
  auto* p = reinterpret_cast<fftw_complex*>(data);
  const std::size_t n12 = static_cast<std::size_t>(grid_.n[1]) * grid_.n[2];
  for (std::size_t offset : support.column_offsets) {
    fftw_complex* c = p + offset;
    fftw_execute_dft(static_cast<fftw_plan>(column_backward_[alignment_slot(c)]), c, c);
  }
  for (int i0 : support.planes) {
    fftw_complex* plane = p + static_cast<std::size_t>(i0) * n12;
    fftw_execute_dft(static_cast<fftw_plan>(plane_backward_[alignment_slot(plane)]), plane, plane);
  }
  fftw_execute_dft(static_cast<fftw_plan>(axis0_backward_), p, p);
}

void FftPlans::to_reciprocal_space(Complex* data, const SphereSupport& support) const {
  auto* p = reinterpret_cast<fftw_complex*>(data);
  const std::size_t n12 = static_cast<std::size_t>(grid_.n[1]) * grid_.n[2];
  fftw_execute_dft(static_cast<fftw_plan>(axis0_forward_), p, p);
  for (int i0 : support.planes) {
    fftw_complex* plane = p + static_cast<std::size_t>(i0) * n12;
    fftw_execute_dft(static_cast<fftw_plan>(plane_forward_[alignment_slot(plane)]), plane, plane);
  }
  for (std::size_t offset : support.column_offsets) {
    fftw_complex* c = p + offset;
    fftw_execute_dft(static_cast<fftw_plan>(column_forward_[alignment_slot(c)]), c, c);
  }
}

void FftPlans::to_real_space(Complex* data) const {
  auto* p = reinterpret_cast<fftw_complex*>(data);
  fftw_execute_dft(static_cast<fftw_plan>(backward_), p, p);
}

void FftPlans::to_reciprocal_space(Complex* data) const {
  auto* p = reinterpret_cast<fftw_complex*>(data);
  fftw_execute_dft(static_cast<fftw_plan>(forward_), p, p);
}

FftBuffer::FftBuffer(std::size_t n) {
  data_ = reinterpret_cast<Complex*>(fftw_malloc(sizeof(fftw_complex) * n));
  if (!data_) throw std::bad_alloc();
  for (std::size_t i = 0; i < n; ++i) data_[i] = 0.0;
}

FftBuffer::~FftBuffer() {
  fftw_free(data_);
}

}  // namespace fw::dft
