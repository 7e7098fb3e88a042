/// \file scf_setup.hpp
/// \brief What the SCF builds once per geometry (grid, k-points, bases, form factors, projectors,
/// fixed potentials, after the input and memory checks) and its starting point.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dft/solver/scf_context.hpp"

namespace fw::dft {

/// Fills ctx from ctx.settings and ctx.crystal; throws fw::InputError naming the option for
/// settings that cannot work (bands, FFT grid, memory). Warnings (functional mismatch) are added.
void setup_context(ScfContext& ctx, std::vector<std::string>& warnings,
                   const std::function<void(const std::string&)>& log);

/// Superposition of the files' atomic valence densities (Gaussians of the right charge where a
/// file has none), normalised to N_el.
std::vector<Complex> initial_density(const ScfContext& ctx);

/// initial_density with the atoms of `crystal` (ctx's cell and species, other positions).
std::vector<Complex> atomic_density(const ScfContext& ctx, const Crystal& crystal);

/// The pseudo-atomic orbitals of every atom (settings.starting_wavefunctions "atomic", when every
/// file carries them; QE's "atomic+random"), the remaining bands from one random sequence over all
/// k-points (the same start whatever the number of ranks) relaxed by 1/(1 + |k+G|²/2), all
/// orthonormalised; a rank keeps the k-points it works on. Returns the bands that start from
/// orbitals (0: all random).
std::size_t starting_wavefunctions(ScfContext& ctx);

/// Frees the wavefunctions of k-points another rank works on (kept only for a checkpoint).
void drop_foreign_wavefunctions(ScfContext& ctx);

/// Gathers the wavefunctions to rank 0, which writes the checkpoint (collective).
void write_scf_checkpoint(ScfContext& ctx, const std::vector<Complex>& rho_g, int step);

}  // namespace fw::dft
