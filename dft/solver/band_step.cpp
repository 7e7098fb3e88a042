/// \file band_step.cpp
/// \brief Eigensolver sweep and occupations of one SCF step.
#include "dft/solver/band_step.hpp"

#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/solver/hamiltonian.hpp"

namespace fw::dft {

namespace {

/// y = H x where ranks sharing the k-point each apply H to their slice of the block's columns and
/// gather the rest, so every rank continues the Davidson iteration with the same H·x (called on
/// the main thread: solve_bands runs one thread per rank when bands are shared).
template <typename T, typename Hamiltonian>
ApplyOperatorOf<T> sliced_apply(const Hamiltonian& h, std::size_t npw, const Communicator* group,
                                std::vector<FftBuffer>& work) {
  if (!group || group->size() == 1)
    return [&h, &work](const T* x, T* y, std::size_t n) { h.apply(x, y, n, work); };
  return [&h, &work, npw, group](const T* x, T* y, std::size_t n) {
    const BandSlice slice = band_slice(n, group->rank(), group->size());
    if (slice.count > 0) h.apply(x + slice.first * npw, y + slice.first * npw, slice.count, work);
    group->allgather(y, npw, band_slice_counts(n, group->size()));
  };
}

}  // namespace

void solve_bands(ScfContext& ctx, const std::vector<double>& v_eff, int max_iterations,
                 double tolerance, int threads, const DenseEigensolvers& dense) {
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < ctx.bases.size(); ++k)
    if (ctx.distribution.computes(k)) mine.push_back(k);
  ExceptionGuard guard;
#pragma omp parallel num_threads(threads)
  {
    std::vector<FftBuffer> work;  // one per thread that shares a k-point's bands
    for (int t = 0; t < ctx.threads_per_k; ++t) work.emplace_back(ctx.grid.size());
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < mine.size(); ++i)
      guard.run([&] {
        const std::size_t k = mine[i];
        const KPointBasis& basis = ctx.bases[k];
        const std::size_t npw = basis.size();
        if (const auto& gamma = ctx.gamma[k]) {
          // Real coordinates in, Davidson on real vectors, sphere coefficients out.
          GammaHamiltonian h(basis, *gamma, v_eff, *ctx.plans);
          std::vector<double> x(npw * ctx.n_bands);
          gamma->map.to_real(ctx.psi[k].data(), x.data(), ctx.n_bands);
          davidson<double>(sliced_apply<double>(h, npw, ctx.band_group, work), gamma->map.kinetic,
                           ctx.n_bands, x, ctx.eigenvalues[k], max_iterations, tolerance,
                           dense.real);
          gamma->map.to_complex(x.data(), ctx.psi[k].data(), ctx.n_bands);
          return;
        }
        KPointHamiltonian h(basis, ctx.projectors[k], v_eff, *ctx.plans);
        davidson<Complex>(sliced_apply<Complex>(h, npw, ctx.band_group, work),
                          basis.kinetic_hartree, ctx.n_bands, ctx.psi[k], ctx.eigenvalues[k],
                          max_iterations, tolerance, dense.complex);
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
