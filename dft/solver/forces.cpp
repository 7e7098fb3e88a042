/// \file forces.cpp
/// \brief Hellmann–Feynman forces in the plane-wave basis (Ihm, Zunger & Cohen, J. Phys. C 12, 4409
/// (1979)).
#include <cblas.h>

#include <cmath>

#include "dft/solver/scf_context.hpp"
#include "dft/terms/ewald.hpp"

namespace fw::dft {

std::vector<Vec3> compute_forces(const ScfContext& ctx, const std::vector<Complex>& rho_g,
                                 const std::vector<double>& v_xc_r) {
  const Crystal& crystal = ctx.crystal;
  const std::size_t n_atoms = crystal.n_atoms();
  const double volume = crystal.volume_bohr3();
  std::vector<Vec3> forces = ewald(crystal).forces_hartree_per_bohr;

  // V_xc(G) for the core-correction term.
  std::vector<Complex> v_xc_g;
  if (!ctx.rho_core_g.empty()) {
    FftBuffer work(ctx.grid.size());
    for (std::size_t i = 0; i < ctx.grid.size(); ++i)
      work[i] = v_xc_r[i] / static_cast<double>(ctx.grid.size());
    ctx.plans->to_reciprocal_space(work.data());
    v_xc_g.assign(work.data(), work.data() + ctx.grid.size());
  }
  // Local and core: F_a = Ω Σ_G Re[i G f_s(G) e^{−iGτ_a} X*(G)], X = ρ (local) or V_xc (core).
  for (std::size_t a = 0; a < n_atoms; ++a) {
    const auto& ff = ctx.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])];
    const Vec3 tau = crystal.position_bohr(a);
    Vec3 f_local, f_core;
    for (std::size_t i = 0; i < ctx.box_g.size(); ++i) {
      const Vec3& g = ctx.box_g[i];
      const double gn = norm(g);
      if (gn < 1e-12 || ctx.v_local_g[i] == Complex(0.0)) continue;
      const Complex phase = std::polar(1.0, -dot(g, tau));
      const double v_s =
          (ff.local_short_range(gn) - 4.0 * M_PI * ff.z_valence / (gn * gn)) / volume;
      const double local = (Complex(0.0, 1.0) * v_s * phase * std::conj(rho_g[i])).real();
      f_local += g * (volume * local);
      if (ff.has_core && !v_xc_g.empty()) {
        const double c_s = ff.core_density(gn) / volume;
        const double core = (Complex(0.0, 1.0) * c_s * phase * std::conj(v_xc_g[i])).real();
        f_core += g * (volume * core);
      }
    }
    forces[a] += f_local + f_core;
  }

  // Nonlocal: F_a = −Σ_k w_k Σ_n f_n 2 Re Σ_{p∈a} (∂P_pn)* (D P)_pn with ∂P = B^H (i(k+G) ψ).
  // Each rank adds the k-points it works on; the sum over ranks follows.
  const Complex one(1.0), zero(0.0);
  std::vector<double> f_nonlocal(3 * n_atoms, 0.0);
  for (std::size_t k = 0; k < ctx.bases.size(); ++k) {
    if (!ctx.distribution.contributes(k)) continue;
    const auto& basis = ctx.bases[k];
    const auto& proj = ctx.projectors[k];
    if (proj.n_proj == 0) continue;
    const std::size_t npw = basis.size(), nb = ctx.n_bands, np = proj.n_proj;
    const auto& psi = ctx.psi[k];
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
        const double wf = basis.kpoint.weight * ctx.occupations[k][b];
        if (wf == 0.0) continue;
        for (std::size_t q = 0; q < np; ++q) {
          const double de = 2.0 * (std::conj(deriv[b * np + q]) * dp[b * np + q]).real();
          f_nonlocal[3 * static_cast<std::size_t>(proj.atom_of_projector[q]) +
                     static_cast<std::size_t>(d)] -= wf * de;
        }
      }
    }
  }
  ctx.world->sum(f_nonlocal.data(), f_nonlocal.size());
  for (std::size_t a = 0; a < n_atoms; ++a)
    for (int d = 0; d < 3; ++d) forces[a][d] += f_nonlocal[3 * a + static_cast<std::size_t>(d)];
  symmetrize_forces(forces, crystal, ctx.symmetry);
  return forces;
}

}  // namespace fw::dft
