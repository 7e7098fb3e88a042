/// \file energy_term.cpp
/// \brief Shared pieces of the energy terms.
#include "dft/terms/energy_term.hpp"

#include "dft/basis/grid_operators.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/solver/scf_context.hpp"

namespace fw::dft {

DensityState make_density_state(const ScfContext& ctx, const std::vector<Complex>& rho_g) {
  return DensityState{rho_g, to_real(rho_g, *ctx.plans)};
}

double sum_over_kpoints(const ScfContext& ctx, const std::function<double(std::size_t k)>& per_k) {
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < ctx.bases.size(); ++k)
    if (ctx.distribution.contributes(k)) mine.push_back(k);
  double total = 0.0;
  ExceptionGuard guard;
#pragma omp parallel for schedule(dynamic) reduction(+ : total) num_threads(ctx.k_threads)
  for (std::size_t i = 0; i < mine.size(); ++i)
    guard.run([&] { total += ctx.bases[mine[i]].kpoint.weight * per_k(mine[i]); });
  ctx.world->rethrow_any(guard);
  return ctx.world->sum(total);
}

}  // namespace fw::dft
