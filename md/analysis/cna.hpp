/// \file cna.hpp
/// \brief Common-neighbour analysis (conventional and adaptive): fcc / hcp / bcc / icosahedral /
/// other per atom, as LAMMPS's compute cna/atom and OVITO's modifier classify them.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "md/engine/system.hpp"

namespace fw::md {

/// Structure types, numbered as LAMMPS's compute cna/atom (1 fcc, 2 hcp, 3 bcc, 4 ico, 5 other).
enum class CnaType : int { fcc = 1, hcp = 2, bcc = 3, ico = 4, other = 5 };

/// Lower-case name: "fcc", "hcp", "bcc", "ico", "other".
std::string cna_type_name(CnaType type);

struct CnaSettings {
  /// "adaptive" (Stukowski, MSMSE 20, 045021 (2012): a per-atom cutoff from the 12 or 14
  /// nearest neighbours, no parameter) or "conventional" (Honeycutt and Andersen, JPC 91, 4950
  /// (1987); Faken and Jónsson, Comput. Mater. Sci. 2, 279 (1994): one fixed cutoff).
  std::string mode = "adaptive";
  /// Conventional CNA cutoff, between the first and second neighbour shells; for fcc the
  /// midpoint (1 + 1/√2)/2 · a = 0.854 a (3.485 Å for Au at a = 4.08 Å).
  double cutoff_A = 3.485;
  /// Adaptive CNA: how far to look for the 14 nearest neighbours (must reach the second fcc
  /// shell at a and the second bcc shell); 0 picks 1.45 × cutoff_A.
  double search_cutoff_A = 0.0;
};

/// Throws InputError(option) for an unknown mode or a non-positive cutoff.
void check_cna_settings(const CnaSettings& settings, const std::string& option);

/// One CnaType per atom, in the system's current atom order. Periodic axes and triclinic cells
/// are handled through the neighbour list (minimum images of every neighbour).
std::vector<CnaType> common_neighbor_analysis(const System& system,
                                              const CnaSettings& settings = {});

/// Counts per type over a subset of atoms (all atoms when `selected` is empty).
struct CnaCounts {
  std::array<long, 5> count{};  ///< indexed by int(type) - 1
  long total() const;
  long of(CnaType type) const {
    return count[static_cast<std::size_t>(static_cast<int>(type) - 1)];
  }
  /// Fraction of `type` in the total, 0 when empty.
  double fraction(CnaType type) const;
};

CnaCounts count_cna(const std::vector<CnaType>& types,
                    const std::vector<std::size_t>& selected = {});

}  // namespace fw::md
