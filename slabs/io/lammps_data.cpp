/// \file lammps_data.cpp
/// \brief LAMMPS data files (atom_style atomic) in LAMMPS's restricted triclinic convention.
#include "slabs/io/lammps_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "slabs/elements.hpp"

namespace fw::slabs {

LammpsBox lammps_box(const Mat3& cell) {
  // LAMMPS docs, "Triclinic (non-orthogonal) simulation boxes": a = (lx,0,0), b = (xy,ly,0),
  // c = (xz,yz,lz) with lx = |A|, xy = B·Â, ly = |Â×B|, xz = C·Â, yz = (B·C − xy·xz)/ly,
  // lz = sqrt(|C|² − xz² − yz²).
  const Vec3 &A = cell[0], &B = cell[1], &C = cell[2];
  LammpsBox box{};
  box.lx = norm(A);
  const Vec3 a_hat = A / box.lx;
  box.xy = dot(B, a_hat);
  box.ly = norm(cross(a_hat, B));
  box.xz = dot(C, a_hat);
  box.yz = (dot(B, C) - box.xy * box.xz) / box.ly;
  box.lz = std::sqrt(std::max(0.0, dot(C, C) - box.xz * box.xz - box.yz * box.yz));
  const Mat3 lammps_cell{
      {Vec3{box.lx, 0, 0}, Vec3{box.xy, box.ly, 0}, Vec3{box.xz, box.yz, box.lz}}};
  // Row vectors: r' = r · inv(cell) · lammps_cell; as a column operator R =
  // (inv(cell)·lammps_cell)ᵀ.
  box.rotation = transpose(inverse(cell) * lammps_cell);
  return box;
}

void write_lammps_data(std::ostream& out, const Structure& input) {
  Structure s = input;
  s.wrap();
  const auto order = s.species_order();
  const LammpsBox box = lammps_box(s.cell);
  const bool triclinic =
      std::abs(box.xy) > 1e-12 || std::abs(box.xz) > 1e-12 || std::abs(box.yz) > 1e-12;
  char buf[200];
  out << "LAMMPS data file written by facetweld (atom_style atomic, units metal); " << s.comment
      << "\n\n";
  out << s.size() << " atoms\n" << order.size() << " atom types\n\n";
  std::snprintf(buf, sizeof buf, "%.16g %.16g xlo xhi\n%.16g %.16g ylo yhi\n%.16g %.16g zlo zhi\n",
                0.0, box.lx, 0.0, box.ly, 0.0, box.lz);
  out << buf;
  if (triclinic) {
    std::snprintf(buf, sizeof buf, "%.16g %.16g %.16g xy xz yz\n", box.xy, box.xz, box.yz);
    out << buf;
  }
  out << "\nMasses\n\n";
  for (std::size_t t = 0; t < order.size(); ++t)
    out << t + 1 << " " << element(order[t]).mass_amu << "  # " << order[t] << "\n";
  out << "\nAtoms  # atomic\n\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto type = std::find(order.begin(), order.end(), s.atoms[i].species) - order.begin() + 1;
    const Vec3 r = box.rotation * s.atoms[i].position;
    std::snprintf(buf, sizeof buf, "%zu %ld %.16g %.16g %.16g\n", i + 1, static_cast<long>(type),
                  r.x, r.y, r.z);
    out << buf;
  }
}

}  // namespace fw::slabs
