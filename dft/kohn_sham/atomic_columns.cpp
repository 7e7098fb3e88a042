/// \file atomic_columns.cpp
/// \brief Atom-centred functions in the plane-wave basis of one k-point.
#include "dft/kohn_sham/atomic_columns.hpp"

#include <cmath>

#include "dft/kohn_sham/spherical_harmonics.hpp"

namespace fw::dft {

void atomic_column(const RadialTransform& table, int l, int m, const KPointBasis& basis,
                   const Vec3& tau_bohr, double volume_bohr3, Complex* column) {
  const Complex prefactor = std::pow(Complex(0.0, -1.0), l) / std::sqrt(volume_bohr3);
  for (std::size_t g = 0; g < basis.size(); ++g) {
    const Vec3& kg = basis.k_plus_g[g];
    column[g] = prefactor * table(norm(kg)) * real_spherical_harmonic(l, m, kg) *
                std::polar(1.0, -dot(kg, tau_bohr));
  }
}

}  // namespace fw::dft
