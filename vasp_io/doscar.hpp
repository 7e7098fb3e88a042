/// \file doscar.hpp
/// \brief DOSCAR: total DOS and its integral per spin, and the projected DOS per ion (LORBIT).
#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

struct Doscar {
  std::string source;
  int nions = 0;  ///< from the first line
  int nspin = 0;  ///< 1 (3 columns: E, DOS, integrated) or 2 (5 columns: up and down of each)
  double efermi_eV = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> energies_eV;  ///< the NEDOS grid (eV, not shifted)
  std::vector<double> total;        ///< [spin][energy], states/eV
  std::vector<double> integrated;   ///< [spin][energy], electrons below each energy
  /// Projected DOS, the columns of each row after the energy as printed (ISPIN = 2: each
  /// orbital's up then down); [ion][energy][column]. Only ions read completely.
  int projected_columns = 0, projected_ions = 0;
  std::vector<double> projected;
  Completeness completeness;
  std::size_t nedos() const { return energies_eV.size(); }
};

/// Throws InputError (file, line) for a header that is not DOSCAR's; a file cut short keeps the
/// blocks it completed and says which are missing.
Doscar read_doscar(const std::filesystem::path& path);
Doscar parse_doscar(std::string text, const std::string& source);

}  // namespace fw::vasp
