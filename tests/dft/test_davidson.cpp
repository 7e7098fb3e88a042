/// \file test_davidson.cpp
/// \brief The block Davidson solver from a start block that has lost rank (a repeated column and
/// a zero one, as pseudo-atomic orbitals with no weight at Γ give in real coordinates): the block
/// is completed and the lowest eigenvalues equal LAPACK's of the full matrix.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <random>
#include <vector>

#include "dft/parallel/scalapack_eigensolver.hpp"
#include "dft/solver/davidson.hpp"

namespace fw::dft {
namespace {

constexpr std::size_t kDim = 120;
constexpr std::size_t kBands = 6;

/// A dense symmetric (Hermitian) test operator shaped like a plane-wave Hamiltonian: a growing
/// kinetic diagonal plus a weak random coupling.
template <typename T>
struct TestOperator {
  std::vector<double> kinetic;
  std::vector<T> matrix;  // column-major kDim x kDim
};

template <typename T>
TestOperator<T> make_operator() {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-0.05, 0.05);
  TestOperator<T> op;
  op.matrix.assign(kDim * kDim, T(0.0));
  for (std::size_t i = 0; i < kDim; ++i) {
    op.kinetic.push_back(0.05 * static_cast<double>(i));
    op.matrix[i * kDim + i] = op.kinetic[i];
    for (std::size_t j = 0; j < i; ++j) {
      T v;
      if constexpr (std::is_same_v<T, double>) {
        v = u(rng);
      } else {
        const double re = u(rng);
        v = T(re, u(rng));
      }
      op.matrix[j * kDim + i] = v;
      if constexpr (std::is_same_v<T, double>) {
        op.matrix[i * kDim + j] = v;
      } else {
        op.matrix[i * kDim + j] = std::conj(v);
      }
    }
  }
  return op;
}

template <typename T>
void expect_lowest_eigenvalues_from_a_rank_deficient_start() {
  const TestOperator<T> op = make_operator<T>();
  const auto apply = [&](const T* x, T* y, std::size_t n) {
    for (std::size_t c = 0; c < n; ++c)
      for (std::size_t i = 0; i < kDim; ++i) {
        T sum(0.0);
        for (std::size_t j = 0; j < kDim; ++j) sum += op.matrix[j * kDim + i] * x[c * kDim + j];
        y[c * kDim + i] = sum;
      }
  };
  // Columns 0 and 1 equal, column 2 zero: two of six are dependent.
  std::vector<T> x(kDim * kBands, T(0.0));
  for (std::size_t c = 0; c < kBands; ++c) {
    if (c == 2) continue;
    const std::size_t unit = c == 1 ? 0 : c;
    x[c * kDim + unit] = T(1.0);
  }
  std::vector<double> eigenvalues;
  const DavidsonResult r = davidson<T>(apply, op.kinetic, kBands, x, eigenvalues, 200, 1e-9);
  EXPECT_LT(r.max_residual_norm, 1e-8);

  std::vector<T> full = op.matrix;
  std::vector<double> exact;
  if constexpr (std::is_same_v<T, double>) {
    lapack_syevd(full, kDim, exact);
  } else {
    lapack_heevd(full, kDim, exact);
  }
  ASSERT_EQ(eigenvalues.size(), kBands);
  for (std::size_t b = 0; b < kBands; ++b) EXPECT_NEAR(eigenvalues[b], exact[b], 1e-10) << b;
}

TEST(Davidson, RealStartWithDependentColumnsIsCompletedAndConverges) {
  expect_lowest_eigenvalues_from_a_rank_deficient_start<double>();
}

TEST(Davidson, ComplexStartWithDependentColumnsIsCompletedAndConverges) {
  expect_lowest_eigenvalues_from_a_rank_deficient_start<std::complex<double>>();
}

}  // namespace
}  // namespace fw::dft
