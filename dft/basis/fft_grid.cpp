/// \file fft_grid.cpp
/// \brief FFT grid choice and FFTW plans.
#include "dft/basis/fft_grid.hpp"

#include <fftw3.h>

#include <cmath>
#include <mutex>
#include <numbers>
#include <stdexcept>

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

}  // namespace

FftGrid choose_fft_grid(const Mat3& cell_bohr, double ecut_hartree) {
  const double g_density = 2.0 * std::sqrt(2.0 * ecut_hartree);
  FftGrid grid;
  for (int d = 0; d < 3; ++d) {
    // The box |m_d| <= (n_d − 1)/2 contains the sphere |G| <= g when (n_d − 1)/2 >= g |a_d| / 2π.
    const double needed =
        2.0 * g_density * norm(cell_bohr[d]) / (2.0 * std::numbers::pi) + 1.0 - 0.3;
    int n = std::max(2, static_cast<int>(std::ceil(needed)));
    while (!has_only_factors_235(n)) ++n;
    grid.n[static_cast<std::size_t>(d)] = n;
  }
  return grid;
}

FftPlans::FftPlans(const FftGrid& grid) : grid_(grid) {
  FftBuffer buffer(grid.size());
  auto* p = reinterpret_cast<fftw_complex*>(buffer.data());
  std::lock_guard<std::mutex> lock(planner_mutex());
  backward_ = fftw_plan_dft_3d(grid.n[0], grid.n[1], grid.n[2], p, p, FFTW_BACKWARD, FFTW_MEASURE);
  forward_ = fftw_plan_dft_3d(grid.n[0], grid.n[1], grid.n[2], p, p, FFTW_FORWARD, FFTW_MEASURE);
  if (!backward_ || !forward_) throw std::runtime_error("FFTW could not plan the density grid");
}

FftPlans::~FftPlans() {
  std::lock_guard<std::mutex> lock(planner_mutex());
  fftw_destroy_plan(static_cast<fftw_plan>(backward_));
  fftw_destroy_plan(static_cast<fftw_plan>(forward_));
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
