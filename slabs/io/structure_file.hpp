/// \file structure_file.hpp
/// \brief Read/write a structure in the format its file name implies (the one entry point).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "slabs/structure.hpp"

namespace fw::slabs {

enum class StructureFormat { poscar, extxyz, lammps_data };

/// *.vasp, *.poscar, POSCAR*, CONTCAR* → poscar; *.extxyz, *.xyz → extxyz; *.lmp, *.data →
/// lammps_data. Throws InputError(option_name) for anything else.
StructureFormat format_from_filename(const std::filesystem::path& path,
                                     const std::string& option_name = "");

/// Opens a structure file for reading; InputError for a device (/dev/zero), binary data (a NUL
/// byte in the first 4 KiB) or a file that cannot be opened.
std::ifstream open_structure_text(const std::filesystem::path& path);

/// Reads POSCAR/CONTCAR or extended XYZ (LAMMPS data is write-only). `species_hint` names the
/// species of a VASP-4 POSCAR that lacks the species line. InputError for a device, binary data
/// or a structure without atoms.
Structure read_structure(const std::filesystem::path& path,
                         const std::vector<std::string>& species_hint = {});

/// Writes atomically (temp file + rename) in the format the name implies; refuses an empty
/// structure.
void write_structure(const std::filesystem::path& path, const Structure& structure);

}  // namespace fw::slabs
