/// \file eam_potential.hpp
/// \brief An EAM potential on LAMMPS's grid with LAMMPS's cubic splines, so that energies and
/// forces agree with `pair_style eam` / `eam/alloy` to round-off.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "md/formats/eam_file.hpp"

namespace fw::md {

class EamPotential;

/// Reads `path` for the metal `element`: a funcfl file must describe it, a setfl file must list
/// it (only its type is kept). Otherwise InputError(source) naming the file's elements, so that
/// another metal's numbers are never labelled `element`.
EamPotential read_eam_for_element(const std::filesystem::path& path, const std::string& element,
                                  const std::string& source);

/// Cubic spline on a uniform grid in LAMMPS's 7-coefficient layout (pair_eam.cpp
/// `interpolate`): per knot m, value = ((c3 p + c4) p + c5) p + c6 and
/// derivative = (c0 p + c1) p + c2, with p the fractional position in [m, m+1].
/// Knot slopes come from 4th-order central differences, so this is LAMMPS's spline, not a
/// natural cubic spline; using the same one is what makes energies agree to 1e-10 eV.
struct SplineTable {
  double delta = 0.0;  ///< grid spacing
  std::vector<std::array<double, 7>> knots;

  static SplineTable from_values(const std::vector<double>& values, double delta);
};

/// Tabulated EAM: E = sum_i F_i(rho_i) + 1/2 sum_{i!=j} phi_ij(r_ij), rho_i = sum_j rho_j(r_ij),
/// with phi stored as z2 = r*phi (eV*Å). Daw and Baskes, PRB 29, 6443 (1984).
class EamPotential {
 public:
  /// funcfl files, one per element (LAMMPS: `pair_style eam`, `pair_coeff i i file`). All files
  /// are re-gridded onto the coarsest spacing with LAMMPS's 4-point Lagrange interpolation and
  /// phi_ij = 27.2*0.529 Z_i Z_j / r — LAMMPS's rounded Hartree*bohr, deliberately not CODATA.
  static EamPotential from_funcfl(const std::vector<FuncflFile>& files);
  /// A setfl file (LAMMPS: `pair_style eam/alloy`); `elements` picks and orders the types.
  static EamPotential from_setfl(const SetflFile& file, const std::vector<std::string>& elements);
  /// Reads by file name: *.eam.alloy / *.setfl → setfl, otherwise funcfl.
  static EamPotential read(const std::filesystem::path& path,
                           const std::vector<std::string>& elements = {});

  double cutoff_A() const { return cutoff_A_; }
  std::size_t type_count() const { return elements_.size(); }
  const std::vector<std::string>& elements() const { return elements_; }
  const std::vector<double>& masses_amu() const { return masses_amu_; }
  /// "eam" or "eam/alloy": the LAMMPS pair style that reproduces this potential.
  const std::string& lammps_style() const { return lammps_style_; }
  const std::vector<std::string>& source_files() const { return source_files_; }
  /// Index of `element`, or -1.
  int type_of(const std::string& element) const;

  double rho_max() const { return rho_max_; }
  const SplineTable& embedding(int type) const { return frho_[static_cast<std::size_t>(type)]; }
  /// Density at an atom of type i from a neighbour of type j.
  const SplineTable& density(int type_i, int type_j) const;
  const SplineTable& r_phi(int type_i, int type_j) const;

  /// Scalar evaluations (LAMMPS clamping), for tests and the exports.
  double embedding_eV(int type, double rho) const;
  double density_at(int type_i, int type_j, double r_A) const;
  double pair_eV(int type_i, int type_j, double r_A) const;

 private:
  std::vector<std::string> elements_;
  std::vector<double> masses_amu_;
  std::vector<std::string> source_files_;
  std::string lammps_style_;
  double cutoff_A_ = 0.0;
  double rho_max_ = 0.0;
  std::vector<SplineTable> frho_;  ///< per type
  std::vector<SplineTable> rhor_;  ///< per rho function
  std::vector<SplineTable> z2r_;   ///< per pair function
  std::vector<int> type2rhor_;     ///< [i*n + j] → rhor_ index (density at i from j)
  std::vector<int> type2z2r_;      ///< [i*n + j] → z2r_ index
};

/// Evaluates a LAMMPS spline at x ≥ 0 with LAMMPS's index clamping; returns value and slope.
struct SplinePoint {
  double value;
  double derivative;
};
SplinePoint evaluate(const SplineTable& table, double x);

}  // namespace fw::md
