/// \file vasprun_dos.hpp
/// \brief The <dos> block of vasprun.xml: total DOS, its integral and the projected DOS, built
/// row by row as the streaming reader meets them.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fw::vasp {

/// Density of states of one <dos> block (states/eV, energies in eV as VASP prints them, not
/// shifted by the Fermi level).
struct VasprunDos {
  double efermi_eV = std::numeric_limits<double>::quiet_NaN();
  int nspin = 0;
  std::vector<double> energies_eV;  ///< the NEDOS grid
  std::vector<double> total;        ///< [spin][energy]
  std::vector<double> integrated;   ///< [spin][energy], electrons below each energy
  /// Projected DOS (LORBIT): column names as VASP wrote them, trimmed ("s", "py", ... or "s",
  /// "p", "d"); empty when the file has none.
  std::vector<std::string> orbitals;
  int nions = 0;
  std::vector<double> partial;  ///< [ion][spin][energy][orbital], the order of the file
  std::size_t nedos() const { return energies_eV.size(); }
};

/// Collects one <dos> block. The reader calls the begin_* methods at each <set> level and the
/// *_row methods with each <r> text; finish() checks that the blocks are rectangular.
class DosBuilder {
 public:
  void set_efermi(double efermi_eV) { dos_.efermi_eV = efermi_eV; }
  void begin_total_spin() { ++total_spins_; }
  void total_row(std::string_view text);
  void partial_field(std::string_view name);
  void begin_partial_ion() { ++dos_.nions; }
  void begin_partial_spin() { ++partial_spins_; }
  void partial_row(std::string_view text);
  /// The block, or nullopt with `problem` set to a one-line reason (a malformed row, blocks of
  /// unequal length); the reader then reports the DOS as missing instead of failing the file.
  std::optional<VasprunDos> finish(std::string& problem);

 private:
  void bad(std::string message) {
    if (problem_.empty()) problem_ = std::move(message);
  }

  VasprunDos dos_;
  int total_spins_ = 0, partial_spins_ = 0, fields_seen_ = 0;
  std::string problem_;
};

}  // namespace fw::vasp
