/// \file kinetic.cpp
/// \brief Kinetic energy of the occupied orbitals.
#include "dft/terms/kinetic.hpp"

#include "dft/solver/scf_context.hpp"

namespace fw::dft {

double KineticTerm::energy(const DensityState& /*rho*/) const {
  return sum_over_kpoints(ctx_, [&](std::size_t k) {
    const auto& basis = ctx_.bases[k];
    const std::size_t npw = basis.size();
    double e = 0.0;
    for (std::size_t n = 0; n < ctx_.n_bands; ++n) {
      const double f = ctx_.occupations[k][n];
      if (basis.kpoint.weight * f < 1e-14) continue;
      const Complex* c = ctx_.psi[k].data() + n * npw;
      double t = 0.0;
      for (std::size_t g = 0; g < npw; ++g) t += basis.kinetic_hartree[g] * std::norm(c[g]);
      e += f * t;
    }
    return e;
  });
}

}  // namespace fw::dft
