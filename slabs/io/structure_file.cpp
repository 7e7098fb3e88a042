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

Structure read_structure(const std::filesystem::path& path,
                         const std::vector<std::string>& species_hint) {
  const StructureFormat format = format_from_filename(path);
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot open for reading");
  switch (format) {
    case StructureFormat::poscar:
      return read_poscar(in, path.string(), species_hint);
    case StructureFormat::extxyz:
      return read_extxyz(in, path.string());
    case StructureFormat::lammps_data:
      break;
  }
  throw InputError(path.string(),
                   "reading LAMMPS data files is not supported; use POSCAR or extended XYZ");
}

void write_structure(const std::filesystem::path& path, const Structure& structure) {
  const StructureFormat format = format_from_filename(path);
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
