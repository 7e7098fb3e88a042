/// \file default_pseudopotential.hpp
/// \brief The PBE pseudopotential an fcc metal gets without --psp (the table in slabs/fcc_metals).
#pragma once

#include <optional>
#include <string>

namespace fw::dft {

/// The default PBE pseudopotential of `element` as a path that exists: the tabulated absolute
/// path, or the tabulated name in $FACETWELD_DATA/dft/ or the source tree's data/dft/. nullopt
/// when the element has none or its file is not installed.
std::optional<std::string> find_default_pseudopotential(const std::string& element);

/// As find_default_pseudopotential, but an element without one is an InputError(element_option)
/// naming the metals that have one and asking for `psp_option`.
std::string default_pseudopotential(const std::string& element, const std::string& element_option,
                                    const std::string& psp_option);

}  // namespace fw::dft
