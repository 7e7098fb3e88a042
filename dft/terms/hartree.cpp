/// \file hartree.cpp
/// \brief Hartree term in reciprocal space.
#include "dft/terms/hartree.hpp"

#include <numbers>

#include "dft/basis/grid_operators.hpp"

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

double HartreeTerm::energy(const KohnShamState& /*state*/, const DensityState& rho) const {
  std::vector<Complex> v_h_g;
  return hartree(rho.rho_g, ks_.box_g, ks_.crystal.volume_bohr3(), v_h_g);
}

void HartreeTerm::add_potential(const DensityState& rho, std::vector<double>& v_r) const {
  std::vector<Complex> v_h_g;
  hartree(rho.rho_g, ks_.box_g, ks_.crystal.volume_bohr3(), v_h_g);
  const auto v_h_r = to_real(v_h_g, *ks_.plans);
  for (std::size_t i = 0; i < v_r.size(); ++i) v_r[i] += v_h_r[i];
}

void HartreeTerm::add_stress(const KohnShamState& /*state*/, const DensityState& rho,
                             Mat3& sigma) const {
  const double volume = ks_.crystal.volume_bohr3();
  Mat3 s;
  double energy = 0.0;
  for (std::size_t i = 0; i < rho.rho_g.size(); ++i) {
    const Vec3& g = ks_.box_g[i];
    const double g2 = dot(g, g);
    if (g2 < 1e-12) continue;
    const double c = 4.0 * std::numbers::pi * std::norm(rho.rho_g[i]) / g2;
    energy += 0.5 * volume * c;
    for (int a = 0; a < 3; ++a) s[a] += g * (c * g[a] / g2);
  }
  for (int a = 0; a < 3; ++a) {
    s[a][a] -= energy / volume;
    sigma[a] += s[a];
  }
}

}  // namespace fw::dft
