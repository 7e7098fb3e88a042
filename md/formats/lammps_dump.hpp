/// \file lammps_dump.hpp
/// \brief Reading LAMMPS `dump custom` files (the frames a LAMMPS run writes back to facetweld).
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "core/vec3.hpp"

namespace fw::md {

/// One frame: the atoms' 1-based ids with positions (xu yu zu, or x y z) and, when the dump has
/// them, velocities (vx vy vz).
struct LammpsDumpFrame {
  long step = 0;
  std::vector<int> id;
  std::vector<Vec3> position_A;
  std::vector<Vec3> velocity_A_per_ps;  ///< empty when the dump has no velocities
};

/// Calls `frame` for every frame of the dump, in file order (one frame in memory at a time).
/// Columns are found by name; throws InputError(path, line, ...) on a malformed file.
void read_lammps_dump(const std::filesystem::path& path,
                      const std::function<void(const LammpsDumpFrame&)>& frame);

}  // namespace fw::md
