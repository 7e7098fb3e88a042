/// \file psp8.hpp
/// \brief Reader of ABINIT's pspcod = 8 norm-conserving format (ONCVPSP, PseudoDojo).
///
/// Layout (ABINIT doc/developers/psp8_info.md): title; zatom zion pspd; pspcod pspxc lmax lloc mmax
/// r2well; rchrg fchrg qchrg; nproj(l = 0..lmax); extension_switch [; nprojso(l = 1..lmax)]; then
/// one block per l with projectors ("l ekb_1 .. ekb_n" then mmax rows "i r fkb_1 .. fkb_n", fkb =
/// r·β), the local potential block ("lloc" then mmax rows "i r V_loc"), spin-orbit blocks when
/// extension_switch is 2 or 3, the model core block when fchrg > 0 (rows "i r 4πρc ρc' ρc'' ρc'''
/// ρc''''") and the valence density block when extension_switch is 1 or 3 (rows "i r 4πρv ...").
#pragma once

#include <string>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

/// Reads a psp8 file; throws fw::InputError(path, line, ...) on malformed content.
Pseudopotential read_psp8(const std::string& path);

/// Maps an ABINIT ixc / pspxc code to libxc ids and a name (negative codes: -XXXYYY = libxc ids
/// XXX and YYY; positive: ABINIT's native codes 1, 2, 7 (LDA) and 11 (PBE)).
PseudoFunctional functional_from_abinit_ixc(int ixc);

}  // namespace fw::dft
