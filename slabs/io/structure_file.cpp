/// \file structure_file.cpp
/// \brief Format dispatch by file name.
#include "slabs/io/structure_file.hpp"

#include <algorithm>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "slabs/io/extxyz.hpp"
#include "slabs/io/lammps_data.hpp"
#include "slabs/io/poscar.hpp"

namespace fw::slabs {
namespace fs = std::filesystem;

StructureFormat format_from_filename(const std::filesystem::path& path,
                                     const std::string& option_name) {
  std::string name = path.filename().string();
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".vasp" || ext == ".poscar" || name.rfind("POSCAR", 0) == 0 ||
      name.rfind("CONTCAR", 0) == 0)
    return StructureFormat::poscar;
  if (ext == ".extxyz" || ext == ".xyz") return StructureFormat::extxyz;
  if (ext == ".lmp" || ext == ".data") return StructureFormat::lammps_data;
  throw InputError(option_name.empty() ? path.string() : option_name,
                   "cannot tell the format of '" + path.string() +
                       "': expected *.vasp, POSCAR*, CONTCAR* (POSCAR), *.extxyz, *.xyz (extended "
                       "XYZ) or *.lmp, *.data "
                       "(LAMMPS data)");
}

std::ifstream open_structure_text(const std::filesystem::path& path) {
  std::error_code ec;
  if (fs::is_character_file(path, ec) || fs::is_block_file(path, ec))
    throw InputError(path.string(), "is a device, not a structure file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open for reading");
  // Binary data is refused before any line is read (a text reader would take it as one line).
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find('\0') != std::string::npos)
    throw InputError(path.string(), "binary data (a NUL byte), not a structure file");
  in.clear();
  in.seekg(0);
  return in;
}

Structure read_structure(const std::filesystem::path& path,
                         const std::vector<std::string>& species_hint) {
  const StructureFormat format = format_from_filename(path);
  std::ifstream in = open_structure_text(path);
  if (format == StructureFormat::lammps_data)
    throw InputError(path.string(),
                     "reading LAMMPS data files is not supported; use POSCAR or extended XYZ");
  Structure s = format == StructureFormat::poscar ? read_poscar(in, path.string(), species_hint)
                                                  : read_extxyz(in, path.string());
  // Energies per atom, k-meshes and MD of an empty structure are meaningless ("-nan eV/atom").
  if (s.atoms.empty()) throw InputError(path.string(), "the structure has no atoms");
  return s;
}

void write_structure(const std::filesystem::path& path, const Structure& structure) {
  const StructureFormat format = format_from_filename(path);
  if (structure.atoms.empty())
    throw InputError(path.string(), "refusing to write a structure without atoms");
  write_file_atomically(path, [&](std::ostream& out) {
    switch (format) {
      case StructureFormat::poscar:
        write_poscar(out, structure);
        break;
      case StructureFormat::extxyz:
        write_extxyz(out, structure);
        break;
      case StructureFormat::lammps_data:
        write_lammps_data(out, structure);
        break;
    }
  });
}

}  // namespace fw::slabs
