/// \file fft_grid.hpp
/// \brief The real-space FFT grid (sizes 2^a 3^b 5^c covering the density sphere) and FFTW plans.
#pragma once

#include <array>
#include <complex>
#include <cstddef>
#include <vector>

#include "core/vec3.hpp"

namespace fw::dft {

using Complex = std::complex<double>;

/// Grid sizes (n0, n1, n2) along the three lattice vectors; point (i0,i1,i2) is at Σ i_d/n_d a_d
/// and lives at linear index (i0·n1 + i1)·n2 + i2.
struct FftGrid {
  std::array<int, 3> n{};
  std::size_t size() const { return static_cast<std::size_t>(n[0]) * n[1] * n[2]; }
  std::size_t index(int i0, int i1, int i2) const {
    return (static_cast<std::size_t>(i0) * n[1] + i1) * n[2] + i2;
  }
  /// Frequency of FFT index i along axis d: i for i < n/2 (odd n: i <= n/2), else i − n.
  int frequency(int d, int i) const { return 2 * i < n[d] ? i : i - n[d]; }
  /// FFT index of frequency m along axis d (requires |m| within the box).
  int wrap(int d, int m) const { return m >= 0 ? m : m + n[d]; }
};

/// Smallest FFTW-friendly sizes (only factors 2, 3, 5) whose box holds the sphere |G| <= 2·Gmax,
/// Gmax = sqrt(2·ecut). The margin reproduces ABINIT 9.6's choices (boxcutmin 2): fcc Au a = 4.08 Å
/// gives 24, 27, 30, 30, 32, 36 at ecut 20, 25, 30, 35, 40, 45 Ha.
FftGrid choose_fft_grid(const Mat3& cell_bohr, double ecut_hartree);

/// The smallest sizes (any factors) that hold the density sphere with the same margin as
/// choose_fft_grid; a user-given grid below this aliases the density. Throws fw::InputError
/// naming --ecut when the cut-off would need more than 10^5 points along an axis.
std::array<int, 3> minimum_fft_grid(const Mat3& cell_bohr, double ecut_hartree);

/// Where a plane-wave sphere lies in the box: the (i0, i1) columns along axis 2 and the i0 planes
/// that hold any of its coefficients. Transforms of sphere data skip the rest (zero padding).
struct SphereSupport {
  std::vector<std::size_t> column_offsets;  ///< (i0·n1 + i1)·n2 of each column holding a G
  std::vector<int> planes;                  ///< i0 of each plane holding a G
};

/// The support of the coefficients at `fft_index` (linear box indices).
SphereSupport sphere_support(const FftGrid& grid, const std::vector<std::size_t>& fft_index);

/// Complex 3-D transforms of one grid, planned once (FFTW_MEASURE) and reusable from any thread on
/// buffers allocated with fft_alloc (same alignment as the planning buffer). The whole-grid
/// transforms run on `threads` OpenMP threads (fftw_plan_with_nthreads, libfftw3_omp; call them
/// outside parallel regions); the sphere transforms are single-threaded, one band per thread.
class FftPlans {
 public:
  explicit FftPlans(const FftGrid& grid, int threads = 1);
  ~FftPlans();
  FftPlans(const FftPlans&) = delete;
  FftPlans& operator=(const FftPlans&) = delete;

  /// In place: f(r) = Σ_G c(G) e^{+iG·r} (no normalisation).
  void to_real_space(Complex* data) const;
  /// In place: c(G) = Σ_r f(r) e^{−iG·r} (no normalisation; divide by grid.size() for
  /// coefficients).
  void to_reciprocal_space(Complex* data) const;
  /// As to_real_space for data that is zero outside `support`: the 1-D transforms along axis 2 run
  /// only on its columns, along axis 1 only on its planes (as ABINIT's zero-padded fftalg 312;
  /// Goedecker, Comput. Phys. Commun. 76, 294 (1993)).
  void to_real_space(Complex* data, const SphereSupport& support) const;
  /// As to_reciprocal_space where only the coefficients inside `support` are read afterwards.
  void to_reciprocal_space(Complex* data, const SphereSupport& support) const;
  const FftGrid& grid() const { return grid_; }
  int threads() const { return threads_; }

 private:
  FftGrid grid_;
  int threads_ = 1;
  void* backward_ = nullptr;
  void* forward_ = nullptr;
  // 1-D passes of the pruned transforms: one column (axis 2), one plane's lines along axis 1,
  // all lines along axis 0; backward and forward. Columns and planes start at any element, so
  // their plans exist for each of the four 16-byte offsets modulo 64 (FFTW's SIMD codelets need
  // the alignment they were planned with; planning them FFTW_UNALIGNED costs ~2x).
  static constexpr int kAlignments = 4;
  void* column_backward_[kAlignments] = {};
  void* column_forward_[kAlignments] = {};
  void* plane_backward_[kAlignments] = {};
  void* plane_forward_[kAlignments] = {};
  void* axis0_backward_ = nullptr;
  void* axis0_forward_ = nullptr;
};

/// An FFTW-aligned complex buffer of one grid.
class FftBuffer {
 public:
  explicit FftBuffer(std::size_t n);
  ~FftBuffer();
  FftBuffer(const FftBuffer&) = delete;
  FftBuffer& operator=(const FftBuffer&) = delete;
  FftBuffer(FftBuffer&& other) noexcept : data_(other.data_) { other.data_ = nullptr; }
  FftBuffer& operator=(FftBuffer&&) = delete;
  Complex* data() { return data_; }
  const Complex* data() const { return data_; }
  Complex& operator[](std::size_t i) { return data_[i]; }

 private:
  Complex* data_ = nullptr;
};

}  // namespace fw::dft
