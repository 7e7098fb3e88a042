/// \file lammps_data.hpp
/// \brief LAMMPS data file (atom_style atomic), triclinic when needed; write only.
#pragma once

#include <ostream>

#include "slabs/structure.hpp"

namespace fw::slabs {

/// Writes `atom_style atomic` data: the cell is rotated into LAMMPS's restricted triclinic form
/// (a along x, b in xy) and atom types follow species_order(); Masses section from the element
/// table. Positions are transformed with the same rotation.
void write_lammps_data(std::ostream& out, const Structure& s);

/// The LAMMPS form of a cell: lx, ly, lz, xy, xz, yz and the rotation R with r_lammps = R·r.
struct LammpsBox {
  double lx, ly, lz, xy, xz, yz;
  Mat3 rotation;
};
LammpsBox lammps_box(const Mat3& cell);

}  // namespace fw::slabs
