/// \file warm_start.hpp
/// \brief Starting an SCF from an earlier geometry's converged state (ScfState): its wavefunctions
/// and its density with the atomic densities moved along (QE's pot_extrapolation = 'atomic').
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {

/// Why `previous` cannot start an SCF on `ks` ("" when it can): another cell, cut-off, FFT grid,
/// band count, atom count, k-point set or plane-wave count, or (on some rank) wavefunctions
/// missing for a k-point that rank works on. Collective: every rank gets the same answer.
std::string warm_start_mismatch(const KohnShamBasis& ks, const ScfState& previous);

/// With a previous state that fits (warm_start_mismatch empty): moves its wavefunctions into
/// state.psi (orthonormalised again) and sets the starting density state.rho_g =
/// ρ_previous − ρ_atomic(previous positions) + ρ_atomic(ks positions); returns true. Otherwise
/// logs why and returns false (the caller starts cold). Collective.
bool warm_start(const KohnShamBasis& ks, ScfState&& previous, KohnShamState& state,
                const std::function<void(const std::string&)>& log);

/// The state to start the next geometry from: `state` (its last output density in rho_g) with the
/// geometry it belongs to.
ScfState take_final_state(const KohnShamBasis& ks, KohnShamState&& state);

}  // namespace fw::dft
