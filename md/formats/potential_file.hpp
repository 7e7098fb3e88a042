/// \file potential_file.hpp
/// \brief Finding a potential file (EAM, AIREBO) by name: as given, then facetweld's data/md/, then
/// Debian's lammps-data folder.
#pragma once

#include <filesystem>
#include <string>

namespace fw::md {

/// The default EAM potential of every md table: Foiles–Baskes–Daw Au (LAMMPS potentials/Au_u3.eam).
inline constexpr const char* kDefaultEamPotential = "Au_u3.eam";

/// Returns the first existing of: `name` as a path, $FACETWELD_DATA/md/<name>,
/// <source>/data/md/<name>, /usr/share/lammps/potentials/<name>. Throws InputError(option)
/// naming every place it looked and `hint` (where the file usually comes from).
std::filesystem::path find_potential_file(
    const std::string& name, const std::string& option = "--potential",
    const std::string& hint = "Debian's lammps-data package provides Au_u3.eam");

}  // namespace fw::md
