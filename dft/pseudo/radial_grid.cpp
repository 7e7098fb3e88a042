/// \file radial_grid.cpp
/// \brief Uniform grids and resampling for the pseudopotential readers.
#include "dft/pseudo/radial_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fw::dft {

std::vector<double> uniform_radial_grid(double spacing_bohr, double r_max_bohr) {
  if (!(spacing_bohr > 0.0) || !(r_max_bohr > spacing_bohr))
    throw std::invalid_argument("uniform_radial_grid: need 0 < spacing < r_max");
  const auto n = static_cast<std::size_t>(std::floor(r_max_bohr / spacing_bohr + 1e-9)) + 1;
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n; ++i) r[i] = spacing_bohr * static_cast<double>(i);
  return r;
}

std::vector<double> resample_radial(const std::vector<double>& r_from,
                                    const std::vector<double>& f_from,
                                    const std::vector<double>& r_to, double outside_value) {
  constexpr std::size_t kOrder = 8;  // nodes per local interpolating polynomial
  const std::size_t n = r_from.size();
  if (f_from.size() != n || n < kOrder)
    throw std::invalid_argument("resample_radial: need >= 8 nodes and one value per node");
  std::vector<double> f_to(r_to.size());
  for (std::size_t k = 0; k < r_to.size(); ++k) {
    const double r = r_to[k];
    if (r > r_from.back() * (1.0 + 1e-12)) {
      f_to[k] = outside_value;
      continue;
    }
    // The eight nodes around r: four on each side where the table allows.
    const auto upper = static_cast<std::size_t>(std::lower_bound(r_from.begin(), r_from.end(), r) -
                                                r_from.begin());
    const std::size_t first = std::min(upper < kOrder / 2 ? 0 : upper - kOrder / 2, n - kOrder);
    double value = 0.0;
    for (std::size_t a = first; a < first + kOrder; ++a) {
      double weight = 1.0;
      for (std::size_t b = first; b < first + kOrder; ++b)
        if (b != a) weight *= (r - r_from[b]) / (r_from[a] - r_from[b]);
      value += weight * f_from[a];
    }
    f_to[k] = value;
  }
  return f_to;
}

}  // namespace fw::dft
