/// \file output_check.hpp
/// \brief Do the outputs in a job folder belong to its inputs? Atom count, species per type and
/// starting cell of the OUTCAR against the POSCAR; IBRION/NSW and the ionic step count against
/// the INCAR. Guards `vasp run` and `vasp collect` against an OUTCAR of another system.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vasp_io/outcar.hpp"

namespace fw::vasp {

/// Every way `outcar` disagrees with the INCAR and POSCAR in `folder`, one phrase each ("17 atoms
/// (H1 Ir16), the POSCAR has 500 (Au500)"); empty when it matches. Input files that cannot be
/// read are reported as mismatches too.
std::vector<std::string> output_mismatches(const std::filesystem::path& folder,
                                           const Outcar& outcar);

/// The InputError naming `folder` for a non-empty list of mismatches.
[[noreturn]] void throw_output_mismatch(const std::filesystem::path& folder,
                                        const std::vector<std::string>& mismatches);

/// Throws InputError naming `folder` when output_mismatches() finds anything; reads
/// `folder`/OUTCAR first (an unreadable OUTCAR is an InputError as well).
void check_outputs_match_job(const std::filesystem::path& folder, const Outcar& outcar);
void check_outputs_match_job(const std::filesystem::path& folder);

}  // namespace fw::vasp
