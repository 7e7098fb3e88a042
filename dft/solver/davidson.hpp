/// \file davidson.hpp
/// \brief Block Davidson eigensolver with the Teter–Payne–Allan preconditioner and soft locking,
/// on complex vectors (any k-point) or real ones (Γ, dft/basis/gamma_real.hpp).
#pragma once

#include <functional>
#include <type_traits>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/parallel/communicator.hpp"

namespace fw::dft {

/// y = H x for n columns of length npw; T is Complex or double.
template <typename T>
using ApplyOperatorOf = std::function<void(const T* x, T* y, std::size_t n)>;
using ApplyOperator = ApplyOperatorOf<Complex>;

/// Eigenvalues (ascending) and eigenvectors, in place, of an n×n Hermitian (T = Complex) or real
/// symmetric (T = double) column-major matrix.
template <typename T>
using DenseEigensolverOf =
    std::function<void(std::vector<T>& a, std::size_t n, std::vector<double>& w)>;
using DenseEigensolver = DenseEigensolverOf<Complex>;

/// The group's dense solvers for both kinds of vectors (null: LAPACK on this rank).
struct DenseEigensolvers {
  DenseEigensolverOf<Complex> complex;
  DenseEigensolverOf<double> real;
};

struct DavidsonResult {
  int iterations = 0;
  double max_residual_norm = 0.0;
  std::size_t n_applications = 0;  ///< columns to which H was applied
};

/// Lowest n_bands eigenpairs of the Hermitian H. `x` (npw x n_bands, column-major) is the start and
/// the result; `kinetic` (npw) the diagonal kinetic energy for the TPA preconditioner (Teter, Payne
/// & Allan, PRB 40, 12255 (1989)). Corrections are added only for bands whose residual norm exceeds
/// `tolerance` (soft locking); the subspace grows to 3·n_bands and restarts from the Ritz vectors.
/// `dense` solves the Rayleigh–Ritz and overlap problems (null: LAPACK zheevd/dsyevd on this rank;
/// a ScaLAPACK group solver must be called by every rank of its group with the same x).
/// With `rows`, the ranks of that group each hold some rows (plane waves) of x, kinetic and the
/// blocks (dft/parallel/row_layout.hpp): apply_h maps rows to rows, every Gram product and norm is
/// summed over the group, and every rank solves the same subspace problems.
template <typename T>
DavidsonResult davidson(const std::type_identity_t<ApplyOperatorOf<T>>& apply_h,
                        const std::vector<double>& kinetic, std::size_t n_bands, std::vector<T>& x,
                        std::vector<double>& eigenvalues, int max_iterations, double tolerance,
                        const std::type_identity_t<DenseEigensolverOf<T>>& dense = nullptr,
                        const Communicator* rows = nullptr);

extern template DavidsonResult davidson<Complex>(const ApplyOperatorOf<Complex>&,
                                                 const std::vector<double>&, std::size_t,
                                                 std::vector<Complex>&, std::vector<double>&, int,
                                                 double, const DenseEigensolverOf<Complex>&,
                                                 const Communicator*);
extern template DavidsonResult davidson<double>(const ApplyOperatorOf<double>&,
                                                const std::vector<double>&, std::size_t,
                                                std::vector<double>&, std::vector<double>&, int,
                                                double, const DenseEigensolverOf<double>&,
                                                const Communicator*);

/// Orthonormalises the columns of x in place (Löwdin S^{-1/2}); returns false if they are
/// dependent.
bool orthonormalize(std::vector<Complex>& x, std::size_t npw, std::size_t n);

}  // namespace fw::dft
