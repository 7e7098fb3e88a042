/// \file nonlocal.cpp
/// \brief The nonlocal (Kleinman–Bylander) energy, forces and stress of the occupied orbitals.
#include "dft/terms/nonlocal.hpp"

#include <cblas.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "dft/kohn_sham/spherical_harmonics.hpp"

namespace fw::dft {

double NonlocalTerm::energy(const KohnShamState& state, const DensityState& /*rho*/) const {
  return sum_over_kpoints(ks_, [&](std::size_t u) {
    const std::size_t k = ks_.kpoint_of(u);
    const std::size_t npw = ks_.bases[k].size(), nb = ks_.n_bands;
    const Complex* psi = state.psi[u].data();
    std::vector<Complex> hx(npw * nb, 0.0);
    apply_nonlocal(ks_.projectors[k], npw, nb, psi, hx.data());
    double e = 0.0;
    for (std::size_t n = 0; n < nb; ++n) {
      const double f = state.occupations[u][n];
      if (ks_.bases[k].kpoint.weight * f < 1e-14) continue;
      Complex expectation = 0.0;
      for (std::size_t g = 0; g < npw; ++g)
        expectation += std::conj(psi[n * npw + g]) * hx[n * npw + g];
      e += f * expectation.real();
    }
    return e;
  });
}

void NonlocalTerm::add_forces(const KohnShamState& state, const DensityState& /*rho*/,
                              std::vector<Vec3>& forces) const {
  // Each rank adds the k-points it contributes; the sum over ranks follows.
  const Complex one(1.0), zero(0.0);
  const std::size_t n_atoms = forces.size();
  std::vector<double> f_nonlocal(3 * n_atoms, 0.0);
  for (std::size_t u = 0; u < ks_.n_units(); ++u) {
    const std::size_t k = ks_.kpoint_of(u);
    if (!ks_.distribution.contributes(k)) continue;
    const auto& basis = ks_.bases[k];
    const auto& proj = ks_.projectors[k];
    if (proj.n_proj == 0) continue;
    const std::size_t npw = basis.size(), nb = ks_.n_bands, np = proj.n_proj;
    const auto& psi = state.psi[u];
    std::vector<Complex> p(np * nb), dp(np * nb), deriv(np * nb), scaled(npw * nb);
    cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, int(np), int(nb), int(npw), &one,
                proj.b.data(), int(npw), psi.data(), int(npw), &zero, p.data(), int(np));
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, int(np), int(nb), int(np), &one,
                proj.d.data(), int(np), p.data(), int(np), &zero, dp.data(), int(np));
    for (int d = 0; d < 3; ++d) {
      for (std::size_t b = 0; b < nb; ++b)
        for (std::size_t g = 0; g < npw; ++g)
          scaled[b * npw + g] = Complex(0.0, basis.k_plus_g[g][d]) * psi[b * npw + g];
      cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, int(np), int(nb), int(npw), &one,
                  proj.b.data(), int(npw), scaled.data(), int(npw), &zero, deriv.data(), int(np));
      for (std::size_t b = 0; b < nb; ++b) {
        const double wf = basis.kpoint.weight * state.occupations[u][b];
        if (wf == 0.0) continue;
        for (std::size_t q = 0; q < np; ++q) {
          const double de = 2.0 * (std::conj(deriv[b * np + q]) * dp[b * np + q]).real();
          f_nonlocal[3 * static_cast<std::size_t>(proj.atom_of_projector[q]) +
                     static_cast<std::size_t>(d)] -= wf * de;
        }
      }
    }
  }
  ks_.world->sum(f_nonlocal.data(), f_nonlocal.size());
  for (std::size_t a = 0; a < n_atoms; ++a)
    for (int d = 0; d < 3; ++d) forces[a][d] += f_nonlocal[3 * a + static_cast<std::size_t>(d)];
}

