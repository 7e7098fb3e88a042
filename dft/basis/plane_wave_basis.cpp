/// \file plane_wave_basis.cpp
/// \brief Plane-wave sets per k-point.
#include "dft/basis/plane_wave_basis.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace fw::dft {

KPointBasis make_kpoint_basis(const Crystal& crystal, const FftGrid& grid, const KPoint& k,
                              double ecut_hartree) {
  KPointBasis basis;
  basis.kpoint = k;
  const Mat3 b = crystal.reciprocal_bohr_inv();
  basis.k_cart = k.frac * b;
  const double g_max = std::sqrt(2.0 * ecut_hartree);
  std::array<int, 3> m_max{};
  for (int d = 0; d < 3; ++d) {
    m_max[static_cast<std::size_t>(d)] =
        static_cast<int>(std::ceil(g_max * norm(crystal.cell_bohr[d]) / (2.0 * std::numbers::pi))) +
        1;
    if (2 * m_max[static_cast<std::size_t>(d)] + 1 > grid.n[static_cast<std::size_t>(d)] * 2)
      throw std::logic_error("FFT grid too small for the plane-wave sphere");
  }
  for (int m0 = -m_max[0]; m0 <= m_max[0]; ++m0)
    for (int m1 = -m_max[1]; m1 <= m_max[1]; ++m1)
      for (int m2 = -m_max[2]; m2 <= m_max[2]; ++m2) {
        const Vec3 kg = Vec3{m0 + k.frac[0], m1 + k.frac[1], m2 + k.frac[2]} * b;
        const double e = 0.5 * dot(kg, kg);
        if (e > ecut_hartree) continue;
        basis.miller.push_back({m0, m1, m2});
        basis.fft_index.push_back(grid.index(grid.wrap(0, m0), grid.wrap(1, m1), grid.wrap(2, m2)));
        basis.k_plus_g.push_back(kg);
        basis.kinetic_hartree.push_back(e);
      }
  basis.fft_support = sphere_support(grid, basis.fft_index);
  return basis;
}

}  // namespace fw::dft
