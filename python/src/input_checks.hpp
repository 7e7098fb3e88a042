/// \file input_checks.hpp
/// \brief What every engine binding checks of a Structure before it reaches native code: finite
/// positions and cell, a non-singular cell where one is needed (facetweld.InputError, a
/// ValueError, instead of a native crash).
#pragma once

#include "slabs/structure.hpp"

namespace fw::python {

enum class CellNeed {
  kPeriodicAxes,  ///< non-singular only when an axis is periodic (EAM on a molecule)
  kAlways,        ///< plane waves need a volume whatever the flags
};

/// Throws InputError("structure", ...) naming the first atom with a NaN/inf coordinate, a
/// non-finite cell entry, or a singular cell (|det| < 1e-6 Å³) where `need` asks for a volume;
/// with `need_atoms`, also an empty structure.
void check_structure_for_engine(const slabs::Structure& structure, CellNeed need, bool need_atoms);

}  // namespace fw::python
