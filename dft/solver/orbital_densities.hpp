/// \file orbital_densities.hpp
/// \brief The densities built from the orbitals: ρ(r) = Σ_k w_k Σ_n f_n |ψ_nk(r)|²/Ω and, for LDOS
/// mixing, D_loc(r) = Σ_k w_k Σ_n 2 δ_w(ε_nk − ε_F) |ψ_nk(r)|²/Ω, in one pass of FFTs.
#pragma once

#include <vector>

#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"

namespace fw::dft {

struct OrbitalDensities {
  std::vector<double> rho_r;            ///< e/bohr³, summed over ranks, symmetrised
  std::vector<double> magnetization_r;  ///< ρ↑ − ρ↓ (e/bohr³); empty when spin-unpolarised
  std::vector<double> ldos_r;           ///< states/(Ha bohr³), both channels; empty when not asked
};

/// From the state's orbitals, occupations, eigenvalues and Fermi level; `ldos_width_hartree` > 0
/// also gives D_loc with that Gaussian width. OpenMP (ks.threads) over the (unit, band) pairs of
/// this rank — its k-points (both spin channels), its slice of their bands; collective over the
/// ranks.
OrbitalDensities orbital_densities(const KohnShamBasis& ks, const KohnShamState& state,
                                   double ldos_width_hartree);

}  // namespace fw::dft
