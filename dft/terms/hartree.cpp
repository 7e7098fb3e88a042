/// \file hartree.cpp
/// \brief Hartree term in reciprocal space.
#include "dft/terms/hartree.hpp"

#include <numbers>

namespace fw::dft {

double hartree(const std::vector<Complex>& rho_g, const std::vector<Vec3>& box_g,
               double volume_bohr3, std::vector<Complex>& v_h_g) {
  v_h_g.assign(rho_g.size(), 0.0);
  double energy = 0.0;
  for (std::size_t i = 0; i < rho_g.size(); ++i) {
    const double g2 = dot(box_g[i], box_g[i]);
    if (g2 < 1e-12) continue;
    v_h_g[i] = 4.0 * std::numbers::pi / g2 * rho_g[i];
    energy += (std::conj(v_h_g[i]) * rho_g[i]).real();
  }
  return 0.5 * volume_bohr3 * energy;
}

}  // namespace fw::dft
