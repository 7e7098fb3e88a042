/// \file nonlocal.cpp
/// \brief Kleinman–Bylander projectors (Kleinman & Bylander, PRL 48, 1425 (1982)) in the plane-wave
/// basis.
#include "dft/terms/nonlocal.hpp"

#include <cblas.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "dft/solver/scf_context.hpp"
#include "dft/terms/atomic_columns.hpp"
#include "dft/terms/spherical_harmonics.hpp"

namespace fw::dft {

namespace {

/// One column of B: atom, angular momentum, its table (index into the species' projectors).
struct Column {
  std::size_t atom;
  int l, m, channel, projector;
  const RadialTransform* table;
  std::size_t table_index;
};

/// The columns of B in their order: atoms, then each atom's projectors, then m.
std::vector<Column> projector_columns(const Crystal& crystal,
                                      const std::vector<SpeciesFormFactors>& ff) {
  std::vector<Column> columns;
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& f = ff[static_cast<std::size_t>(crystal.species_of_atom[a])];
    for (std::size_t t = 0; t < f.projectors.size(); ++t) {
      const auto& p = f.projectors[t];
      for (int m = 0; m < 2 * p.l + 1; ++m)
        columns.push_back({a, p.l, m, p.channel, p.projector, &p.table, t});
    }
  }
  return columns;
}

}  // namespace

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff) {
  KPointProjectors out;
  const std::size_t npw = basis.size();
  const std::vector<Column> columns = projector_columns(crystal, ff);
  out.n_proj = columns.size();
  out.b.assign(npw * out.n_proj, 0.0);
  out.d.assign(out.n_proj * out.n_proj, 0.0);
  out.atom_of_projector.resize(out.n_proj);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    out.atom_of_projector[c] = static_cast<int>(col.atom);
    atomic_column(*col.table, col.l, col.m, basis, crystal.position_bohr(col.atom),
                  crystal.volume_bohr3(), out.b.data() + c * npw);
    // D couples projectors of the same atom, channel and m.
    const auto& psp = crystal.species[static_cast<std::size_t>(crystal.species_of_atom[col.atom])];
    for (std::size_t c2 = 0; c2 < columns.size(); ++c2) {
      const auto& o = columns[c2];
      if (o.atom != col.atom || o.channel != col.channel || o.m != col.m) continue;
      out.d[c2 * out.n_proj + c] = psp.channels[static_cast<std::size_t>(col.channel)].d(
          static_cast<std::size_t>(col.projector), static_cast<std::size_t>(o.projector));
    }
  }
  return out;
}

void apply_nonlocal(const KPointProjectors& proj, std::size_t npw, std::size_t n_bands,
                    const Complex* x, Complex* hx, std::vector<Complex>* projections) {
  if (proj.n_proj == 0 || n_bands == 0) return;
  const Complex one(1.0), zero(0.0);
  const int np = static_cast<int>(proj.n_proj), ng = static_cast<int>(npw),
            nb = static_cast<int>(n_bands);
  std::vector<Complex> p(proj.n_proj * n_bands), dp(proj.n_proj * n_bands);
  cblas_zgemm(CblasColMajor, CblasConjTrans, CblasNoTrans, np, nb, ng, &one, proj.b.data(), ng, x,
              ng, &zero, p.data(), np);
  cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, np, nb, np, &one, proj.d.data(), np,
              p.data(), np, &zero, dp.data(), np);
  cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, ng, nb, np, &one, proj.b.data(), ng,
              dp.data(), np, &one, hx, ng);
  if (projections) *projections = std::move(p);
}

double NonlocalTerm::energy(const DensityState& /*rho*/) const {
  return sum_over_kpoints(ctx_, [&](std::size_t k) {
    const std::size_t npw = ctx_.bases[k].size(), nb = ctx_.n_bands;
    const Complex* psi = ctx_.psi[k].data();
    std::vector<Complex> hx(npw * nb, 0.0);
    apply_nonlocal(ctx_.projectors[k], npw, nb, psi, hx.data());
    double e = 0.0;
    for (std::size_t n = 0; n < nb; ++n) {
      const double f = ctx_.occupations[k][n];
      if (ctx_.bases[k].kpoint.weight * f < 1e-14) continue;
      Complex expectation = 0.0;
      for (std::size_t g = 0; g < npw; ++g)
        expectation += std::conj(psi[n * npw + g]) * hx[n * npw + g];
      e += f * expectation.real();
    }
    return e;
  });
}

