/// \file psml.hpp
/// \brief Reader of PSML 1.0/1.1 norm-conserving pseudopotentials (the XML format ONCVPSP and
/// SIESTA write; García et al., Comput. Phys. Commun. 227, 51 (2018)).
///
/// What is read (energy_unit/length_unit attributes honoured, Hartree/Rydberg, bohr):
/// <pseudo-atom-spec> (atomic-label, atomic-number, z-pseudo, relativity), the libxc ids of
/// <exchange-correlation>, the global <grid> (a radfunc's own <grid> overrides it),
/// <local-potential>, <nonlocal-projectors> (set "non_relativistic" or "scalar_relativistic"; each
/// <proj l seq ekb> stores β(r) without the factor r; ekb is the diagonal D), <pseudocore-charge>
/// and <valence-charge> (stored as 4π·ρ(r); checked against total-charge). A radfunc whose <data>
/// has fewer points than the grid is zero beyond them, except the local potential, which continues
/// as −Z_val/r. Files with only <semilocal-potentials> (ATOM/SIESTA) are rejected with a clear
/// message.
///
/// Everything is resampled onto a uniform grid of `kPsmlGridSpacingBohr` (the spacing ONCVPSP uses
/// for its psp8 output) because ONCVPSP's PSML grid is a resampled log grid whose first points are
/// irregular, which index-space quadrature with rab = dr/di would integrate poorly.
#pragma once

#include <string>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

inline constexpr double kPsmlGridSpacingBohr = 0.01;

/// Reads a PSML file; throws fw::InputError(path, line, ...) on malformed or unsupported content.
Pseudopotential read_psml(const std::string& path);

}  // namespace fw::dft
