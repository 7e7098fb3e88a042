/// \file lammps_data.cpp
/// \brief Writing LAMMPS data files.
#include "md/formats/lammps_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "slabs/io/lammps_data.hpp"

namespace fw::md {

System rotated_to_lammps_frame(const System& system) {
  if (determinant(system.cell) <= 0.0) {
    throw InputError("cell", "LAMMPS needs a right-handed cell (positive determinant)");
  }
  const slabs::LammpsBox box = slabs::lammps_box(system.cell);
  System out = system;
  out.cell = Mat3{{Vec3{box.lx, 0, 0}, Vec3{box.xy, box.ly, 0}, Vec3{box.xz, box.yz, box.lz}}};
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 r = box.rotation * system.position(i);
    const Vec3 v = box.rotation * system.velocity(i);
    const Vec3 f = box.rotation * system.force(i);
    for (int c = 0; c < 3; ++c) {
      out.x[3 * i + static_cast<std::size_t>(c)] = r[c];
      out.v[3 * i + static_cast<std::size_t>(c)] = v[c];
      out.f[3 * i + static_cast<std::size_t>(c)] = f[c];
    }
  }
  return out;
}

void write_lammps_data(const std::filesystem::path& path, const System& system) {
  const Mat3& h = system.cell;
  if (std::abs(h[0].y) > 1e-9 || std::abs(h[0].z) > 1e-9 || std::abs(h[1].z) > 1e-9) {
    throw InputError(path.string(), "cell is not in LAMMPS's frame; rotate it first");
  }
  double lo[3] = {0.0, 0.0, 0.0};
  double hi[3] = {h[0].x, h[1].y, h[2].z};
  const bool orthogonal = h[1].x == 0.0 && h[2].x == 0.0 && h[2].y == 0.0;
  for (int a = 0; a < 3; ++a) {
    if (system.pbc[static_cast<std::size_t>(a)] || !orthogonal || system.size() == 0) continue;
    double mn = std::numeric_limits<double>::max(), mx = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < system.size(); ++i) {
      mn = std::min(mn, system.x[3 * i + static_cast<std::size_t>(a)]);
      mx = std::max(mx, system.x[3 * i + static_cast<std::size_t>(a)]);
    }
    lo[a] = std::min(lo[a], mn - 1.0);
    hi[a] = std::max(hi[a], mx + 1.0);
  }
  write_file_atomically(path, [&](std::ostream& out) {
    char buf[256];
    out << "LAMMPS data file written by facetweld (atom_style atomic, units metal)\n\n";
    out << system.size() << " atoms\n" << system.type_names.size() << " atom types\n\n";
    std::snprintf(buf, sizeof buf,
                  "%.17g %.17g xlo xhi\n%.17g %.17g ylo yhi\n%.17g %.17g zlo zhi\n", lo[0], hi[0],
                  lo[1], hi[1], lo[2], hi[2]);
    out << buf;
    if (!orthogonal) {
      std::snprintf(buf, sizeof buf, "%.17g %.17g %.17g xy xz yz\n", h[1].x, h[2].x, h[2].y);
      out << buf;
    }
    out << "\nMasses\n\n";
    for (std::size_t t = 0; t < system.type_names.size(); ++t) {
      std::snprintf(buf, sizeof buf, "%zu %.17g  # %s\n", t + 1, system.type_mass_amu[t],
                    system.type_names[t].c_str());
      out << buf;
    }
    const auto order = system.indices_in_input_order();
    out << "\nAtoms  # atomic\n\n";
    for (std::size_t i : order) {
      std::snprintf(buf, sizeof buf, "%d %d %.17g %.17g %.17g\n", system.id[i] + 1,
                    system.type[i] + 1, system.x[3 * i], system.x[3 * i + 1], system.x[3 * i + 2]);
      out << buf;
    }
    out << "\nVelocities\n\n";
    for (std::size_t i : order) {
      std::snprintf(buf, sizeof buf, "%d %.17g %.17g %.17g\n", system.id[i] + 1, system.v[3 * i],
                    system.v[3 * i + 1], system.v[3 * i + 2]);
      out << buf;
    }
  });
}

}  // namespace fw::md
