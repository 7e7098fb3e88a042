/// \file kinetic.cpp
/// \brief Kinetic energy of the occupied orbitals.
#include "dft/terms/kinetic.hpp"

#include <array>

namespace fw::dft {

double KineticTerm::energy(const KohnShamState& state, const DensityState& /*rho*/) const {
  return sum_over_kpoints(ks_, [&](std::size_t u) {
    const auto& basis = ks_.bases[ks_.kpoint_of(u)];
    const std::size_t npw = basis.size();
    double e = 0.0;
    for (std::size_t n = 0; n < ks_.n_bands; ++n) {
      const double f = state.occupations[u][n];
      if (basis.kpoint.weight * f < 1e-14) continue;
      const Complex* c = state.psi[u].data() + n * npw;
      double t = 0.0;
      for (std::size_t g = 0; g < npw; ++g) t += basis.kinetic_hartree[g] * std::norm(c[g]);
      e += f * t;
    }
    return e;
  });
}

void KineticTerm::add_stress(const KohnShamState& state, const DensityState& /*rho*/,
                             Mat3& sigma) const {
  // Each rank adds the k-points it contributes; the sum over ranks follows.
  std::array<double, 9> s{};
  for (std::size_t u = 0; u < ks_.n_units(); ++u) {
    if (!ks_.distribution.contributes(ks_.kpoint_of(u))) continue;
    const auto& basis = ks_.bases[ks_.kpoint_of(u)];
    const std::size_t npw = basis.size();
    std::vector<double> weight(npw, 0.0);  // Σ_n f_n |c_nk(G)|²
    for (std::size_t n = 0; n < ks_.n_bands; ++n) {
      const double f = state.occupations[u][n];
      if (f == 0.0) continue;
      const Complex* c = state.psi[u].data() + n * npw;
      for (std::size_t g = 0; g < npw; ++g) weight[g] += f * std::norm(c[g]);
    }
    for (std::size_t g = 0; g < npw; ++g) {
      const Vec3& q = basis.k_plus_g[g];
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          s[static_cast<std::size_t>(3 * i + j)] -= basis.kpoint.weight * weight[g] * q[i] * q[j];
    }
  }
  ks_.world->sum(s.data(), s.size());
  const double volume = ks_.crystal.volume_bohr3();
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) sigma[i][j] += s[static_cast<std::size_t>(3 * i + j)] / volume;
}

}  // namespace fw::dft
