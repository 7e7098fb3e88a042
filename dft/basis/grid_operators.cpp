/// \file grid_operators.cpp
/// \brief Real/reciprocal transforms of grid fields, band limits and Nyquist planes.
#include "dft/basis/grid_operators.hpp"

#include <algorithm>

namespace fw::dft {

std::vector<double> to_real(const std::vector<Complex>& coefficients, const FftPlans& plans) {
  FftBuffer work(coefficients.size());
  std::copy(coefficients.begin(), coefficients.end(), work.data());
  plans.to_real_space(work.data());
  std::vector<double> field(coefficients.size());
  for (std::size_t i = 0; i < field.size(); ++i) field[i] = work[i].real();
  return field;
}

std::vector<Complex> to_reciprocal(const std::vector<double>& field, const FftPlans& plans) {
  FftBuffer work(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) work[i] = field[i];
  plans.to_reciprocal_space(work.data());
  std::vector<Complex> coefficients(field.size());
  const double inv_n = 1.0 / static_cast<double>(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) coefficients[i] = work[i] * inv_n;
  return coefficients;
}

std::vector<unsigned char> nyquist_mask(const FftGrid& grid) {
  std::vector<unsigned char> mask(grid.size(), 0);
  auto on_plane = [&](int d, int i) { return grid.n[d] % 2 == 0 && i == grid.n[d] / 2; };
  std::size_t index = 0;
  for (int i0 = 0; i0 < grid.n[0]; ++i0)
    for (int i1 = 0; i1 < grid.n[1]; ++i1)
      for (int i2 = 0; i2 < grid.n[2]; ++i2, ++index)
        mask[index] = on_plane(0, i0) || on_plane(1, i1) || on_plane(2, i2) ? 1 : 0;
  return mask;
}

void zero_nyquist(std::vector<Complex>& coefficients, const FftGrid& grid) {
  const std::vector<unsigned char> mask = nyquist_mask(grid);
  for (std::size_t i = 0; i < coefficients.size(); ++i)
    if (mask[i]) coefficients[i] = 0.0;
}

void band_limit(std::vector<Complex>& coefficients, const std::vector<Vec3>& box_g, double g_max) {
  for (std::size_t i = 0; i < coefficients.size(); ++i)
    if (dot(box_g[i], box_g[i]) > g_max * g_max) coefficients[i] = 0.0;
}

}  // namespace fw::dft
