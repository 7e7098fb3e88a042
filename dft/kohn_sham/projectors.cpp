/// \file projectors.cpp
/// \brief Kleinman–Bylander projectors (Kleinman & Bylander, PRL 48, 1425 (1982)) in the plane-wave
/// basis.
#include "dft/kohn_sham/projectors.hpp"

#include <cblas.h>

#include "dft/kohn_sham/atomic_columns.hpp"

namespace fw::dft {

std::vector<ProjectorColumn> projector_columns(const Crystal& crystal,
                                               const std::vector<SpeciesFormFactors>& ff) {
  std::vector<ProjectorColumn> columns;
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

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff) {
  KPointProjectors out;
  const std::size_t npw = basis.size();
  const std::vector<ProjectorColumn> columns = projector_columns(crystal, ff);
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

}  // namespace fw::dft
