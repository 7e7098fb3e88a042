/// \file orbital_densities.cpp
/// \brief Density and LDOS from the orbitals.
#include "dft/solver/orbital_densities.hpp"

#include <utility>

#include "dft/mixing/ldos.hpp"
#include "dft/parallel/band_distribution.hpp"
#include "dft/parallel/exception_guard.hpp"

namespace fw::dft {

OrbitalDensities orbital_densities(const KohnShamBasis& ks, const KohnShamState& state,
                                   double ldos_width_hartree) {
  const std::size_t n_grid = ks.grid.size();
  const double volume = ks.crystal.volume_bohr3();
  const bool with_ldos = ldos_width_hartree > 0.0;
  OrbitalDensities out;
  out.rho_r.assign(n_grid, 0.0);
  out.ldos_r.assign(with_ldos ? n_grid : 0, 0.0);
  // This rank's (k, band) pairs with a weight: every rank of a k-point's group adds its slice of
  // the bands, the sum over ranks follows. One list, so the threads share few k-points' bands too.
  struct Orbital {
    std::size_t unit, k, n;
    double w_rho, w_ldos;
  };
  const bool spin = ks.n_spin == 2;
  // The LDOS weight counts both spins of a state; a spin channel's state holds one.
  const double ldos_scale = 0.5 * ks.max_occupation();
  std::vector<Orbital> orbitals;
  const BandSlice bands =
      band_slice(ks.n_bands, ks.distribution.band_rank, ks.distribution.band_ranks);
  for (std::size_t u = 0; u < ks.n_units(); ++u) {
    const std::size_t k = ks.kpoint_of(u);
    if (!ks.distribution.computes(k)) continue;
    const double weight = ks.bases[k].kpoint.weight;
    for (std::size_t n = bands.first; n < bands.first + bands.count; ++n) {
      const double wf = weight * state.occupations[u][n];
      const double wl = with_ldos ? ldos_scale * weight *
                                        ldos_weight(state.eigenvalues[u][n], state.fermi_hartree,
                                                    ldos_width_hartree)
                                  : 0.0;
      if (wf >= 1e-14 || wl >= 1e-14) orbitals.push_back({u, k, n, wf, wl});
    }
  }
  // Jobs of one orbital, or two of a real Γ point together: ψ_a + iψ_b in one transform, whose
  // real and imaginary parts are ψ_a(r) and ψ_b(r).
  std::vector<std::pair<std::size_t, std::size_t>> jobs;  // (first, count) in `orbitals`
  for (std::size_t i = 0; i < orbitals.size();) {
    const bool pair = i + 1 < orbitals.size() && orbitals[i + 1].unit == orbitals[i].unit &&
                      ks.gamma[orbitals[i].k].has_value();
    jobs.emplace_back(i, pair ? 2 : 1);
    i += pair ? 2 : 1;
  }
  ExceptionGuard guard;
#pragma omp parallel num_threads(ks.threads)
  {
    FftBuffer work(n_grid);
    // Spin channel 0 (or the unpolarised density) and channel 1.
    std::vector<double> rho(n_grid, 0.0), rho_down(spin ? n_grid : 0, 0.0);
    std::vector<double> ldos(out.ldos_r.size(), 0.0);
    auto add = [&](const Orbital& o, auto part) {
      std::vector<double>& channel = ks.spin_of(o.unit) == 0 ? rho : rho_down;
      if (o.w_rho >= 1e-14)
        for (std::size_t j = 0; j < n_grid; ++j) channel[j] += o.w_rho / volume * part(work[j]);
      if (o.w_ldos >= 1e-14)
        for (std::size_t j = 0; j < n_grid; ++j) ldos[j] += o.w_ldos / volume * part(work[j]);
    };
#pragma omp for schedule(dynamic)
    for (std::size_t i = 0; i < jobs.size(); ++i)
      guard.run([&] {
        const Orbital& o = orbitals[jobs[i].first];
        const auto& basis = ks.bases[o.k];
        const std::size_t npw = basis.size();
        const Complex* c = state.psi[o.unit].data() + o.n * npw;
        std::fill(work.data(), work.data() + n_grid, Complex(0.0));
        if (jobs[i].second == 1) {
          for (std::size_t g = 0; g < npw; ++g) work[basis.fft_index[g]] = c[g];
          ks.plans->to_real_space(work.data(), basis.fft_support);
          add(o, [](const Complex& v) { return std::norm(v); });
          return;
        }
        const Orbital& o2 = orbitals[jobs[i].first + 1];
        const Complex* c2 = state.psi[o2.unit].data() + o2.n * npw;
        for (std::size_t g = 0; g < npw; ++g)
          work[basis.fft_index[g]] = c[g] + Complex(0.0, 1.0) * c2[g];
        ks.plans->to_real_space(work.data(), basis.fft_support);
        add(o, [](const Complex& v) { return v.real() * v.real(); });
        add(o2, [](const Complex& v) { return v.imag() * v.imag(); });
      });
#pragma omp critical
    {
      if (spin) {
        if (out.magnetization_r.empty()) out.magnetization_r.assign(n_grid, 0.0);
        for (std::size_t j = 0; j < n_grid; ++j) out.magnetization_r[j] += rho[j] - rho_down[j];
        for (std::size_t j = 0; j < n_grid; ++j) rho[j] += rho_down[j];
      }
      for (std::size_t j = 0; j < n_grid; ++j) out.rho_r[j] += rho[j];
      for (std::size_t j = 0; j < ldos.size(); ++j) out.ldos_r[j] += ldos[j];
    }
  }
  ks.world->rethrow_any(guard);
  ks.world->sum(out.rho_r.data(), n_grid);
  symmetrize_density(out.rho_r, ks.grid, ks.symmetry);
  if (spin) {
    // A rank without orbitals (all k-points elsewhere) still takes part in the sum.
    out.magnetization_r.resize(n_grid, 0.0);
    ks.world->sum(out.magnetization_r.data(), n_grid);
    // A collinear ferromagnet with one moment per species keeps the crystal's space group.
    symmetrize_density(out.magnetization_r, ks.grid, ks.symmetry);
  }
  if (with_ldos) {
    ks.world->sum(out.ldos_r.data(), n_grid);
    symmetrize_density(out.ldos_r, ks.grid, ks.symmetry);
  }
  return out;
}

}  // namespace fw::dft
