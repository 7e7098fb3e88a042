/// \file pseudopotential.hpp
/// \brief The in-memory norm-conserving pseudopotential every reader (psp8, PSML, UPF, GTH/HGH)
/// fills.
///
/// All quantities are in Hartree atomic units (bohr, Ha, electrons). Every radial function lives on
/// the one radial grid `r_bohr` (readers whose file has several grids interpolate onto one). The
/// solver builds all reciprocal-space form factors from this struct alone, so a reader's only job
/// is to fill it faithfully and to throw fw::InputError(path, line, what-was-expected) on bad
/// input.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fw::dft {

/// The exchange-correlation functional a pseudopotential was generated with.
struct PseudoFunctional {
  /// libxc functional ids, e.g. {1, 12} for LDA_X + LDA_C_PW, {101, 130} for GGA_X_PBE + GGA_C_PBE.
  /// Empty when the file names a functional that has no libxc equivalent (then `name` says which).
  std::vector<int> libxc_ids;
  /// Short human name as the file spells or implies it: "PW" (LDA Perdew–Wang), "PZ", "PBE", ...
  std::string name;
};

/// One Kleinman–Bylander projector radial function of angular momentum l.
/// The nonlocal operator is V_NL = Σ_l Σ_m Σ_ij |β_i Y_lm> D^l_ij <β_j Y_lm| with
/// <r|β_i Y_lm> = β_i(r) Y_lm(r̂) (real spherical harmonics).
struct KbProjector {
  int l = 0;
  /// r·β(r) on r_bohr, in bohr^-1/2 (the "u-like" form psp8 and UPF store: zero at r = 0).
  /// Zero beyond the projector's cutoff radius.
  std::vector<double> r_beta;
};

/// One angular-momentum channel: its projectors and the coupling matrix D_ij (Ha).
/// psp8 and HGH-diagonalised files give a diagonal D (psp8 "ekb"); UPF v2 and PSML may give a full
/// symmetric matrix. D is stored row-major, n x n with n = projectors.size().
struct KbChannel {
  int l = 0;
  std::vector<KbProjector> projectors;
  std::vector<double> d_ij_hartree;
  double d(std::size_t i, std::size_t j) const { return d_ij_hartree[i * projectors.size() + j]; }
};

/// One pseudo-atomic orbital (PSML <pswf>, UPF <PP_CHI>): the start of the SCF's wavefunctions.
struct AtomicOrbital {
  int l = 0;
  std::string label;          ///< "6s", "5d", ... as the file names it
  std::vector<double> r_phi;  ///< r·φ(r) on r_bohr (bohr^-1/2), normalised: ∫ (rφ)² dr = 1
  std::optional<double> energy_hartree;  ///< its eigenvalue in the atom, when the file gives it
};

/// Cut-off energies suggested by the file (PseudoDojo hints, UPF "suggested cutoff"), Ha.
struct CutoffHints {
  std::optional<double> low_hartree, normal_hartree, high_hartree;
};

/// A norm-conserving pseudopotential in the form the plane-wave solver needs.
struct Pseudopotential {
  std::string element;          ///< chemical symbol, e.g. "Au"
  double z_atom = 0.0;          ///< nuclear charge Z (79 for Au)
  double z_valence = 0.0;       ///< pseudo-ion charge Z_val (19 for the ONCVPSP Au files)
  PseudoFunctional functional;  ///< functional the file was generated with
  bool relativistic = false;    ///< scalar-relativistic generation (informational)

  /// Radial grid r_i (bohr), strictly increasing, r_0 >= 0; linear (psp8) or logarithmic (UPF).
  std::vector<double> r_bohr;
  /// dr/di on the same grid (bohr) so integrals ∫f dr = Σ_i f_i (dr/di)_i w_i work on any grid;
  /// for a linear grid every entry is the spacing h.
  std::vector<double> rab_bohr;

  /// Local potential V_loc(r) (Ha) on r_bohr; tends to −Z_val/r at large r. Readers of files that
  /// store it in Ry (UPF) convert. For analytic GTH/HGH files the reader tabulates it.
  std::vector<double> v_local_hartree;

  /// Nonlocal channels, at most one per l, ascending l. Empty for a purely local potential.
  std::vector<KbChannel> channels;

  /// Nonlinear core-correction (model core) density ρ_core(r) in electrons/bohr³ — the true
  /// density, NOT 4π·ρ (psp8 stores 4πρ; its reader divides). Empty when the file has none.
  std::vector<double> rho_core;

  /// Pseudo-atomic valence density ρ_atom(r) in electrons/bohr³ (true density; ∫4πr²ρ dr ≈ Z_val),
  /// used for the initial SCF guess. Empty when the file has none (the solver then uses Gaussians).
  std::vector<double> rho_valence_atom;
  /// Bound pseudo-atomic orbitals, lowest energy first where the file gives energies; empty when
  /// the file has none (the SCF then starts from random wavefunctions).
  std::vector<AtomicOrbital> orbitals;

  CutoffHints cutoff_hints;  ///< empty optionals when the file has no hints
  std::string source_path;   ///< the file read, for messages and JSON output
  std::string format;        ///< "psp8", "psml", "upf", "hgh"

  bool has_core_correction() const { return !rho_core.empty(); }
  int l_max() const { return channels.empty() ? -1 : channels.back().l; }
  std::size_t n_points() const { return r_bohr.size(); }
};

/// Checks the invariants above (sizes, grid monotonic, D symmetric, channel order) and throws
/// fw::InputError(source_path, 0, ...) naming the first violation. Every reader calls it last.
void validate(const Pseudopotential& psp);

/// Reads a pseudopotential, choosing the reader by content/extension (psp8, psml, upf, hgh).
Pseudopotential read_pseudopotential(const std::string& path);

}  // namespace fw::dft
