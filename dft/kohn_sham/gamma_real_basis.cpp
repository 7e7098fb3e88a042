/// \file gamma_real_basis.cpp
/// \brief The projectors of a Γ-point k in real coordinates.
#include "dft/kohn_sham/gamma_real_basis.hpp"

#include <algorithm>

namespace fw::dft {

GammaRealBasis make_gamma_real_basis(const KPointBasis& basis, const KPointProjectors& projectors) {
  GammaRealBasis out;
  out.map = make_gamma_real_map(basis);
  out.n_proj = projectors.n_proj;
  out.b.resize(basis.size() * out.n_proj);
  out.map.to_real(projectors.b.data(), out.b.data(), out.n_proj);
  out.d.resize(projectors.d.size());
  std::transform(projectors.d.begin(), projectors.d.end(), out.d.begin(),
                 [](const Complex& v) { return v.real(); });
  return out;
}

}  // namespace fw::dft
