/// \file gamma_real_basis.hpp
/// \brief The real coordinates of a Γ-point k (dft/basis/gamma_real.hpp) with its projectors in
/// them: what the real-vector eigensolver (dft/solver/gamma_hamiltonian.hpp) works on.
#pragma once

#include <vector>

#include "dft/basis/gamma_real.hpp"
#include "dft/kohn_sham/projectors.hpp"

namespace fw::dft {

/// What a Γ-point k needs besides its complex basis: the pairing of G and −G, and the
/// Kleinman–Bylander projectors in real coordinates. Each column (−i)^l Y_lm β_l e^{−iG·τ} is the
/// transform of a real function, so <β|ψ> = Σ_j b_j x_j is real.
struct GammaRealBasis {
  GammaRealMap map;
  std::size_t n_proj = 0;
  std::vector<double> b;  ///< npw x n_proj, real coordinates of each projector
  std::vector<double> d;  ///< n_proj x n_proj
};

GammaRealBasis make_gamma_real_basis(const KPointBasis& basis, const KPointProjectors& projectors);

}  // namespace fw::dft
