/// \file layer_fit.cpp
/// \brief Straight-line fit of slab energy against thickness (simple linear regression).
#include "dft/facet/layer_fit.hpp"

#include <cmath>
#include <stdexcept>

namespace fw::dft {

LayerFit fit_slab_energies(const std::vector<int>& layers, const std::vector<double>& e_slab_eV,
                           double area_A2) {
  const std::size_t n = layers.size();
  if (n != e_slab_eV.size() || n < 2 || !(area_A2 > 0.0))
    throw std::invalid_argument("a layer fit needs two or more slabs and a positive area");
  double mean_n = 0.0, mean_e = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    mean_n += layers[i] / static_cast<double>(n);
    mean_e += e_slab_eV[i] / static_cast<double>(n);
  }
  double snn = 0.0, sne = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    snn += (layers[i] - mean_n) * (layers[i] - mean_n);
    sne += (layers[i] - mean_n) * (e_slab_eV[i] - mean_e);
  }
  if (!(snn > 0.0)) throw std::invalid_argument("a layer fit needs two distinct thicknesses");
  LayerFit fit;
  fit.points = static_cast<int>(n);
  fit.e_layer_eV = sne / snn;
  const double intercept = mean_e - fit.e_layer_eV * mean_n;
  fit.e_dis_eV_per_A2 = intercept / area_A2;
  if (n > 2) {
    double ssr = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double r = e_slab_eV[i] - intercept - fit.e_layer_eV * layers[i];
      ssr += r * r;
    }
    // Standard error of the intercept: s·sqrt(1/n + mean_n²/S_nn), s² = SSR/(n − 2).
    const double s2 = ssr / static_cast<double>(n - 2);
    fit.standard_error_eV_per_A2 =
        std::sqrt(s2 * (1.0 / static_cast<double>(n) + mean_n * mean_n / snn)) / area_A2;
  }
  return fit;
}

}  // namespace fw::dft
