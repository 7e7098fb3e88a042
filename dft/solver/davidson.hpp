/// \file davidson.hpp
/// \brief Block Davidson eigensolver with the Teter–Payne–Allan preconditioner and soft locking.
#pragma once

#include <functional>
#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

/// y = H x for n columns of length npw.
using ApplyOperator = std::function<void(const Complex* x, Complex* y, std::size_t n)>;

/// Eigenvalues (ascending) and eigenvectors, in place, of an n×n Hermitian column-major matrix.
using DenseEigensolver =
    std::function<void(std::vector<Complex>& a, std::size_t n, std::vector<double>& w)>;

struct DavidsonResult {
  int iterations = 0;
  double max_residual_norm = 0.0;
  std::size_t n_applications = 0;  ///< columns to which H was applied
};

/// Lowest n_bands eigenpairs of the Hermitian H. `x` (npw x n_bands, column-major) is the start and
/// the result; `kinetic` (npw) the diagonal kinetic energy for the TPA preconditioner (Teter, Payne
/// & Allan, PRB 40, 12255 (1989)). Corrections are added only for bands whose residual norm exceeds
/// `tolerance` (soft locking); the subspace grows to 3·n_bands and restarts from the Ritz vectors.
/// `dense` solves the Rayleigh–Ritz and overlap problems (null: LAPACK zheevd on this rank; a
/// ScaLAPACK group solver must be called by every rank of its group with the same x).
DavidsonResult davidson(const ApplyOperator& apply_h, const std::vector<double>& kinetic,
                        std::size_t n_bands, std::vector<Complex>& x,
                        std::vector<double>& eigenvalues, int max_iterations, double tolerance,
                        const DenseEigensolver& dense = nullptr);

/// Orthonormalises the columns of x in place (Löwdin S^{-1/2}); returns false if they are
/// dependent.
bool orthonormalize(std::vector<Complex>& x, std::size_t npw, std::size_t n);

}  // namespace fw::dft