void NonlocalTerm::add_forces(const DensityState& /*rho*/, std::vector<Vec3>& forces) const {
  // Each rank adds the k-points it contributes; the sum over ranks follows.
  const Complex one(1.0), zero(0.0);
  const std::size_t n_atoms = forces.size();
  std::vector<double> f_nonlocal(3 * n_atoms, 0.0);
  for (std::size_t k = 0; k < ctx_.bases.size(); ++k) {
    if (!ctx_.distribution.contributes(k)) continue;
    const auto& basis = ctx_.bases[k];
    const auto& proj = ctx_.projectors[k];
    if (proj.n_proj == 0) continue;
    const std::size_t npw = basis.size(), nb = ctx_.n_bands, np = proj.n_proj;
    const auto& psi = ctx_.psi[k];
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
        const double wf = basis.kpoint.weight * ctx_.occupations[k][b];
        if (wf == 0.0) continue;
        for (std::size_t q = 0; q < np; ++q) {
          const double de = 2.0 * (std::conj(deriv[b * np + q]) * dp[b * np + q]).real();
          f_nonlocal[3 * static_cast<std::size_t>(proj.atom_of_projector[q]) +
                     static_cast<std::size_t>(d)] -= wf * de;
        }
      }
    }
  }
  ctx_.world->sum(f_nonlocal.data(), f_nonlocal.size());
  for (std::size_t a = 0; a < n_atoms; ++a)
    for (int d = 0; d < 3; ++d) forces[a][d] += f_nonlocal[3 * a + static_cast<std::size_t>(d)];
}

void NonlocalTerm::add_stress(const DensityState& /*rho*/, Mat3& sigma) const {
  const Crystal& crystal = ctx_.crystal;
  const double volume = crystal.volume_bohr3();
  const Complex one(1.0), zero(0.0);
  double q_max = 0.0;
  for (std::size_t k = 0; k < ctx_.bases.size(); ++k)
    if (ctx_.distribution.contributes(k))
      for (const Vec3& q : ctx_.bases[k].k_plus_g) q_max = std::max(q_max, norm(q));
  std::vector<std::vector<RadialTransformDerivative>> derivative;
  for (const auto& psp : crystal.species)
    derivative.push_back(projector_derivatives(psp, q_max + 0.1));
  const std::vector<Column> columns = projector_columns(crystal, ctx_.form_factors);
  // m[3i + j]: Σ_k w_k Σ_n f_n 2 Re Σ_p (∂P_pn/∂ε_ij)* (D P)_pn without the −½δ_ij of 1/√Ω;
  // m[9]: E_nl of this rank's k-points.
  std::array<double, 10> m{};
  for (std::size_t k = 0; k < ctx_.bases.size(); ++k) {
    if (!ctx_.distribution.contributes(k)) continue;
    const auto& basis = ctx_.bases[k];
    const auto& proj = ctx_.projectors[k];
    if (proj.n_proj == 0) continue;
    const std::size_t npw = basis.size(), nb = ctx_.n_bands, np = proj.n_proj;
    const auto& psi = ctx_.psi[k];
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
      const Column& col = columns[c];
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
          const double wf = basis.kpoint.weight * ctx_.occupations[k][b];
          if (wf == 0.0) continue;
          for (std::size_t q = 0; q < np; ++q)
            m[static_cast<std::size_t>(3 * i + j)] +=
                wf * 2.0 * (std::conj(deriv[b * np + q]) * dp[b * np + q]).real();
        }
      }
    for (std::size_t b = 0; b < nb; ++b) {
      const double wf = basis.kpoint.weight * ctx_.occupations[k][b];
      for (std::size_t q = 0; q < np; ++q)
        m[9] += wf * (std::conj(p[b * np + q]) * dp[b * np + q]).real();
    }
  }
  ctx_.world->sum(m.data(), m.size());
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      const double symmetric =
          0.5 * (m[static_cast<std::size_t>(3 * i + j)] + m[static_cast<std::size_t>(3 * j + i)]);
      sigma[i][j] += (symmetric - (i == j ? m[9] : 0.0)) / volume;
    }
}

}  // namespace fw::dft
