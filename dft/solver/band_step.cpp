/// \file band_step.cpp
/// \brief Eigensolver sweep and occupations of one SCF step.
#include "dft/solver/band_step.hpp"

#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/parallel/row_layout.hpp"
#include "dft/solver/gamma_hamiltonian.hpp"
#include "dft/solver/hamiltonian.hpp"

namespace fw::dft {

namespace {

/// Davidson at k-point k on vectors of type T: `x` holds its whole columns (npw x n_bands) in and
/// out. Ranks sharing the k-point each keep some plane-wave rows of the Davidson blocks
/// (dft/parallel/row_layout.hpp) and transpose to whole columns of their band slice to apply H
/// (called on the main thread: solve_bands runs one thread per rank when bands are shared).
template <typename T, typename Hamiltonian>
void solve_kpoint(const KohnShamBasis& ks, KohnShamState& state, std::size_t unit,
                  const Hamiltonian& h, const std::vector<double>& kinetic, std::vector<T>& x,
                  int max_iterations, double tolerance, const DenseEigensolverOf<T>& dense,
                  std::vector<FftBuffer>& work) {
  const Communicator* group = ks.band_group;
  const std::size_t npw = kinetic.size(), nb = ks.n_bands;
  if (!group || group->size() == 1) {
    davidson<T>([&](const T* a, T* y, std::size_t n) { h.apply(a, y, n, work); }, kinetic, nb, x,
                state.eigenvalues[unit], max_iterations, tolerance, dense);
    return;
  }
  const RowLayout<T> layout(*group, npw);
  const BandSlice rows = layout.my_rows();
  const std::vector<double> kinetic_rows(
      kinetic.begin() + static_cast<long>(rows.first),
      kinetic.begin() + static_cast<long>(rows.first + rows.count));
  std::vector<T> x_rows(rows.count * nb);
  layout.take_rows(x.data(), nb, x_rows.data());
  std::vector<T> columns, h_columns;
  auto apply = [&](const T* a, T* y, std::size_t n) {
    layout.rows_to_columns(a, n, columns);
    h_columns.resize(columns.size());
    if (!columns.empty()) h.apply(columns.data(), h_columns.data(), columns.size() / npw, work);
    layout.columns_to_rows(h_columns, n, y);
  };
  davidson<T>(apply, kinetic_rows, nb, x_rows, state.eigenvalues[unit], max_iterations, tolerance,
              dense, group);
  layout.gather_rows(x_rows.data(), nb, x.data());
}

}  // namespace

void solve_bands(const KohnShamBasis& ks, KohnShamState& state,
                 const std::vector<std::vector<double>>& v_eff_per_spin, int max_iterations,
                 double tolerance, int threads, const DenseEigensolvers& dense) {
  std::vector<std::size_t> mine;
  for (std::size_t u = 0; u < ks.n_units(); ++u)
    if (ks.distribution.computes(ks.kpoint_of(u))) mine.push_back(u);
  ExceptionGuard guard;
#pragma omp parallel num_threads(threads)
  {
    std::vector<FftBuffer> work;  // one per thread that shares a k-point's bands
    for (int t = 0; t < ks.threads_per_k; ++t) work.emplace_back(ks.grid.size());
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < mine.size(); ++i)
      guard.run([&] {
        const std::size_t u = mine[i], k = ks.kpoint_of(u);
        const std::vector<double>& v_eff = v_eff_per_spin[ks.spin_of(u)];
        const KPointBasis& basis = ks.bases[k];
        if (const auto& gamma = ks.gamma[k]) {
          // Real coordinates in, Davidson on real vectors, sphere coefficients out.
          const GammaHamiltonian h(basis, *gamma, v_eff, *ks.plans);
          std::vector<double> x(basis.size() * ks.n_bands);
          gamma->map.to_real(state.psi[u].data(), x.data(), ks.n_bands);
          solve_kpoint(ks, state, u, h, gamma->map.kinetic, x, max_iterations, tolerance,
                       dense.real, work);
          gamma->map.to_complex(x.data(), state.psi[u].data(), ks.n_bands);
          return;
        }
        const KPointHamiltonian h(basis, ks.projectors[k], v_eff, *ks.plans);
        solve_kpoint(ks, state, u, h, basis.kinetic_hartree, state.psi[u], max_iterations,
                     tolerance, dense.complex, work);
      });
  }
  ks.world->rethrow_any(guard);
}

double occupy(const KohnShamBasis& ks, const Smearing& smearing, KohnShamState& state) {
  const std::size_t n_units = ks.n_units(), nb = ks.n_bands;
  std::vector<double> all(n_units * nb, 0.0);
  for (std::size_t u = 0; u < n_units; ++u)
    if (ks.distribution.contributes(ks.kpoint_of(u)))
      std::copy(state.eigenvalues[u].begin(), state.eigenvalues[u].end(),
                all.begin() + static_cast<long>(u * nb));
  ks.world->sum(all.data(), all.size());
  for (std::size_t u = 0; u < n_units; ++u)
    std::copy(all.begin() + static_cast<long>(u * nb),
              all.begin() + static_cast<long>((u + 1) * nb), state.eigenvalues[u].begin());
  std::vector<double> weights;
  for (std::size_t u = 0; u < n_units; ++u)
    weights.push_back(ks.bases[ks.kpoint_of(u)].kpoint.weight);
  const double f_max = ks.max_occupation();
  state.fermi_hartree =
      find_fermi_level(state.eigenvalues, weights, ks.n_electrons, smearing, f_max);
  double minus_ts = 0.0;
  for (std::size_t u = 0; u < n_units; ++u)
    for (std::size_t n = 0; n < nb; ++n) {
      const double x = (state.fermi_hartree - state.eigenvalues[u][n]) / smearing.width_hartree;
      state.occupations[u][n] = f_max * smearing.occupation(x);
      minus_ts += weights[u] * f_max * smearing.width_hartree * smearing.entropy_term(x);
    }
  return minus_ts;
}

}  // namespace fw::dft
