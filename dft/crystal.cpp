/// \file crystal.cpp
/// \brief Crystal geometry helpers.
#include "dft/crystal.hpp"

#include <numbers>

namespace fw::dft {

Mat3 Crystal::reciprocal_bohr_inv() const {
  return (2.0 * std::numbers::pi) * reciprocal_rows(cell_bohr);
}

double Crystal::n_valence_electrons() const {
  double n = 0.0;
  for (int s : species_of_atom) n += species[static_cast<std::size_t>(s)].z_valence;
  return n;
}

}  // namespace fw::dft
