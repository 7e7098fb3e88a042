/// \file band_step.hpp
/// \brief One SCF step's band work: the lowest bands of H[V_eff] at this rank's k-points, then the
/// Fermi level and occupations from every rank's eigenvalues.
#pragma once

#include <vector>

#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/solver/davidson.hpp"
#include "dft/solver/smearing.hpp"

namespace fw::dft {

/// Block Davidson at the (k, σ) units whose k-point this rank computes (OpenMP over them with
/// `threads`; 1 when the subspace problems go through ScaLAPACK, whose calls must come from one
/// thread), starting from and updating state.psi and state.eigenvalues; unit u sees the local
/// potential v_eff[spin_of(u)] (one per spin channel). Where ks.gamma[k] is set, on real vectors.
void solve_bands(const KohnShamBasis& ks, KohnShamState& state,
                 const std::vector<std::vector<double>>& v_eff, int max_iterations,
                 double tolerance, int threads, const DenseEigensolvers& dense);

/// Shares the eigenvalues among the ranks (each unit counted once), finds the one Fermi level of
/// both spin channels (fixed electron count, free moment) and sets the occupations in
/// [0, max_occupation] with `smearing`; returns −TS (Ha) of the smearing.
double occupy(const KohnShamBasis& ks, const Smearing& smearing, KohnShamState& state);

}  // namespace fw::dft
