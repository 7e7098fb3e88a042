/// \file xc.cpp
/// \brief The exchange–correlation term's energy, potential, forces and stress.
#include "dft/terms/xc.hpp"

#include <algorithm>
#include <stdexcept>

#include "dft/basis/grid_operators.hpp"

namespace fw::dft {

double XcTerm::evaluate_spin(const DensityState& rho, std::vector<double>& v_up,
                             std::vector<double>& v_down) const {
  const std::size_t n = rho.rho_r.size();
  std::vector<double> up(n), down(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double core = ks_.rho_core_r.empty() ? 0.0 : 0.5 * ks_.rho_core_r[i];
    up[i] = 0.5 * (rho.rho_r[i] + rho.magnetization_r[i]) + core;
    down[i] = 0.5 * (rho.rho_r[i] - rho.magnetization_r[i]) + core;
  }
  return ks_.xc->evaluate_polarized(up, down, ks_.box_g, *ks_.plans, ks_.crystal.volume_bohr3(),
                                    v_up, v_down);
}

double XcTerm::evaluate(const DensityState& rho, std::vector<double>& v,
                        Mat3* gradient_stress) const {
  if (!rho.magnetization_r.empty()) {
    if (gradient_stress)
      throw std::logic_error("the XC stress of a spin-polarised density is not implemented");
    std::vector<double> v_down;
    const double e = evaluate_spin(rho, v, v_down);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.5 * (v[i] + v_down[i]);
    return e;
  }
  std::vector<double> rho_total = rho.rho_r;
  for (std::size_t i = 0; i < ks_.rho_core_r.size(); ++i) rho_total[i] += ks_.rho_core_r[i];
  return ks_.xc->evaluate(rho_total, ks_.box_g, *ks_.plans, ks_.crystal.volume_bohr3(), v,
                          gradient_stress);
}

double XcTerm::energy(const KohnShamState& /*state*/, const DensityState& rho) const {
  std::vector<double> v;
  return evaluate(rho, v);
}

void XcTerm::add_potential(const DensityState& rho, std::vector<double>& v_r) const {
  std::vector<double> v;
  evaluate(rho, v);
  for (std::size_t i = 0; i < v_r.size(); ++i) v_r[i] += v[i];
}

void XcTerm::add_spin_potential(const DensityState& rho, std::vector<double>& v_up,
                                std::vector<double>& v_down) const {
  std::vector<double> up, down;
  evaluate_spin(rho, up, down);
  for (std::size_t i = 0; i < v_up.size(); ++i) {
    v_up[i] += up[i];
    v_down[i] += down[i];
  }
}

void XcTerm::add_forces(const KohnShamState& /*state*/, const DensityState& rho,
                        std::vector<Vec3>& forces) const {
  if (ks_.rho_core_g.empty()) return;
  std::vector<double> v;
  evaluate(rho, v);
  const auto v_xc_g = to_reciprocal(v, *ks_.plans);
  const Crystal& crystal = ks_.crystal;
  const double volume = crystal.volume_bohr3();
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& ff = ks_.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])];
    if (!ff.has_core) continue;
    const Vec3 tau = crystal.position_bohr(a);
    Vec3 f;
    for (std::size_t i = 0; i < ks_.box_g.size(); ++i) {
      const Vec3& g = ks_.box_g[i];
      const double gn = norm(g);
      if (gn < 1e-12 || ks_.v_local_g[i] == Complex(0.0)) continue;
      const double c_s = ff.core_density(gn) / volume;
      const Complex phase = std::polar(1.0, -dot(g, tau));
      f += g * (volume * (Complex(0.0, 1.0) * c_s * phase * std::conj(v_xc_g[i])).real());
    }
    forces[a] += f;
  }
}

void XcTerm::add_stress(const KohnShamState& /*state*/, const DensityState& rho,
                        Mat3& sigma) const {
  std::vector<double> v;
  Mat3 s;
  const double e_xc = evaluate(rho, v, &s);
  const Crystal& crystal = ks_.crystal;
  const double volume = crystal.volume_bohr3();
  const std::size_t n = v.size();
  double v_rho = 0.0;  // ∫ v_xc (ρ + ρ_core) dr
  for (std::size_t r = 0; r < n; ++r)
    v_rho += v[r] * (rho.rho_r[r] + (ks_.rho_core_r.empty() ? 0.0 : ks_.rho_core_r[r]));
  v_rho *= volume / static_cast<double>(n);
  for (int a = 0; a < 3; ++a) s[a][a] += (e_xc - v_rho) / volume;
  if (!ks_.rho_core_g.empty()) {
    const auto v_xc_g = to_reciprocal(v, *ks_.plans);
    double q_max = 0.0;
    for (const Vec3& g : ks_.box_g) q_max = std::max(q_max, norm(g));
    std::vector<RadialTransformDerivative> derivative;
    for (const auto& psp : crystal.species)
      derivative.push_back(core_density_derivative(psp, q_max + 0.1));
    const auto nyquist = nyquist_mask(ks_.grid);
    for (std::size_t i = 0; i < ks_.box_g.size(); ++i) {
      const Vec3& g = ks_.box_g[i];
      const double gn = norm(g);
      if (gn < 1e-12 || nyquist[i]) continue;
      Complex dc = 0.0;  // Σ_a c_s'(|G|) e^{−iG·τ_a}
      for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
        const auto species = static_cast<std::size_t>(crystal.species_of_atom[a]);
        if (!ks_.form_factors[species].has_core) continue;
        dc += derivative[species](gn, 0.0) * std::polar(1.0, -dot(g, crystal.position_bohr(a)));
      }
      const double c = -(std::conj(v_xc_g[i]) * dc).real() / (volume * gn);
      for (int a = 0; a < 3; ++a) s[a] += g * (c * g[a]);
    }
  }
  for (int a = 0; a < 3; ++a) sigma[a] += s[a];
}

}  // namespace fw::dft
