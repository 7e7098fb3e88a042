/// \file potential_file.cpp
/// \brief Potential file lookup.
#include "md/formats/potential_file.hpp"

#include <cstdlib>
#include <vector>

#include "core/error.hpp"

namespace fw::md {

std::filesystem::path find_potential_file(const std::string& name, const std::string& option,
                                          const std::string& hint) {
  std::vector<std::filesystem::path> candidates{name};
  if (const char* data = std::getenv("FACETWELD_DATA"))
    candidates.push_back(std::filesystem::path(data) / "md" / name);
#ifdef FACETWELD_SOURCE_DATA_DIR
  candidates.push_back(std::filesystem::path(FACETWELD_SOURCE_DATA_DIR) / "md" / name);
#endif
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
