/// \file row_layout.hpp
/// \brief Plane-wave rows of a k-point's blocks spread over the ranks that share it: rank r holds
/// rows band_slice(npw, r, p) of every column (the Davidson blocks: memory and dense products
/// divided by p), and transposes to whole columns of its band slice to apply H (FFTs need every
/// row of a column) — ABINIT's band–FFT layout (Bottin et al., Parallel Comput. 34, 559 (2008)).
#pragma once

#include <cstddef>
#include <vector>

#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/communicator.hpp"

namespace fw::dft {

template <typename T>
class RowLayout {
 public:
  RowLayout(const Communicator& group, std::size_t npw);

  std::size_t rows() const { return npw_; }
  BandSlice my_rows() const { return row_slices_[static_cast<std::size_t>(group_.rank())]; }

  /// This rank's rows (my_rows().count x n) of the whole columns `full` (npw x n).
  void take_rows(const T* full, std::size_t n, T* local) const;
  /// The whole columns (npw x n) on every rank from every rank's rows.
  void gather_rows(const T* local, std::size_t n, T* full) const;
  /// Rows of n columns (local) → whole columns of this rank's band_slice(n) (npw x count).
  void rows_to_columns(const T* local, std::size_t n, std::vector<T>& columns) const;
  /// Whole columns of this rank's band slice → rows of the n columns (local).
  void columns_to_rows(const std::vector<T>& columns, std::size_t n, T* local) const;

 private:
  /// The counts and offsets of one transpose of n columns: on the row side, my rows of rank q's
  /// band slice (contiguous in the row block); on the column side, rank q's rows of my band
  /// slice, packed rank after rank.
  struct Exchange {
    BandSlice my_bands;
    std::vector<int> row_side_counts, row_side_offsets, column_side_counts, column_side_offsets;
  };
  Exchange exchange(std::size_t n) const;

  const Communicator& group_;
  std::size_t npw_;
  std::vector<BandSlice> row_slices_;
};

extern template class RowLayout<double>;
extern template class RowLayout<std::complex<double>>;

}  // namespace fw::dft