void NonlocalTerm::add_stress(const KohnShamState& state, const DensityState& /*rho*/,
                              Mat3& sigma) const {
  const Crystal& crystal = ks_.crystal;
  const double volume = crystal.volume_bohr3();
  const Complex one(1.0), zero(0.0);
  double q_max = 0.0;
  for (std::size_t k = 0; k < ks_.bases.size(); ++k)
    if (ks_.distribution.contributes(k))
      for (const Vec3& q : ks_.bases[k].k_plus_g) q_max = std::max(q_max, norm(q));
  std::vector<std::vector<RadialTransformDerivative>> derivative;
  for (const auto& psp : crystal.species)
    derivative.push_back(projector_derivatives(psp, q_max + 0.1));
  const std::vector<ProjectorColumn> columns = projector_columns(crystal, ks_.form_factors);
  // m[3i + j]: Σ_k w_k Σ_n f_n 2 Re Σ_p (∂P_pn/∂ε_ij)* (D P)_pn without the −½δ_ij of 1/√Ω;
  // m[9]: E_nl of this rank's k-points.
  std::array<double, 10> m{};
  for (std::size_t u = 0; u < ks_.n_units(); ++u) {
    const std::size_t k = ks_.kpoint_of(u);
    if (!ks_.distribution.contributes(k)) continue;
    const auto& basis = ks_.bases[k];
    const auto& proj = ks_.projectors[k];
    if (proj.n_proj == 0) continue;
    const std::size_t npw = basis.size(), nb = ks_.n_bands, np = proj.n_proj;
    const auto& psi = state.psi[u];
    std::vector<Complex> p(np * nb), dp(np * nb), deriv(np * nb), db(npw * np);
    cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, int(np), int(nb), int(npw), &one,
                proj.b.data(), int(npw), psi.data(), int(npw), &zero, p.data(), int(np));
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, int(np), int(nb), int(np), &one,
                proj.d.data(), int(np), p.data(), int(np), &zero, dp.data(), int(np));
    // ∂B_Gp/∂ε_ij = −radial_Gp q_i q_j − angular_Gp,i q_j (q = k+G, q·τ fixed) with
    // radial = (−i)^l/√Ω e^{−iq·τ} F'(|q|) Y_lm(q)/|q| and angular = (−i)^l/√Ω e^{−iq·τ} F ∇Y_lm.
    std::vector<Complex> radial(npw * np);
    std::vector<std::array<Complex, 3>> angular(npw * np);
    for (std::size_t c = 0; c < np; ++c) {
      const ProjectorColumn& col = columns[c];
      const auto& d_table =
          derivative[static_cast<std::size_t>(crystal.species_of_atom[col.atom])][col.table_index];
      const Complex prefactor = std::pow(Complex(0.0, -1.0), col.l) / std::sqrt(volume);
      const Vec3 tau = crystal.position_bohr(col.atom);
      for (std::size_t g = 0; g < npw; ++g) {
        const Vec3& q = basis.k_plus_g[g];
        const double qn = norm(q);
        if (qn < 1e-12) continue;
        const Complex phase = prefactor * std::polar(1.0, -dot(q, tau));
        const double f = (*col.table)(qn);
        radial[c * npw + g] =
            phase * d_table(qn, f) * real_spherical_harmonic(col.l, col.m, q) / qn;
        const Vec3 dy = real_spherical_harmonic_gradient(col.l, col.m, q);
        for (int i = 0; i < 3; ++i)
          angular[c * npw + g][static_cast<std::size_t>(i)] = phase * f * dy[i];
      }
    }
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) {
        for (std::size_t c = 0; c < np; ++c)
          for (std::size_t g = 0; g < npw; ++g) {
            const Vec3& q = basis.k_plus_g[g];
            db[c * npw + g] = -radial[c * npw + g] * (q[i] * q[j]) -
                              angular[c * npw + g][static_cast<std::size_t>(i)] * q[j];
          }
        cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, int(np), int(nb), int(npw), &one,
                    db.data(), int(npw), psi.data(), int(npw), &zero, deriv.data(), int(np));
        for (std::size_t b = 0; b < nb; ++b) {
          const double wf = basis.kpoint.weight * state.occupations[u][b];
          if (wf == 0.0) continue;
          for (std::size_t q = 0; q < np; ++q)
            m[static_cast<std::size_t>(3 * i + j)] +=
                wf * 2.0 * (std::conj(deriv[b * np + q]) * dp[b * np + q]).real();
        }
      }
    for (std::size_t b = 0; b < nb; ++b) {
      const double wf = basis.kpoint.weight * state.occupations[u][b];
      for (std::size_t q = 0; q < np; ++q)
        m[9] += wf * (std::conj(p[b * np + q]) * dp[b * np + q]).real();
    }
  }
  ks_.world->sum(m.data(), m.size());
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      const double symmetric =
          0.5 * (m[static_cast<std::size_t>(3 * i + j)] + m[static_cast<std::size_t>(3 * j + i)]);
      sigma[i][j] += (symmetric - (i == j ? m[9] : 0.0)) / volume;
    }
}

}  // namespace fw::dft
