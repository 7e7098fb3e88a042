/// \file form_factors.cpp
/// \brief Species form factors and their structure-factor sums on the FFT box.
#include "dft/kohn_sham/form_factors.hpp"

#include <cmath>
#include <numbers>

namespace fw::dft {

namespace {

/// r·(V + Z/r) = r V + Z, regular at r = 0 (the local table's integrand is 4π r j0 · (r V + Z)).
std::vector<double> local_short_range_integrand(const Pseudopotential& psp) {
  std::vector<double> r_v(psp.n_points());
  for (std::size_t i = 0; i < r_v.size(); ++i)
    r_v[i] = psp.r_bohr[i] * psp.v_local_hartree[i] + psp.z_valence;
  return r_v;
}

}  // namespace

RadialTransformDerivative::RadialTransformDerivative(const Pseudopotential& psp,
                                                     const std::vector<double>& r_power_g, int p,
                                                     int l, double q_max)
    : l_(l), lower_(psp, r_power_g, p - 1, l == 0 ? 1 : l - 1, q_max) {}

double RadialTransformDerivative::operator()(double q, double f_of_q) const {
  if (q < 1e-12) return 0.0;
  return l_ == 0 ? -lower_(q) : lower_(q) - (l_ + 1) * f_of_q / q;
}

RadialTransformDerivative local_short_range_derivative(const Pseudopotential& psp, double q_max) {
  return RadialTransformDerivative(psp, local_short_range_integrand(psp), 1, 0, q_max);
}

RadialTransformDerivative core_density_derivative(const Pseudopotential& psp, double q_max) {
  if (!psp.has_core_correction()) return {};
  return RadialTransformDerivative(psp, psp.rho_core, 0, 0, q_max);
}

std::vector<RadialTransformDerivative> projector_derivatives(const Pseudopotential& psp,
                                                             double q_max) {
  std::vector<RadialTransformDerivative> out;
  for (const auto& channel : psp.channels)
    for (const auto& projector : channel.projectors)
      out.emplace_back(psp, projector.r_beta, 1, channel.l, q_max);
  return out;
}

SpeciesFormFactors make_form_factors(const Pseudopotential& psp, double q_max_density,
                                     double q_max_projector) {
  SpeciesFormFactors ff;
  ff.z_valence = psp.z_valence;
  ff.local_short_range =
      RadialTransform(psp, local_short_range_integrand(psp), 1, 0, q_max_density);
  ff.epsatm = ff.local_short_range(0.0);
  if (psp.has_core_correction()) {
    ff.core_density = RadialTransform(psp, psp.rho_core, 0, 0, q_max_density);
    ff.has_core = true;
  }
  if (!psp.rho_valence_atom.empty()) {
    ff.valence_density = RadialTransform(psp, psp.rho_valence_atom, 0, 0, q_max_density);
    ff.has_valence = true;
  }
  for (std::size_t c = 0; c < psp.channels.size(); ++c)
    for (std::size_t p = 0; p < psp.channels[c].projectors.size(); ++p) {
      const int l = psp.channels[c].l;
      ff.projectors.push_back(ProjectorFormFactor{
          l, static_cast<int>(c), static_cast<int>(p),
          RadialTransform(psp, psp.channels[c].projectors[p].r_beta, 1, l, q_max_projector)});
    }
  for (const AtomicOrbital& orbital : psp.orbitals)
    ff.orbitals.push_back(OrbitalFormFactor{
        orbital.l, RadialTransform(psp, orbital.r_phi, 1, orbital.l, q_max_projector)});
  return ff;
}

std::vector<Vec3> box_g_vectors(const Crystal& crystal, const FftGrid& grid) {
  const Mat3 b = crystal.reciprocal_bohr_inv();
  std::vector<Vec3> g(grid.size());
  for (int i0 = 0; i0 < grid.n[0]; ++i0)
    for (int i1 = 0; i1 < grid.n[1]; ++i1)
      for (int i2 = 0; i2 < grid.n[2]; ++i2)
        g[grid.index(i0, i1, i2)] =
            Vec3{double(grid.frequency(0, i0)), double(grid.frequency(1, i1)),
                 double(grid.frequency(2, i2))} *
            b;
  return g;
}

double max_box_g(const Crystal& crystal, const FftGrid& grid) {
  double g_max = 0.0;
  for (const Vec3& g : box_g_vectors(crystal, grid)) g_max = std::max(g_max, norm(g));
  return g_max;
}

std::vector<Complex> structure_factor_sum(const Crystal& crystal, const FftGrid& grid,
                                          const std::vector<SpeciesFormFactors>& ff,
                                          RadialQuantity what) {
  const double volume = crystal.volume_bohr3();
  const auto gs = box_g_vectors(crystal, grid);
  std::vector<Complex> out(grid.size(), 0.0);
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& f = ff[static_cast<std::size_t>(crystal.species_of_atom[a])];
    if (what == RadialQuantity::kCoreDensity && !f.has_core) continue;
    if (what == RadialQuantity::kValenceDensity && !f.has_valence) continue;
    const Vec3 tau = crystal.position_bohr(a);
    for (std::size_t i = 0; i < gs.size(); ++i) {
      const double g = norm(gs[i]);
      double value = 0.0;
      switch (what) {
        case RadialQuantity::kLocalPotential:
          value = g < 1e-12
                      ? f.epsatm
                      : f.local_short_range(g) - 4.0 * std::numbers::pi * f.z_valence / (g * g);
          break;
        case RadialQuantity::kCoreDensity:
          value = f.core_density(g);
          break;
        case RadialQuantity::kValenceDensity:
          value = f.valence_density(g);
          break;
      }
      out[i] += value / volume * std::polar(1.0, -dot(gs[i], tau));
    }
  }
  return out;
}

}  // namespace fw::dft
