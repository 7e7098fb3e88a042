/// \file kohn_sham_state.hpp
/// \brief What an SCF evolves on a fixed KohnShamBasis (DFTK's ψ, eigenvalues, occupation, εF, ρ):
/// the orbitals, their energies and occupations, the Fermi level and the density. The energy terms
/// read it; the band step, the density, the checkpoint and the warm start write it.
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

struct KohnShamState {
  /// Per unit u = σ·n_k + k (KohnShamBasis::n_units; u = k unpolarised): npw x n_bands (empty
  /// where another rank works).
  std::vector<std::vector<Complex>> psi;
  std::vector<std::vector<double>> eigenvalues;  ///< per unit (Ha)
  std::vector<std::vector<double>> occupations;  ///< per unit, in [0, max_occupation]
  double fermi_hartree = 0.0;
  /// The density the next Hamiltonian is built from (box G, e/bohr³): the mixed input density
  /// while the SCF runs, its last output density once it has ended.
  std::vector<Complex> rho_g;
  /// The magnetisation density m = ρ↑ − ρ↓ beside it (box G, e/bohr³), in the same role; empty
  /// when the run is spin-unpolarised.
  std::vector<Complex> magnetization_g;
};

}  // namespace fw::dft
