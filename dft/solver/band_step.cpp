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
void solve_kpoint(const KohnShamBasis& ks, KohnShamState& state, std::size_t k,
                  const Hamiltonian& h, const std::vector<double>& kinetic, std::vector<T>& x,
                  int max_iterations, double tolerance, const DenseEigensolverOf<T>& dense,
                  std::vector<FftBuffer>& work) {
  const Communicator* group = ks.band_group;
  const std::size_t npw = kinetic.size(), nb = ks.n_bands;
  if (!group || group->size() == 1) {
    davidson<T>([&](const T* a, T* y, std::size_t n) { h.apply(a, y, n, work); }, kinetic, nb, x,
                state.eigenvalues[k], max_iterations, tolerance, dense);
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
  davidson<T>(apply, kinetic_rows, nb, x_rows, state.eigenvalues[k], max_iterations, tolerance,
              dense, group);
  layout.gather_rows(x_rows.data(), nb, x.data());
}

}  // namespace

void solve_bands(const KohnShamBasis& ks, KohnShamState& state, const std::vector<double>& v_eff,
                 int max_iterations, double tolerance, int threads,
                 const DenseEigensolvers& dense) {
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < ks.bases.size(); ++k)
    if (ks.distribution.computes(k)) mine.push_back(k);
  ExceptionGuard guard;
#pragma omp parallel num_threads(threads)
  {
    std::vector<FftBuffer> work;  // one per thread that shares a k-point's bands
    for (int t = 0; t < ks.threads_per_k; ++t) work.emplace_back(ks.grid.size());
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < mine.size(); ++i)
      guard.run([&] {
        const std::size_t k = mine[i];
        const KPointBasis& basis = ks.bases[k];
        if (const auto& gamma = ks.gamma[k]) {
          // Real coordinates in, Davidson on real vectors, sphere coefficients out.
          const GammaHamiltonian h(basis, *gamma, v_eff, *ks.plans);
          std::vector<double> x(basis.size() * ks.n_bands);
          gamma->map.to_real(state.psi[k].data(), x.data(), ks.n_bands);
          solve_kpoint(ks, state, k, h, gamma->map.kinetic, x, max_iterations, tolerance,
                       dense.real, work);
          gamma->map.to_complex(x.data(), state.psi[k].data(), ks.n_bands);
          return;
        }
        const KPointHamiltonian h(basis, ks.projectors[k], v_eff, *ks.plans);
        solve_kpoint(ks, state, k, h, basis.kinetic_hartree, state.psi[k], max_iterations,
                     tolerance, dense.complex, work);
      });
  }
  ks.world->rethrow_any(guard);
}

double occupy(const KohnShamBasis& ks, const Smearing& smearing, KohnShamState& state) {
  const std::size_t n_k = ks.bases.size(), nb = ks.n_bands;
  std::vector<double> all(n_k * nb, 0.0);
  for (std::size_t k = 0; k < n_k; ++k)
    if (ks.distribution.contributes(k))
      std::copy(state.eigenvalues[k].begin(), state.eigenvalues[k].end(),
                all.begin() + static_cast<long>(k * nb));
  ks.world->sum(all.data(), all.size());
  for (std::size_t k = 0; k < n_k; ++k)
    std::copy(all.begin() + static_cast<long>(k * nb),
              all.begin() + static_cast<long>((k + 1) * nb), state.eigenvalues[k].begin());
  std::vector<double> weights;
  for (const auto& b : ks.bases) weights.push_back(b.kpoint.weight);
  state.fermi_hartree = find_fermi_level(state.eigenvalues, weights, ks.n_electrons, smearing);
  double minus_ts = 0.0;
  for (std::size_t k = 0; k < n_k; ++k)
    for (std::size_t n = 0; n < nb; ++n) {
      const double x = (state.fermi_hartree - state.eigenvalues[k][n]) / smearing.width_hartree;
      state.occupations[k][n] = 2.0 * smearing.occupation(x);
      minus_ts += weights[k] * 2.0 * smearing.width_hartree * smearing.entropy_term(x);
    }
  return minus_ts;
}

}  // namespace fw::dft
