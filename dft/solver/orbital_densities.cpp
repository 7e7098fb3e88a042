/// \file orbital_densities.cpp
/// \brief Density and LDOS from the orbitals.
#include "dft/solver/orbital_densities.hpp"

#include "dft/mixing/ldos.hpp"
#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/exception_guard.hpp"

namespace fw::dft {

OrbitalDensities orbital_densities(const ScfContext& ctx, double ldos_width_hartree) {
  const std::size_t n_grid = ctx.grid.size();
  const double volume = ctx.crystal.volume_bohr3();
  const bool with_ldos = ldos_width_hartree > 0.0;
  OrbitalDensities out;
  out.rho_r.assign(n_grid, 0.0);
  out.ldos_r.assign(with_ldos ? n_grid : 0, 0.0);
  // This rank's (k, band) pairs with a weight: every rank of a k-point's group adds its slice of
  // the bands, the sum over ranks follows. One list, so the threads share few k-points' bands too.
  struct Orbital {
    std::size_t k, n;
    double w_rho, w_ldos;
  };
  std::vector<Orbital> orbitals;
  const BandSlice bands =
      band_slice(ctx.n_bands, ctx.distribution.band_rank, ctx.distribution.band_ranks);
  for (std::size_t k = 0; k < ctx.bases.size(); ++k) {
    if (!ctx.distribution.computes(k)) continue;
    const double weight = ctx.bases[k].kpoint.weight;
    for (std::size_t n = bands.first; n < bands.first + bands.count; ++n) {
      const double wf = weight * ctx.occupations[k][n];
      const double wl =
          with_ldos ? weight * ldos_weight(ctx.eigenvalues[k][n], ctx.fermi, ldos_width_hartree)
                    : 0.0;
      if (wf >= 1e-14 || wl >= 1e-14) orbitals.push_back({k, n, wf, wl});
    }
  }
  ExceptionGuard guard;
#pragma omp parallel num_threads(ctx.threads)
  {
    FftBuffer work(n_grid);
    std::vector<double> rho(n_grid, 0.0), ldos(out.ldos_r.size(), 0.0);
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < orbitals.size(); ++i)
      guard.run([&] {
        const Orbital& o = orbitals[i];
        const auto& basis = ctx.bases[o.k];
        const std::size_t npw = basis.size();
        const Complex* c = ctx.psi[o.k].data() + o.n * npw;
        std::fill(work.data(), work.data() + n_grid, Complex(0.0));
        for (std::size_t g = 0; g < npw; ++g) work[basis.fft_index[g]] = c[g];
        ctx.plans->to_real_space(work.data(), basis.fft_support);
        if (o.w_rho >= 1e-14)
          for (std::size_t j = 0; j < n_grid; ++j) rho[j] += o.w_rho / volume * std::norm(work[j]);
        if (o.w_ldos >= 1e-14)
          for (std::size_t j = 0; j < n_grid; ++j)
            ldos[j] += o.w_ldos / volume * std::norm(work[j]);
      });
#pragma omp critical
    {
      for (std::size_t j = 0; j < n_grid; ++j) out.rho_r[j] += rho[j];
      for (std::size_t j = 0; j < ldos.size(); ++j) out.ldos_r[j] += ldos[j];
    }
  }
  ctx.world->rethrow_any(guard);
  ctx.world->sum(out.rho_r.data(), n_grid);
  symmetrize_density(out.rho_r, ctx.grid, ctx.symmetry);
  if (with_ldos) {
    ctx.world->sum(out.ldos_r.data(), n_grid);
    symmetrize_density(out.ldos_r, ctx.grid, ctx.symmetry);
  }
  return out;
}

}  // namespace fw::dft
