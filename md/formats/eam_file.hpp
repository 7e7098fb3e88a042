/// \file eam_file.hpp
/// \brief Readers for the DYNAMO EAM tables LAMMPS uses: funcfl (`pair_style eam`) and setfl
/// (`pair_style eam/alloy`). The values are kept exactly as tabulated in the file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fw::md {

/// One element of a funcfl file (Foiles' single-element format, e.g. Au_u3.eam):
///   line 1 comment; line 2 "Z mass a_lattice lattice"; line 3 "Nrho drho Nr dr cutoff";
///   then F(rho) [eV] at Nrho points, Z(r) [sqrt(Hartree*bohr)] at Nr points, rho(r) at Nr points.
struct FuncflFile {
  std::string path;
  std::string element;  ///< from the atomic number on line 2
  int atomic_number = 0;
  double mass_amu = 0.0;
  double lattice_constant_A = 0.0;
  std::string lattice;
  int nrho = 0;
  double drho = 0.0;
  int nr = 0;
  double dr_A = 0.0;
  double cutoff_A = 0.0;
  std::vector<double> embedding_eV;  ///< F at rho = k drho
  std::vector<double> z_effective;   ///< Z at r = k dr; phi = 27.2*0.529 Z_i Z_j / r
  std::vector<double> density;       ///< rho at r = k dr
};

/// A setfl file (multi-element, `eam/alloy`): 3 comment lines; "N el1 el2 ..."; "Nrho drho Nr dr
/// cutoff"; per element a line "Z mass a lattice", F(rho) and rho(r); then r*phi_ij(r) [eV*Å] for
/// i >= j in the order (0,0), (1,0), (1,1), (2,0) ...
struct SetflFile {
  std::string path;
  std::vector<std::string> elements;
  std::vector<double> mass_amu;
  int nrho = 0;
  double drho = 0.0;
  int nr = 0;
  double dr_A = 0.0;
  double cutoff_A = 0.0;
  std::vector<std::vector<double>> embedding_eV;  ///< [element][k]
  std::vector<std::vector<double>> density;       ///< [element][k]
  std::vector<std::vector<double>> r_phi_eV_A;    ///< [pair index i*(i+1)/2 + j][k], i >= j
};

/// Throws InputError(path, line, ...) on a missing file, bad numbers, or short arrays.
FuncflFile read_funcfl(const std::filesystem::path& path);
SetflFile read_setfl(const std::filesystem::path& path);

/// Element symbol for an atomic number (1..103); throws InputError(source, line) otherwise.
std::string element_symbol(int atomic_number, const std::string& source, int line);

}  // namespace fw::md
