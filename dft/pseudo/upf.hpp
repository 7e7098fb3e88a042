/// \file upf.hpp
/// \brief Reader of Quantum ESPRESSO's UPF norm-conserving pseudopotentials: UPF v2 (XML,
/// <UPF version="2.0.1">, read with libxml2) and the older UPF v1 (tagged text, <PP_HEADER> with
/// positional lines), both into the common struct.
///
/// Units as QE writes them (pseudopotential format reference, QE "UPF specification"): PP_R and
/// PP_RAB in bohr (the file's own grid is kept, usually logarithmic); PP_LOCAL in Ry (halved);
/// PP_BETA holds r·β(r) (bohr^-1/2) on the grid, zero beyond its cut-off index; PP_DIJ in Ry
/// (halved) — V_NL = Σ |β_i> D_ij <β_j|; PP_NLCC is the true model-core density ρ_c(r);
/// PP_RHOATOM is 4πr²ρ(r) (divided out here). Like ABINIT, the grid is cut at the first point
/// beyond 20 bohr (Quantum ESPRESSO cuts at 10): generators leave noise in the far tail of
/// V_loc + Z/r that the r²-weighted G = 0 term amplifies (on abinit-data's Si UPF, keeping the
/// tail to 112 bohr shifts the energy by 0.28 eV/atom). Ultrasoft, PAW and spin-orbit files are
/// rejected.
#pragma once

#include <string>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

/// Reads a UPF v1 or v2 file; throws fw::InputError(path, line, ...) on malformed or
/// unsupported content.
Pseudopotential read_upf(const std::string& path);

/// Maps a QE functional name ("PBE", "SLA PW PBX PBC", "SLA PW NOGX NOGC", "PZ", "PBESOL", ...)
/// to libxc ids; unknown names give empty ids and the name as written.
PseudoFunctional functional_from_qe_name(const std::string& name);

}  // namespace fw::dft
