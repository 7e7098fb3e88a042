/// \file layer_fit.hpp
/// \brief E_dis from the slope of slab energy against thickness (Fiorentini & Methfessel, J. Phys.:
/// Condens. Matter 8, 6525 (1996); Boettger, PRB 49, 16798 (1994)): E_slab(N) = N·ε + A·E_dis,
/// fitted over the thickest slabs, so the bulk energy per layer ε comes from the slabs themselves
/// and the quantum-size oscillation of E_slab(N) averages out instead of being read at one N.
#pragma once

#include <vector>

namespace fw::dft {

struct LayerFit {
  int points = 0;                         ///< slabs in the fit
  double e_dis_eV_per_A2 = 0.0;           ///< intercept / A
  double standard_error_eV_per_A2 = 0.0;  ///< of the intercept (0 with two points)
  double e_layer_eV = 0.0;                ///< fitted ε, per layer (= per atom of a 1×1 cell)
};

/// Least-squares line through (layers_i, e_slab_i); `area_A2` the area of one face. Needs ≥ 2
/// distinct thicknesses (throws std::invalid_argument otherwise).
LayerFit fit_slab_energies(const std::vector<int>& layers, const std::vector<double>& e_slab_eV,
                           double area_A2);

}  // namespace fw::dft
