/// \file graphene.hpp
/// \brief A flat graphene sheet added to a System as a rigid (frozen) substrate.
#pragma once

#include "md/engine/system.hpp"

namespace fw::md {

/// Lengths of the rectangular 4-atom graphene cell (armchair along x): √3·d and 3·d (Å). A sheet
/// is periodic in a cell whose in-plane lengths are whole multiples of these.
inline double graphene_cell_x_A(double bond_A = 1.42) {
  return 1.7320508075688772 * bond_A;
}
inline double graphene_cell_y_A(double bond_A = 1.42) {
  return 3.0 * bond_A;
}

/// Adds a graphene sheet in the plane z = height_A covering [x0, x0+Lx) × [y0, y0+Ly) with
/// rectangular 4-atom cells (a = √3·d, b = 3d, d = C–C bond 1.42 Å), armchair along x. Atoms are
/// species C (12.011 amu) and frozen. Returns the number of atoms added. Sizes are rounded down
/// to whole cells (at least one); for a periodic sheet pass cell-commensurate lengths.
std::size_t add_graphene_sheet(System& system, double x0_A, double y0_A, double length_x_A,
                               double length_y_A, double height_A, double bond_A = 1.42);

}  // namespace fw::md
