/// \file test_row_layout.cpp
/// \brief Under `mpirun -np 2`: the plane-wave row layout of the Davidson blocks transposes to
/// whole band columns and back, and gathers whole columns, exactly — with uneven row and band
/// splits, on real and complex blocks.
#include <gtest/gtest.h>

#include <complex>
#include <random>

#include "dft/parallel/communicator.hpp"
#include "dft/parallel/row_layout.hpp"

namespace fw::dft {
namespace {

double random_value(std::mt19937_64& rng, double*) {
  return std::uniform_real_distribution<double>(-1.0, 1.0)(rng);
}
std::complex<double> random_value(std::mt19937_64& rng, std::complex<double>*) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double re = u(rng);
  return {re, u(rng)};
}

template <typename T>
void check_round_trips() {
  const Communicator& world = Communicator::world();
  ASSERT_EQ(world.size(), 2) << "run under mpirun -np 2";
  const std::size_t npw = 37, n = 5;  // rows 19 + 18, bands 3 + 2
  std::mt19937_64 rng(3);             // the same block on every rank
  std::vector<T> full(npw * n);
  for (T& v : full) v = random_value(rng, static_cast<T*>(nullptr));
  const RowLayout<T> layout(world, npw);
  const BandSlice rows = layout.my_rows();
  EXPECT_EQ(rows.count, world.rank() == 0 ? 19u : 18u);
  std::vector<T> local(rows.count * n);
  layout.take_rows(full.data(), n, local.data());

  std::vector<T> columns;
  layout.rows_to_columns(local.data(), n, columns);
  const BandSlice bands = band_slice(n, world.rank(), world.size());
  ASSERT_EQ(columns.size(), npw * bands.count);
  for (std::size_t c = 0; c < bands.count; ++c)
    for (std::size_t g = 0; g < npw; ++g)
      EXPECT_EQ(columns[c * npw + g], full[(bands.first + c) * npw + g]) << c << " " << g;

  for (T& v : columns) v *= 2.0;
  std::vector<T> doubled(local.size());
  layout.columns_to_rows(columns, n, doubled.data());
  for (std::size_t i = 0; i < local.size(); ++i) EXPECT_EQ(doubled[i], 2.0 * local[i]) << i;

  std::vector<T> gathered(npw * n);
  layout.gather_rows(local.data(), n, gathered.data());
  EXPECT_EQ(gathered, full);
}

TEST(RowLayout, RealBlocksTransposeAndGatherExactly) {
  check_round_trips<double>();
}
TEST(RowLayout, ComplexBlocksTransposeAndGatherExactly) {
  check_round_trips<std::complex<double>>();
}

}  // namespace
}  // namespace fw::dft
