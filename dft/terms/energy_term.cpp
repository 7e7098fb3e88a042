/// \file energy_term.cpp
/// \brief Shared pieces of the energy terms.
#include "dft/terms/energy_term.hpp"

#include "dft/basis/grid_operators.hpp"
#include "dft/parallel/exception_guard.hpp"

namespace fw::dft {

DensityState make_density_state(const KohnShamBasis& ks, const std::vector<Complex>& rho_g) {
  return DensityState{rho_g, to_real(rho_g, *ks.plans)};
}

double sum_over_kpoints(const KohnShamBasis& ks,
                        const std::function<double(std::size_t k)>& per_k) {
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < ks.bases.size(); ++k)
    if (ks.distribution.contributes(k)) mine.push_back(k);
  double total = 0.0;
  ExceptionGuard guard;
#pragma omp parallel for schedule(dynamic) reduction(+ : total) num_threads(ks.k_threads)
  for (std::size_t i = 0; i < mine.size(); ++i)
    guard.run([&] { total += ks.bases[mine[i]].kpoint.weight * per_k(mine[i]); });
  ks.world->rethrow_any(guard);
  return ks.world->sum(total);
}

}  // namespace fw::dft
