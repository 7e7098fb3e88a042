/// \file trajectory.cpp
/// \brief extxyz and LAMMPS dump frames.
#include "md/formats/trajectory.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "md/formats/lammps_data.hpp"

namespace fw::md {

void write_extxyz_frame(std::ostream& out, const System& system, const ThermoState* state) {
  char buf[512];
  const Mat3& h = system.cell;
  out << system.size() << "\n";
  std::snprintf(buf, sizeof buf,
                "Lattice=\"%.10f %.10f %.10f %.10f %.10f %.10f %.10f %.10f %.10f\" "
                "Properties=species:S:1:pos:R:3:vel:R:3:forces:R:3 pbc=\"%c %c %c\"",
                h[0].x, h[0].y, h[0].z, h[1].x, h[1].y, h[1].z, h[2].x, h[2].y, h[2].z,
                system.pbc[0] ? 'T' : 'F', system.pbc[1] ? 'T' : 'F', system.pbc[2] ? 'T' : 'F');
  out << buf;
  if (state) {
    std::snprintf(buf, sizeof buf,
                  " step=%ld time_ps=%.6f energy=%.10f kinetic_energy_eV=%.10f temperature_K=%.4f",
                  state->step, state->time_ps, state->potential_eV, state->kinetic_eV,
                  state->temperature_K);
    out << buf;
  }
  out << "\n";
  for (std::size_t i : system.indices_in_input_order()) {
    std::snprintf(buf, sizeof buf, "%-3s %.10f %.10f %.10f %.8f %.8f %.8f %.10f %.10f %.10f\n",
                  system.type_names[static_cast<std::size_t>(system.type[i])].c_str(),
                  system.x[3 * i], system.x[3 * i + 1], system.x[3 * i + 2], system.v[3 * i],
                  system.v[3 * i + 1], system.v[3 * i + 2], system.f[3 * i], system.f[3 * i + 1],
                  system.f[3 * i + 2]);
    out << buf;
  }
}

ExtxyzTrajectory::ExtxyzTrajectory(const std::filesystem::path& path, long every, bool append)
    : out_(path, append ? std::ios::app : std::ios::trunc), every_(every) {
  if (!out_) throw InputError(path.string(), "cannot write the trajectory");
}

void ExtxyzTrajectory::observe(const System& system, const ThermoState& state) {
  write_extxyz_frame(out_, system, &state);
  out_.flush();
}

LammpsDumpTrajectory::LammpsDumpTrajectory(const std::filesystem::path& path, long every,
                                           bool append)
    : out_(path, append ? std::ios::app : std::ios::trunc), every_(every) {
  if (!out_) throw InputError(path.string(), "cannot write the dump");
}

void LammpsDumpTrajectory::observe(const System& input, const ThermoState& state) {
  const System s = rotated_to_lammps_frame(input);
  const Mat3& h = s.cell;
  const double xy = h[1].x, xz = h[2].x, yz = h[2].y;
  const bool triclinic = xy != 0.0 || xz != 0.0 || yz != 0.0;
  char buf[512];
  out_ << "ITEM: TIMESTEP\n" << state.step << "\nITEM: NUMBER OF ATOMS\n" << s.size() << "\n";
  const char* bc[2] = {"ff", "pp"};
  // LAMMPS writes the bounding box of the tilted cell: xlo_bound = xlo + min(0, xy, xz, xy+xz) ...
  const double xlo_b = std::min({0.0, xy, xz, xy + xz}),
               xhi_b = h[0].x + std::max({0.0, xy, xz, xy + xz});
  const double ylo_b = std::min(0.0, yz), yhi_b = h[1].y + std::max(0.0, yz);
  if (triclinic) {
    std::snprintf(buf, sizeof buf,
                  "ITEM: BOX BOUNDS xy xz yz %s %s %s\n%.10f %.10f %.10f\n%.10f %.10f %.10f\n%.10f "
                  "%.10f %.10f\n",
                  bc[s.pbc[0]], bc[s.pbc[1]], bc[s.pbc[2]], xlo_b, xhi_b, xy, ylo_b, yhi_b, xz, 0.0,
                  h[2].z, yz);
  } else {
    std::snprintf(buf, sizeof buf,
                  "ITEM: BOX BOUNDS %s %s %s\n%.10f %.10f\n%.10f %.10f\n%.10f %.10f\n",
                  bc[s.pbc[0]], bc[s.pbc[1]], bc[s.pbc[2]], 0.0, h[0].x, 0.0, h[1].y, 0.0, h[2].z);
  }
  out_ << buf << "ITEM: ATOMS id type element x y z ix iy iz vx vy vz fx fy fz\n";
  for (std::size_t i : s.indices_in_input_order()) {
    std::snprintf(
        buf, sizeof buf, "%d %d %s %.10f %.10f %.10f %d %d %d %.8f %.8f %.8f %.10f %.10f %.10f\n",
        s.id[i] + 1, s.type[i] + 1, s.type_names[static_cast<std::size_t>(s.type[i])].c_str(),
        s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2], s.image[i][0], s.image[i][1], s.image[i][2],
        s.v[3 * i], s.v[3 * i + 1], s.v[3 * i + 2], s.f[3 * i], s.f[3 * i + 1], s.f[3 * i + 2]);
    out_ << buf;
  }
  out_.flush();
}

}  // namespace fw::md
