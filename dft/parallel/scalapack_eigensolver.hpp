/// \file scalapack_eigensolver.hpp
/// \brief Hermitian (or real symmetric) eigen-decomposition of a dense matrix shared by a group of
/// ranks, through ScaLAPACK's divide and conquer (pzheevd, pdsyevd) on a BLACS process grid, or
/// LAPACK (zheevd, dsyevd) on one.
#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "dft/parallel/communicator.hpp"

namespace fw::dft {

/// Eigenvalues (ascending) and eigenvectors of the n×n Hermitian matrix `a` (column-major, upper
/// triangle used), in place on one rank with LAPACK zheevd.
void lapack_heevd(std::vector<std::complex<double>>& a, std::size_t n, std::vector<double>& w);
/// The same for a real symmetric matrix (LAPACK dsyevd).
void lapack_syevd(std::vector<double>& a, std::size_t n, std::vector<double>& w);

/// One BLACS grid (as square as the group allows) over a group of ranks, kept for the run.
/// `heevd` is collective over the group: every rank passes the same matrix and receives the same
/// eigenvalues and eigenvectors (block-cyclic distribution, pzheevd, then a sum to replicate).
class ScalapackEigensolver {
 public:
  /// `min_dimension`: smaller matrices go to LAPACK on each rank (no communication);
  /// `block` is the block-cyclic block size (square blocks, as pzheevd requires).
  ScalapackEigensolver(const Communicator& group, std::size_t min_dimension, int block = 32);
  ~ScalapackEigensolver();
  ScalapackEigensolver(const ScalapackEigensolver&) = delete;
  ScalapackEigensolver& operator=(const ScalapackEigensolver&) = delete;

  void heevd(std::vector<std::complex<double>>& a, std::size_t n, std::vector<double>& w) const;
  /// The same for a real symmetric matrix (pdsyevd; Γ-point real wavefunctions).
  void syevd(std::vector<double>& a, std::size_t n, std::vector<double>& w) const;
  bool distributed() const { return context_ >= 0; }
  int grid_rows() const { return rows_; }
  int grid_cols() const { return cols_; }

 private:
  template <typename T>
  void solve(std::vector<T>& a, std::size_t n, std::vector<double>& w) const;

  const Communicator& group_;
  std::size_t min_dimension_;
  int block_;
  int system_handle_ = -1, context_ = -1;
  int rows_ = 1, cols_ = 1, my_row_ = 0, my_col_ = 0;
};

}  // namespace fw::dft
