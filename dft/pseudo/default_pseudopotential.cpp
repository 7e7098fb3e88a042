/// \file default_pseudopotential.cpp
/// \brief Finding an fcc metal's default PBE pseudopotential.
#include "dft/pseudo/default_pseudopotential.hpp"

#include <filesystem>
#include <vector>

#include "core/data_file.hpp"
#include "core/error.hpp"
#include "slabs/fcc_metals.hpp"

namespace fw::dft {

namespace {

/// "Ag, Al, Au, Cu, Ni": the tabulated metals whose default file is installed.
std::string metals_with_a_default() {
  std::string out;
  for (const char* symbol : {"Ag", "Al", "Au", "Cu", "Ni", "Pd", "Pt"})
    if (find_default_pseudopotential(symbol))
      out += (out.empty() ? "" : ", ") + std::string(symbol);
  return out;
}

}  // namespace

std::optional<std::string> find_default_pseudopotential(const std::string& element) {
  const slabs::FccMetal* metal = slabs::find_fcc_metal(element);
  if (!metal || !metal->pbe_pseudopotential) return std::nullopt;
  const auto path = find_data_file("dft", metal->pbe_pseudopotential);
  if (!path) return std::nullopt;
  return path->string();
}

std::string default_pseudopotential(const std::string& element, const std::string& element_option,
                                    const std::string& psp_option) {
  if (auto path = find_default_pseudopotential(element)) return *path;
  throw InputError(element_option, "no default PBE pseudopotential for " + element +
                                       " (facetweld has one for " + metals_with_a_default() +
                                       "; data/README.md): give " + psp_option);
}

}  // namespace fw::dft
