/// \file eigenval.hpp
/// \brief EIGENVAL: Kohn–Sham eigenvalues (and occupations, VASP ≥ 5.4.4) per spin, k-point and
/// band, with the k-points and their weights.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/vec3.hpp"
#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

struct Eigenval {
  std::string source;
  int nspin = 0, nkpoints = 0, nbands = 0;  ///< nkpoints: the k-points read completely
  double nelect = 0.0;
  std::vector<Vec3> kpoints;  ///< fractional reciprocal coordinates
  std::vector<double> kpoint_weights;
  std::vector<double> energies_eV;  ///< flat [spin][k][band]
  std::vector<double> occupations;  ///< same layout; empty where the file has no occupations
  Completeness completeness;
};

/// Throws InputError (file, line) for a file whose header is not EIGENVAL's; a file cut short
/// keeps its complete k-points and says what is missing.
Eigenval read_eigenval(const std::filesystem::path& path);
Eigenval parse_eigenval(std::string text, const std::string& source);

}  // namespace fw::vasp
