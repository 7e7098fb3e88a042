/// \file lammps_data.hpp
/// \brief LAMMPS data files of an MD System (atomic style, with velocities), in LAMMPS's frame.
#pragma once

#include <filesystem>

#include "md/engine/system.hpp"

namespace fw::md {

/// The same system rotated rigidly into LAMMPS's restricted triclinic frame (a along x, b in
/// the xy plane); positions and velocities rotate with the cell. A no-op for such cells.
System rotated_to_lammps_frame(const System& system);

/// Writes `atom_style atomic` data with Masses (the System's masses), Atoms (id type x y z in
/// input order, ids 1-based) and Velocities (Å/ps, metal units). Open axes get a box that
/// encloses the atoms with 1 Å to spare (LAMMPS wants the atoms inside at read time).
/// The system must already be in LAMMPS's frame (see rotated_to_lammps_frame).
void write_lammps_data(const std::filesystem::path& path, const System& system);

}  // namespace fw::md
