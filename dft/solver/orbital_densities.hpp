/// \file orbital_densities.hpp
/// \brief The densities built from the orbitals: ρ(r) = Σ_k w_k Σ_n f_n |ψ_nk(r)|²/Ω and, for LDOS
/// mixing, D_loc(r) = Σ_k w_k Σ_n 2 δ_w(ε_nk − ε_F) |ψ_nk(r)|²/Ω, in one pass of FFTs.
#pragma once

#include <vector>

#include "dft/solver/scf_context.hpp"

namespace fw::dft {

struct OrbitalDensities {
  std::vector<double> rho_r;   ///< e/bohr³, summed over ranks, symmetrised
  std::vector<double> ldos_r;  ///< states/(Ha bohr³); empty when not asked
};

/// From the context's orbitals, occupations, eigenvalues and Fermi level; `ldos_width_hartree`
/// > 0 also gives D_loc with that Gaussian width. OpenMP (ctx.threads) over the (k-point, band)
/// pairs of this rank — its k-points, its slice of their bands; collective over the ranks.
OrbitalDensities orbital_densities(const ScfContext& ctx, double ldos_width_hartree);

}  // namespace fw::dft
