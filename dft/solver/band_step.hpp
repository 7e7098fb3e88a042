/// \file band_step.hpp
/// \brief One SCF step's band work: the lowest bands of H[V_eff] at this rank's k-points, then the
/// Fermi level and occupations from every rank's eigenvalues.
#pragma once

#include <vector>

#include "dft/solver/davidson.hpp"
#include "dft/solver/scf_context.hpp"

namespace fw::dft {

/// Block Davidson at the k-points this rank computes (OpenMP over them with `threads`; 1 when
/// the subspace problems go through ScaLAPACK, whose calls must come from one thread), starting
/// from and updating ctx.psi and ctx.eigenvalues. Where ctx.gamma[k] is set, on real vectors.
void solve_bands(ScfContext& ctx, const std::vector<double>& v_eff, int max_iterations,
                 double tolerance, int threads, const DenseEigensolvers& dense);

/// Shares the eigenvalues among the ranks (each k counted once), finds the Fermi level and sets
/// the occupations in [0, 2]; returns −TS (Ha) of the smearing.
double occupy(ScfContext& ctx);

}  // namespace fw::dft
