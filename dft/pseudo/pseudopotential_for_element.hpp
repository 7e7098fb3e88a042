/// \file pseudopotential_for_element.hpp
/// \brief Reading a pseudopotential for a given metal: one of another element is refused.
#pragma once

#include <string>

#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

/// Reads `path` for the metal `element`: a file naming another element is refused with
/// InputError(source) naming both, so that no run computes one metal with another's ion (a file
/// that names none is taken as it is; crystal_from_structure checks again per species).
Pseudopotential read_pseudopotential_for_element(const std::string& path,
                                                 const std::string& element,
                                                 const std::string& source);

}  // namespace fw::dft
