/// \file nonlocal.cpp
/// \brief Kleinman–Bylander projectors (Kleinman & Bylander, PRL 48, 1425 (1982)) in the plane-wave
/// basis.
#include "dft/terms/nonlocal.hpp"

#include <cblas.h>

#include <cmath>

#include "dft/solver/scf_context.hpp"
#include "dft/terms/atomic_columns.hpp"

namespace fw::dft {

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff) {
  KPointProjectors out;
  const std::size_t npw = basis.size();
  struct Column {
    std::size_t atom;
    int l, m, channel, projector;
    const RadialTransform* table;
  };
  std::vector<Column> columns;
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& f = ff[static_cast<std::size_t>(crystal.species_of_atom[a])];
    for (const auto& p : f.projectors)
      for (int m = 0; m < 2 * p.l + 1; ++m)
        columns.push_back({a, p.l, m, p.channel, p.projector, &p.table});
  }
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

}  // namespace fw::dft
