/// \file pseudo_atom.hpp
/// \brief Bound states of the screened pseudo-atom: the SCF's starting orbitals where the
/// pseudopotential file carries none.
///
/// For each l the radial Hamiltonian (Hartree atomic units)
///   H_l = −½ d²/dr² + l(l+1)/2r² + V_loc + V_H[ρ] + V_xc[ρ + ρ_core] + Σ_ij |β_i⟩ D_ij ⟨β_j|
/// is diagonalised in the spherical-Bessel basis u_n(r) = N_n r j_l(q_n r), j_l(q_n R) = 0, of a
/// sphere of radius R: the kinetic part is the diagonal ½q_n², the local and nonlocal parts are
/// radial quadratures, so the Kleinman–Bylander projectors enter exactly (no semilocal form
/// needed). ρ is the file's own atomic valence density where it holds Z_val (PSML, UPF: the density
/// ONCVPSP and ATOM unscreened with, so in the reference configuration this is the generator's
/// screened potential and no iteration is needed); where the file's density is short of Z_val
/// (psp8 cuts it at rlmax), absent (GTH/HGH) or `self_consistent` is asked for, the density of the
/// occupied levels, iterated to self-consistency from it.
#pragma once

#include <string>
#include <vector>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

struct PseudoAtomOptions {
  /// Sphere radius R (bohr) and basis cut-off q_max (bohr⁻¹; the basis is the zeros of j_l below
  /// q_max·R, ~80 functions). Bound levels converged to < 1 mHa: see pseudo_atom.cpp.
  double sphere_radius_bohr = 25.0;
  double q_max_per_bohr = 10.0;
  /// Iterate to self-consistency even where the file's density is complete.
  bool self_consistent = false;
};

/// One bound level of the pseudo-atom.
struct PseudoAtomLevel {
  int n = 0;  ///< principal quantum number (the core shells below counted, e.g. 5 for Au's 5d)
  int l = 0;
  double energy_hartree = 0.0;
  double occupation = 0.0;  ///< aufbau occupation holding Z_val electrons (0 for empty levels)
  std::vector<double> r_phi;  ///< r·φ on the file grid, ∫(rφ)² dr = 1 there, positive near r = 0
  std::string label() const;  ///< "5d"
};

struct PseudoAtom {
  /// Every bound level (E < 0) of every channel l = 0 .. max(l_max, 0), lowest first.
  std::vector<PseudoAtomLevel> levels;
  double file_valence_charge = 0.0;  ///< ∫4πr²ρ_atom dr of the file's density (0: none)
  bool self_consistent = false;      ///< false: screened once with the file's density
  int scf_iterations = 0;
};

/// Solves the pseudo-atom. Throws fw::InputError(source_path, ...) when the file's functional has
/// no libxc equivalent or is neither LDA nor GGA.
PseudoAtom solve_pseudo_atom(const Pseudopotential& psp, const PseudoAtomOptions& options = {});

/// The starting orbitals: every occupied level (aufbau in energy order until Z_val electrons are
/// held: Au ONCVPSP 5s 5p 5d 6s) plus, for each l, the next bound level above that l's highest
/// occupied one (the lowest bound level of an l with none occupied): Au 6p. The next bound
/// level is the one the valence electrons hybridise into first in the solid; higher ones are
/// rarely bound in a neutral atom and would only crowd the random bands out. Lowest energy first.
std::vector<AtomicOrbital> starting_orbitals(const PseudoAtom& atom);

}  // namespace fw::dft
