/// \file band_step.cpp
/// \brief Eigensolver sweep and occupations of one SCF step.
#include "dft/solver/band_step.hpp"

#include "dft/parallel/exception_guard.hpp"
#include "dft/solver/hamiltonian.hpp"

namespace fw::dft {

void solve_bands(ScfContext& ctx, const std::vector<double>& v_eff, int max_iterations,
                 double tolerance, int threads, const DenseEigensolver& dense) {
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < ctx.bases.size(); ++k)
    if (ctx.distribution.computes(k)) mine.push_back(k);
  ExceptionGuard guard;
#pragma omp parallel num_threads(threads)
  {
    FftBuffer work(ctx.grid.size());
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < mine.size(); ++i)
      guard.run([&] {
        const std::size_t k = mine[i];
        KPointHamiltonian h(ctx.bases[k], ctx.projectors[k], v_eff, *ctx.plans);
        auto apply = [&](const Complex* x, Complex* y, std::size_t n) { h.apply(x, y, n, work); };
        davidson(apply, ctx.bases[k].kinetic_hartree, ctx.n_bands, ctx.psi[k], ctx.eigenvalues[k],
                 max_iterations, tolerance, dense);
      });
  }
  ctx.world->rethrow_any(guard);
}

double occupy(ScfContext& ctx) {
  const std::size_t n_k = ctx.bases.size(), nb = ctx.n_bands;
  std::vector<double> all(n_k * nb, 0.0);
  for (std::size_t k = 0; k < n_k; ++k)
    if (ctx.distribution.contributes(k))
      std::copy(ctx.eigenvalues[k].begin(), ctx.eigenvalues[k].end(),
                all.begin() + static_cast<long>(k * nb));
  ctx.world->sum(all.data(), all.size());
  for (std::size_t k = 0; k < n_k; ++k)
    std::copy(all.begin() + static_cast<long>(k * nb),
              all.begin() + static_cast<long>((k + 1) * nb), ctx.eigenvalues[k].begin());
  const Smearing& smearing = ctx.settings.smearing;
  std::vector<double> weights;
  for (const auto& b : ctx.bases) weights.push_back(b.kpoint.weight);
  ctx.fermi = find_fermi_level(ctx.eigenvalues, weights, ctx.n_electrons, smearing);
  double minus_ts = 0.0;
  for (std::size_t k = 0; k < n_k; ++k)
    for (std::size_t n = 0; n < nb; ++n) {
      const double x = (ctx.fermi - ctx.eigenvalues[k][n]) / smearing.width_hartree;
      ctx.occupations[k][n] = 2.0 * smearing.occupation(x);
      minus_ts += weights[k] * 2.0 * smearing.width_hartree * smearing.entropy_term(x);
    }
  return minus_ts;
}

}  // namespace fw::dft
