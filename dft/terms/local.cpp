/// \file local.cpp
/// \brief Local pseudopotential energy, potential and forces.
#include "dft/terms/local.hpp"

#include <algorithm>
#include <numbers>

#include "dft/basis/grid_operators.hpp"

namespace fw::dft {

double LocalTerm::energy(const KohnShamState& /*state*/, const DensityState& rho) const {
  double e = 0.0;
  for (std::size_t i = 1; i < rho.rho_g.size(); ++i)
    e += (ks_.v_local_g[i] * std::conj(rho.rho_g[i])).real();
  return ks_.crystal.volume_bohr3() * e;
}

void LocalTerm::add_potential(const DensityState& /*rho*/, std::vector<double>& v_r) const {
  for (std::size_t i = 0; i < v_r.size(); ++i) v_r[i] += ks_.v_local_r[i];
}

void LocalTerm::add_forces(const KohnShamState& /*state*/, const DensityState& rho,
                           std::vector<Vec3>& forces) const {
  const Crystal& crystal = ks_.crystal;
  const double volume = crystal.volume_bohr3();
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& ff = ks_.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])];
    const Vec3 tau = crystal.position_bohr(a);
    Vec3 f;
    for (std::size_t i = 0; i < ks_.box_g.size(); ++i) {
      const Vec3& g = ks_.box_g[i];
      const double gn = norm(g);
      if (gn < 1e-12 || ks_.v_local_g[i] == Complex(0.0)) continue;
      const double v_s =
          (ff.local_short_range(gn) - 4.0 * std::numbers::pi * ff.z_valence / (gn * gn)) / volume;
      const Complex phase = std::polar(1.0, -dot(g, tau));
      f += g * (volume * (Complex(0.0, 1.0) * v_s * phase * std::conj(rho.rho_g[i])).real());
    }
    forces[a] += f;
  }
}

void LocalTerm::add_stress(const KohnShamState& state, const DensityState& rho, Mat3& sigma) const {
  const Crystal& crystal = ks_.crystal;
  const double volume = crystal.volume_bohr3();
  double q_max = 0.0;
  for (const Vec3& g : ks_.box_g) q_max = std::max(q_max, norm(g));
  std::vector<RadialTransformDerivative> derivative;
  for (const auto& psp : crystal.species)
    derivative.push_back(local_short_range_derivative(psp, q_max + 0.1));
  const auto nyquist = nyquist_mask(ks_.grid);
  Mat3 s;
  for (std::size_t i = 0; i < ks_.box_g.size(); ++i) {
    const Vec3& g = ks_.box_g[i];
    const double gn = norm(g);
    if (gn < 1e-12 || nyquist[i] || rho.rho_g[i] == Complex(0.0)) continue;
    Complex dv = 0.0;  // Σ_a v_s'(|G|) e^{−iG·τ_a}
    for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
      const auto species = static_cast<std::size_t>(crystal.species_of_atom[a]);
      const double z = ks_.form_factors[species].z_valence;
      const double dv_s =
          derivative[species](gn, 0.0) + 8.0 * std::numbers::pi * z / (gn * gn * gn);
      dv += dv_s * std::polar(1.0, -dot(g, crystal.position_bohr(a)));
    }
    const double c = -(dv * std::conj(rho.rho_g[i])).real() / (volume * gn);
    for (int a = 0; a < 3; ++a) s[a] += g * (c * g[a]);
  }
  const double e = energy(state, rho);
  for (int a = 0; a < 3; ++a) {
    s[a][a] -= e / volume;
    sigma[a] += s[a];
  }
}

}  // namespace fw::dft
