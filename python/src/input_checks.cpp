/// \file input_checks.cpp
/// \brief Checks of a Structure before an engine binding hands it to native code.
#include "input_checks.hpp"

#include <cmath>
#include <sstream>
#include <string>

#include "core/error.hpp"

namespace fw::python {

void check_structure_for_engine(const slabs::Structure& structure, CellNeed need, bool need_atoms) {
  if (need_atoms && structure.size() == 0) throw InputError("structure", "has no atoms");
  for (std::size_t i = 0; i < structure.size(); ++i) {
    const Vec3& x = structure.atoms[i].position;
    if (!std::isfinite(x.x) || !std::isfinite(x.y) || !std::isfinite(x.z)) {
      std::ostringstream msg;
      msg << "atom " << i << " (" << structure.atoms[i].species << ") has a non-finite position ("
          << x.x << ", " << x.y << ", " << x.z << ")";
      throw InputError("structure", msg.str());
    }
  }
  for (int a = 0; a < 3; ++a) {
    for (int c = 0; c < 3; ++c) {
      if (!std::isfinite(structure.cell[a][c]))
        throw InputError("structure", "cell vector " + std::to_string(a + 1) +
                                          " has a non-finite component (NaN or inf)");
    }
  }
  const bool periodic = structure.pbc[0] || structure.pbc[1] || structure.pbc[2];
  if (need == CellNeed::kAlways || periodic) {
    const double volume = std::abs(determinant(structure.cell));
    if (!(volume >= 1e-6)) {
      std::ostringstream msg;
      msg << "the cell is singular (volume " << volume
          << " Å³): give three independent cell vectors";
      throw InputError("structure", msg.str());
    }
  }
}

}  // namespace fw::python
