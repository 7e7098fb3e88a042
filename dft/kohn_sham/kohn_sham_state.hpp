/// \file kohn_sham_state.hpp
/// \brief What an SCF evolves on a fixed KohnShamBasis (DFTK's ψ, eigenvalues, occupation, εF, ρ):
/// the orbitals, their energies and occupations, the Fermi level and the density. The energy terms
/// read it; the band step, the density, the checkpoint and the warm start write it.
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

struct KohnShamState {
  std::vector<std::vector<Complex>> psi;  ///< per k: npw x n_bands (empty where another rank works)
  std::vector<std::vector<double>> eigenvalues;  ///< per k (Ha)
  std::vector<std::vector<double>> occupations;  ///< per k, in [0, 2]
  double fermi_hartree = 0.0;
  /// The density the next Hamiltonian is built from (box G, e/bohr³): the mixed input density
  /// while the SCF runs, its last output density once it has ended.
  std::vector<Complex> rho_g;
};

}  // namespace fw::dft
