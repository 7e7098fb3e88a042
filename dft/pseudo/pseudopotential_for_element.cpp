/// \file pseudopotential_for_element.cpp
/// \brief Reading a pseudopotential for a given metal.
#include "dft/pseudo/pseudopotential_for_element.hpp"

#include <filesystem>

#include "core/error.hpp"

namespace fw::dft {

Pseudopotential read_pseudopotential_for_element(const std::string& path,
                                                 const std::string& element,
                                                 const std::string& source) {
  Pseudopotential psp = read_pseudopotential(path);
  if (!psp.element.empty() && psp.element != element)
    throw InputError(
        source, "the pseudopotential " + std::filesystem::path(path).filename().string() +
                    " is for " + psp.element + ", not " + element +
                    ": give a pseudopotential for " + element + " or the element it describes");
  return psp;
}

}  // namespace fw::dft
