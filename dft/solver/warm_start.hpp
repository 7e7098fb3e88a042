/// \file warm_start.hpp
/// \brief Starting an SCF from an earlier geometry's converged state (ScfState): its wavefunctions
/// and its density with the atomic densities moved along (QE's pot_extrapolation = 'atomic').
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dft/solver/scf_context.hpp"

namespace fw::dft {

/// Why `state` cannot start the SCF of `ctx` ("" when it can): another cell, cut-off, FFT grid,
/// band count, atom count, k-point set or plane-wave count, or (on some rank) wavefunctions
/// missing for a k-point that rank works on. Collective: every rank gets the same answer.
std::string warm_start_mismatch(const ScfContext& ctx, const ScfState& state);

/// With a state that fits (warm_start_mismatch empty): moves its wavefunctions into ctx.psi
/// (orthonormalised again) and returns the starting density
/// ρ_start = ρ_state − ρ_atomic(state positions) + ρ_atomic(ctx positions). Otherwise logs why
/// and returns nothing (the caller starts cold). Collective.
std::optional<std::vector<Complex>> warm_start(ScfContext& ctx, ScfState&& state,
                                               const std::function<void(const std::string&)>& log);

/// The state to start the next geometry from: ctx's wavefunctions (moved out of ctx) and `rho_g`.
ScfState take_final_state(ScfContext& ctx, std::vector<Complex> rho_g);

}  // namespace fw::dft
