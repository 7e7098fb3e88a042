/// \file row_layout.cpp
/// \brief Transposes between plane-wave rows and whole band columns (MPI_Alltoallv).
#include "dft/parallel/row_layout.hpp"

#include <algorithm>
#include <complex>

namespace fw::dft {
namespace {

/// Offsets of consecutive blocks of the given sizes.
std::vector<int> offsets_of(const std::vector<int>& counts) {
  std::vector<int> offsets(counts.size(), 0);
  for (std::size_t r = 1; r < counts.size(); ++r) offsets[r] = offsets[r - 1] + counts[r - 1];
  return offsets;
}

}  // namespace

template <typename T>
RowLayout<T>::RowLayout(const Communicator& group, std::size_t npw) : group_(group), npw_(npw) {
  for (int r = 0; r < group.size(); ++r) row_slices_.push_back(band_slice(npw, r, group.size()));
}

template <typename T>
void RowLayout<T>::take_rows(const T* full, std::size_t n, T* local) const {
  const BandSlice mine = my_rows();
  for (std::size_t c = 0; c < n; ++c)
    std::copy_n(full + c * npw_ + mine.first, mine.count, local + c * mine.count);
}

template <typename T>
void RowLayout<T>::gather_rows(const T* local, std::size_t n, T* full) const {
  // Every rank's block (its rows of all n columns) in rank order, then back to whole columns.
  std::vector<int> counts;
  for (const BandSlice& s : row_slices_) counts.push_back(static_cast<int>(s.count * n));
  const std::vector<int> offsets = offsets_of(counts);
  std::vector<T> blocks(npw_ * n);
  const auto me = static_cast<std::size_t>(group_.rank());
  std::copy_n(local, counts[me], blocks.begin() + offsets[me]);
  group_.allgather(blocks.data(), 1, counts);
  for (std::size_t r = 0; r < row_slices_.size(); ++r) {
    const BandSlice& s = row_slices_[r];
    for (std::size_t c = 0; c < n; ++c)
      std::copy_n(blocks.begin() + offsets[r] + static_cast<long>(c * s.count), s.count,
                  full + c * npw_ + s.first);
  }
}

template <typename T>
typename RowLayout<T>::Exchange RowLayout<T>::exchange(std::size_t n) const {
  Exchange e;
  const int ranks = group_.size();
  e.my_bands = band_slice(n, group_.rank(), ranks);
  const std::size_t my_row_count = my_rows().count;
  for (int q = 0; q < ranks; ++q) {
    const BandSlice bands = band_slice(n, q, ranks);
    e.row_side_counts.push_back(static_cast<int>(bands.count * my_row_count));
    e.row_side_offsets.push_back(static_cast<int>(bands.first * my_row_count));
    e.column_side_counts.push_back(
        static_cast<int>(row_slices_[static_cast<std::size_t>(q)].count * e.my_bands.count));
  }
  e.column_side_offsets = offsets_of(e.column_side_counts);
  return e;
}

template <typename T>
void RowLayout<T>::rows_to_columns(const T* local, std::size_t n, std::vector<T>& columns) const {
  const Exchange e = exchange(n);
  std::vector<T> received(npw_ * e.my_bands.count);
  group_.alltoallv(local, e.row_side_counts, e.row_side_offsets, received.data(),
                   e.column_side_counts, e.column_side_offsets);
  columns.resize(npw_ * e.my_bands.count);
  for (std::size_t r = 0; r < row_slices_.size(); ++r)
    for (std::size_t c = 0; c < e.my_bands.count; ++c)
      std::copy_n(
          received.begin() + e.column_side_offsets[r] + static_cast<long>(c * row_slices_[r].count),
          row_slices_[r].count,
          columns.begin() + static_cast<long>(c * npw_ + row_slices_[r].first));
}

template <typename T>
void RowLayout<T>::columns_to_rows(const std::vector<T>& columns, std::size_t n, T* local) const {
  const Exchange e = exchange(n);
  std::vector<T> packed(npw_ * e.my_bands.count);
  for (std::size_t r = 0; r < row_slices_.size(); ++r)
    for (std::size_t c = 0; c < e.my_bands.count; ++c)
      std::copy_n(
          columns.begin() + static_cast<long>(c * npw_ + row_slices_[r].first),
          row_slices_[r].count,
          packed.begin() + e.column_side_offsets[r] + static_cast<long>(c * row_slices_[r].count));
  group_.alltoallv(packed.data(), e.column_side_counts, e.column_side_offsets, local,
                   e.row_side_counts, e.row_side_offsets);
}

template class RowLayout<double>;
template class RowLayout<std::complex<double>>;

}  // namespace fw::dft
