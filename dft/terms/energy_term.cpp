/// \file energy_term.cpp
/// \brief Shared pieces of the energy terms.
#include "dft/terms/energy_term.hpp"

#include "dft/basis/grid_operators.hpp"
#include "dft/parallel/exception_guard.hpp"

namespace fw::dft {

DensityState make_density_state(const KohnShamBasis& ks, const std::vector<Complex>& rho_g) {
  return DensityState{rho_g, to_real(rho_g, *ks.plans), {}};
}

DensityState make_density_state(const KohnShamBasis& ks, const std::vector<Complex>& rho_g,
                                const std::vector<Complex>& magnetization_g) {
  DensityState d{rho_g, to_real(rho_g, *ks.plans), {}};
  if (!magnetization_g.empty()) d.magnetization_r = to_real(magnetization_g, *ks.plans);
  return d;
}

void EnergyTerm::add_spin_potential(const DensityState& rho, std::vector<double>& v_up,
                                    std::vector<double>& v_down) const {
  std::vector<double> v(v_up.size(), 0.0);
  add_potential(rho, v);
  for (std::size_t i = 0; i < v.size(); ++i) {
    v_up[i] += v[i];
    v_down[i] += v[i];
  }
}

double sum_over_kpoints(const KohnShamBasis& ks,
                        const std::function<double(std::size_t unit)>& per_unit) {
  std::vector<std::size_t> mine;
  for (std::size_t u = 0; u < ks.n_units(); ++u)
    if (ks.distribution.contributes(ks.kpoint_of(u))) mine.push_back(u);
  double total = 0.0;
  ExceptionGuard guard;
#pragma omp parallel for schedule(dynamic) reduction(+ : total) num_threads(ks.k_threads)
  for (std::size_t i = 0; i < mine.size(); ++i)
    guard.run([&] { total += ks.bases[ks.kpoint_of(mine[i])].kpoint.weight * per_unit(mine[i]); });
  ks.world->rethrow_any(guard);
  return ks.world->sum(total);
}

}  // namespace fw::dft
