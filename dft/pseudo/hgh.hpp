/// \file hgh.hpp
/// \brief Reader of analytic GTH/HGH pseudopotentials in ABINIT's formats (pspcod 3: HGH with the
/// diagonal h_ii, off-diagonals from HGH's relations; pspcod 10: HGH with the full h_ij, the
/// "khgh"/CP2K-style layout) and the closed-form real- and reciprocal-space functions.
///
/// The common Pseudopotential is filled by tabulating V_loc(r) and r·p_i^l(r) on a uniform grid of
/// `kHghGridSpacingBohr` out to `kHghGridMaxBohr`; D_ij = h^l_ij. Spin-orbit k_ij are read and
/// ignored (scalar-relativistic use). HGH files carry no core charge and no atomic density.
#pragma once

#include <string>

#include "dft/pseudo/gth_parameters.hpp"
#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

inline constexpr double kHghGridSpacingBohr = 0.005;
inline constexpr double kHghGridMaxBohr = 15.0;

/// What an HGH file holds before tabulation.
struct HghFile {
  std::string element;
  double z_atom = 0.0;
  int pspcod = 0;
  int pspxc = 0;
  GthParameters parameters;
};

/// Parses an ABINIT pspcod 3 or 10 file; throws fw::InputError(path, line, ...) on bad content.
HghFile read_hgh_file(const std::string& path);

/// Reads an HGH file into the common struct (tabulated, see above).
Pseudopotential read_hgh(const std::string& path);

/// HGH off-diagonal h^l_ij (i < j, 1-based) from the diagonal ones (HGH PRB 58, 3641, Eqs. 18–20
/// as used for the tabulated HGH potentials): h12, h13, h23 for l = 0, 1, 2.
double hgh_offdiagonal(int l, int i, int j, double h22, double h33);

/// V_loc(r) in Ha (HGH Eq. 1); finite at r = 0.
double gth_local_potential(const GthParameters& p, double r_bohr);

/// p_i^l(r) in bohr^-3/2 (HGH Eq. 3), i = 1, 2, 3; normalised: ∫ p² r² dr = 1.
double gth_projector(int l, int i, double r_l_bohr, double r_bohr);

/// ∫ 4π r² j_l(qr) p_i^l(r) dr (bohr^3/2) in closed form, a Gaussian times a generalised
/// Laguerre polynomial L_(i−1)^(l+½)(q²r_l²/2); equals HGH's reciprocal-space table (their Eq. 4
/// list, there divided by √Ω) for every l <= 3, i <= 3.
double gth_projector_q(int l, int i, double r_l_bohr, double q_per_bohr);

/// ∫ 4π r² j_0(qr) V_loc(r) dr for q > 0 (Ha·bohr³): the G ≠ 0 local form factor times the cell
/// volume (GTH PRB 54, 1703, Eq. 5 with C1..C4).
double gth_local_potential_q(const GthParameters& p, double q_per_bohr);

/// lim_{q→0} [∫ 4π r² V_loc dr + 4π Z_ion/q²]: the finite "αZ" G = 0 term per ion (Ha·bohr³).
double gth_local_potential_q0_finite(const GthParameters& p);

}  // namespace fw::dft
