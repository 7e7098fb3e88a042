/// \file xdatcar.hpp
/// \brief XDATCAR (VASP 5+): the ionic positions of every step of a relaxation or MD run, with
/// the cell of each frame (repeated headers for variable-cell runs).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/vec3.hpp"
#include "slabs/structure.hpp"
#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

struct Xdatcar {
  std::string source;
  std::string comment;               ///< first line
  std::vector<std::string> species;  ///< one per atom, in file order
  std::vector<Mat3> cells_A;         ///< one per frame: lattice vectors as rows, scale applied
  std::vector<int> configuration;    ///< the number after "Direct configuration="
  std::vector<Vec3> positions_fractional;  ///< flat [frame][atom], as printed
  Completeness completeness;

  std::size_t frames() const { return cells_A.size(); }
  /// Frame `k` as a Structure (Cartesian positions = fractional x cell).
  slabs::Structure structure(std::size_t k) const;
};

/// Throws InputError (file, line) for a header that is not a VASP 5 XDATCAR (species line and
/// counts); a file cut inside a frame keeps the complete frames and says what is missing.
Xdatcar read_xdatcar(const std::filesystem::path& path);
Xdatcar parse_xdatcar(std::string text, const std::string& source);

}  // namespace fw::vasp
