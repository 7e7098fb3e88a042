/// \file potential_file.cpp
/// \brief Potential file lookup.
#include "md/formats/potential_file.hpp"

#include <vector>

#include "core/data_file.hpp"
#include "core/error.hpp"

namespace fw::md {

std::filesystem::path find_potential_file(const std::string& name, const std::string& option,
                                          const std::string& hint) {
  std::vector<std::filesystem::path> candidates = data_file_candidates("md", name);
  candidates.push_back(std::filesystem::path("/usr/share/lammps/potentials") / name);
  std::string looked;
  for (const auto& c : candidates) {
    if (std::filesystem::is_regular_file(c)) return c;
    looked += (looked.empty() ? "" : ", ") + c.string();
  }
  throw InputError(option,
                   "potential '" + name + "' not found (looked in " + looked + "; " + hint + ")");
}

}  // namespace fw::md
