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

bool is_nyquist(const FftGrid& grid, std::size_t index) {
  const auto i2 = static_cast<int>(index % static_cast<std::size_t>(grid.n[2]));
  const auto i1 = static_cast<int>((index / static_cast<std::size_t>(grid.n[2])) %
                                   static_cast<std::size_t>(grid.n[1]));
  const auto i0 = static_cast<int>(index / (static_cast<std::size_t>(grid.n[2]) * grid.n[1]));
  const int i[3] = {i0, i1, i2};
  for (int d = 0; d < 3; ++d)
    if (grid.n[d] % 2 == 0 && i[d] == grid.n[d] / 2) return true;
  return false;
}

void zero_nyquist(std::vector<Complex>& coefficients, const FftGrid& grid) {
  for (std::size_t i = 0; i < coefficients.size(); ++i)
    if (is_nyquist(grid, i)) coefficients[i] = 0.0;
}

void band_limit(std::vector<Complex>& coefficients, const std::vector<Vec3>& box_g, double g_max) {
  for (std::size_t i = 0; i < coefficients.size(); ++i)
    if (dot(box_g[i], box_g[i]) > g_max * g_max) coefficients[i] = 0.0;
}

}  // namespace fw::dft
