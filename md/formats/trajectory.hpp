/// \file trajectory.hpp
/// \brief Trajectory writers OVITO opens: extended XYZ and LAMMPS text dump.
#pragma once

#include <filesystem>
#include <fstream>

#include "md/engine/dynamics.hpp"

namespace fw::md {

/// Extended XYZ (ASE/OVITO): per frame the atom count, a comment line with Lattice, pbc,
/// Properties=species:S:1:pos:R:3:vel:R:3:forces:R:3, step, time_ps and energies; atoms in input
/// order, positions wrapped into the cell (Å), velocities Å/ps, forces eV/Å.
class ExtxyzTrajectory : public Observer {
 public:
  ExtxyzTrajectory(const std::filesystem::path& path, long every, bool append = false);
  long every() const override { return every_; }
  void observe(const System& system, const ThermoState& state) override;

 private:
  std::ofstream out_;
  long every_;
};

/// LAMMPS `dump custom` text: id type element x y z ix iy iz vx vy vz fx fy fz, with the
/// triclinic BOX BOUNDS header when the cell is skewed (the cell is rotated into LAMMPS's frame).
class LammpsDumpTrajectory : public Observer {
 public:
  LammpsDumpTrajectory(const std::filesystem::path& path, long every, bool append = false);
  long every() const override { return every_; }
  void observe(const System& system, const ThermoState& state) override;

 private:
  std::ofstream out_;
  long every_;
};

/// Writes one extxyz frame (used by the CLI for final structures too).
void write_extxyz_frame(std::ostream& out, const System& system, const ThermoState* state);

}  // namespace fw::md
