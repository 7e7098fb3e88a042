/// \file scf_setup.hpp
/// \brief The KohnShamBasis an SCF builds once per geometry (grid, k-points, bases, form factors,
/// projectors, fixed potentials, after the input and memory checks) and its starting state.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {

/// Fills ks from `settings` and ks.crystal (ks.world and ks.threads set by the caller); throws
/// fw::InputError naming the option for settings that cannot work (bands, FFT grid, memory).
/// Warnings (functional mismatch) are added.
void setup_basis(KohnShamBasis& ks, const ScfSettings& settings, std::vector<std::string>& warnings,
                 const std::function<void(const std::string&)>& log);

/// Superposition of the files' atomic valence densities (Gaussians of the right charge where a
/// file has none), normalised to N_el.
std::vector<Complex> initial_density(const KohnShamBasis& ks);

/// Collinear spin: the starting magnetisation m = ρ↑ − ρ↓, each species' atomic densities scaled
/// to its moment per atom (μB, ABINIT's spinat, QE's starting_magnetization as a moment).
std::vector<Complex> initial_magnetization(const KohnShamBasis& ks,
                                           const std::vector<double>& moment_per_species_muB);

/// initial_density with the atoms of `crystal` (ks's cell and species, other positions).
std::vector<Complex> atomic_density(const KohnShamBasis& ks, const Crystal& crystal);

/// state.psi from the pseudo-atomic orbitals of every atom (with `atomic`, when every file carries
/// them; QE's "atomic+random"), the remaining bands from one random sequence over all k-points
/// (the same start whatever the number of ranks) relaxed by 1/(1 + |k+G|²/2), all orthonormalised;
/// a rank keeps the k-points it works on. Returns the bands that start from orbitals (0: all
/// random).
std::size_t starting_wavefunctions(const KohnShamBasis& ks, bool atomic, KohnShamState& state);

/// Frees the wavefunctions of k-points another rank works on (kept only for a checkpoint).
void drop_foreign_wavefunctions(const KohnShamBasis& ks, KohnShamState& state);

/// Gathers the wavefunctions to rank 0, which writes the checkpoint of them and `rho_g` to `path`
/// (collective).
void write_scf_checkpoint(const KohnShamBasis& ks, KohnShamState& state, const std::string& path,
                          const std::vector<Complex>& rho_g, int step);

}  // namespace fw::dft
