/// \file ewald.cpp
/// \brief Ewald summation (see ewald.hpp).
#include "dft/terms/ewald.hpp"

#include <cmath>
#include <complex>
#include <numbers>

namespace fw::dft {

EwaldResult ewald(const Crystal& crystal) {
  std::vector<double> charges;
  for (int s : crystal.species_of_atom)
    charges.push_back(crystal.species[static_cast<std::size_t>(s)].z_valence);
  return ewald(crystal.cell_bohr, crystal.positions_frac, charges);
}

EwaldResult ewald(const Mat3& cell, const std::vector<Vec3>& positions_frac,
                  const std::vector<double>& charges) {
  constexpr double pi = std::numbers::pi;
  const std::size_t n = positions_frac.size();
  const double volume = std::abs(determinant(cell));
  const Mat3 b = (2.0 * pi) * reciprocal_rows(cell);
  const double eta = std::sqrt(pi) / std::cbrt(volume);  // balances the two sums
  const double tolerance = 1e-16;
  // erfc(η r_max) < tol and exp(−G²/4η²) < tol.
  const double r_max = std::sqrt(-std::log(tolerance)) / eta + 1.0;
  const double g_max = 2.0 * eta * std::sqrt(-std::log(tolerance));

  std::vector<Vec3> pos(n);
  for (std::size_t a = 0; a < n; ++a) pos[a] = positions_frac[a] * cell;
  EwaldResult result;
  result.forces_hartree_per_bohr.assign(n, Vec3{});

  Mat3 stress;  // Ω σ

  // Real-space sum.
  std::array<int, 3> nr{}, ng{};
  for (int d = 0; d < 3; ++d) {
    // Planes spacing of the lattice along d is 2π/|b_d|; of the reciprocal lattice 2π/|a_d|.
    nr[static_cast<std::size_t>(d)] =
        static_cast<int>(std::ceil(r_max * norm(b[d]) / (2.0 * pi))) + 1;
    ng[static_cast<std::size_t>(d)] =
        static_cast<int>(std::ceil(g_max * norm(cell[d]) / (2.0 * pi))) + 1;
  }
  double e_real = 0.0;
  for (int l0 = -nr[0]; l0 <= nr[0]; ++l0)
    for (int l1 = -nr[1]; l1 <= nr[1]; ++l1)
      for (int l2 = -nr[2]; l2 <= nr[2]; ++l2) {
        const Vec3 lattice = Vec3{double(l0), double(l1), double(l2)} * cell;
        for (std::size_t a = 0; a < n; ++a)
          for (std::size_t c = 0; c < n; ++c) {
            const Vec3 d = pos[a] - pos[c] - lattice;
            const double r = norm(d);
            if (r < 1e-10 || r > r_max) continue;
            const double zz = charges[a] * charges[c];
            e_real += 0.5 * zz * std::erfc(eta * r) / r;
            const double dedr =
                -zz * (std::erfc(eta * r) / (r * r) +
                       2.0 * eta / std::sqrt(pi) * std::exp(-eta * eta * r * r) / r);
            result.forces_hartree_per_bohr[a] -= d * (dedr / r);
            for (int i = 0; i < 3; ++i) stress[i] += d * (0.5 * dedr * d[i] / r);
          }
      }

  // Reciprocal-space sum.
  double e_recip = 0.0;
  for (int m0 = -ng[0]; m0 <= ng[0]; ++m0)
    for (int m1 = -ng[1]; m1 <= ng[1]; ++m1)
      for (int m2 = -ng[2]; m2 <= ng[2]; ++m2) {
        if (m0 == 0 && m1 == 0 && m2 == 0) continue;
        const Vec3 g = Vec3{double(m0), double(m1), double(m2)} * b;
        const double g2 = dot(g, g);
        if (g2 > g_max * g_max) continue;
        const double factor = 4.0 * pi / volume * std::exp(-g2 / (4.0 * eta * eta)) / g2;
        std::complex<double> s = 0.0;
        std::vector<std::complex<double>> phase(n);
        for (std::size_t a = 0; a < n; ++a) {
          phase[a] = std::polar(1.0, dot(g, pos[a]));
          s += charges[a] * phase[a];
        }
        e_recip += 0.5 * factor * std::norm(s);
        const double e_g = 0.5 * factor * std::norm(s);
        const double c = 2.0 * e_g * (0.25 / (eta * eta) + 1.0 / g2);
        for (int i = 0; i < 3; ++i) {
          stress[i] += g * (c * g[i]);
          stress[i][i] -= e_g;
        }
        for (std::size_t a = 0; a < n; ++a) {
          // ∂|S|²/∂τ_a = 2 Re[i G Z_a e^{iGτ_a} S*]
          const double im = (charges[a] * phase[a] * std::conj(s)).imag();
          result.forces_hartree_per_bohr[a] += g * (factor * im);
        }
      }

  double z_sum = 0.0, z2_sum = 0.0;
  for (double z : charges) {
    z_sum += z;
    z2_sum += z * z;
  }
  const double e_self = -eta / std::sqrt(pi) * z2_sum;
  const double e_background = -pi * z_sum * z_sum / (2.0 * volume * eta * eta);
  result.energy_hartree = e_real + e_recip + e_self + e_background;
  for (int i = 0; i < 3; ++i) {
    stress[i][i] -= e_background;
    result.stress_hartree_per_bohr3[i] = stress[i] / volume;
  }
  return result;
}

}  // namespace fw::dft
