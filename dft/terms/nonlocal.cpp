/// \file nonlocal.cpp
/// \brief Kleinman–Bylander projectors (Kleinman & Bylander, PRL 48, 1425 (1982)) in the plane-wave
/// basis.
#include "dft/terms/nonlocal.hpp"

#include <cblas.h>

#include <cmath>

#include "dft/terms/spherical_harmonics.hpp"

namespace fw::dft {

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff) {
  KPointProjectors out;
  const std::size_t npw = basis.size();
  const double inv_sqrt_volume = 1.0 / std::sqrt(crystal.volume_bohr3());
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
  std::vector<double> q(npw);
  for (std::size_t g = 0; g < npw; ++g) q[g] = norm(basis.k_plus_g[g]);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    out.atom_of_projector[c] = static_cast<int>(col.atom);
    const Vec3 tau = crystal.position_bohr(col.atom);
    const Complex minus_i_to_l = std::pow(Complex(0.0, -1.0), col.l);
    Complex* bc = out.b.data() + c * npw;
    for (std::size_t g = 0; g < npw; ++g) {
      const double radial =
          (*col.table)(q[g]) * real_spherical_harmonic(col.l, col.m, basis.k_plus_g[g]);
      bc[g] =
          inv_sqrt_volume * radial * minus_i_to_l * std::polar(1.0, -dot(basis.k_plus_g[g], tau));
    }
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

}  // namespace fw::dft
