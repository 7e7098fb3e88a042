/// \file parse_file.hpp
/// \brief Any VASP file to the JSON of `facetweld vasp parse --json` (the CLI and the Python
/// module's `facetweld.vasp.parse` share it, so both give the same keys and values).
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace fw::vasp {

/// "outcar" | "oszicar" | "vasprun" | "contcar", from the name (OUTCAR*, OSZICAR*,
/// vasprun*.xml[.gz], CONTCAR*/POSCAR*/*.vasp), else from the first 512 bytes.
/// Throws InputError(path) when neither tells.
std::string detect_file_type(const std::filesystem::path& path);

/// Parses `path` as `type` (empty: detect_file_type). OUTCAR, OSZICAR and vasprun.xml give their
/// parser's to_json; a vasprun.xml without a <dos> block takes the Fermi level from the OUTCAR in
/// the same folder and names it in "efermi_source"; CONTCAR/POSCAR give cell_A, species,
/// positions_A, volume_A3. `type` returns the type used. Throws InputError (`type_option` names
/// the option in the message for an unknown type).
nlohmann::json parse_file_json(const std::filesystem::path& path, std::string& type,
                               const std::string& type_option = "--type");

}  // namespace fw::vasp
