/// \file fcc_metals.hpp
/// \brief The fcc metals facetweld knows by name: each one's experimental lattice constant and
/// default EAM potential and PBE pseudopotential, the defaults that `--element X` (and a job
/// file's `element`) brings.
#pragma once

#include <span>
#include <string>

namespace fw::slabs {

struct FccMetal {
  const char* symbol;
  double lattice_constant_A;  ///< experimental, room temperature (sources in fcc_metals.cpp)
  const char* eam_potential;  ///< a file LAMMPS ships (Debian lammps-data, potentials/)
  /// Scalar-relativistic PBE norm-conserving file: an absolute path (Debian abinit-data) or a name
  /// in data/dft/ (dft/pseudo/default_pseudopotential finds it); nullptr where none is shipped.
  const char* pbe_pseudopotential;
  /// ENMAX (eV) of VASP's recommended PAW dataset for the element, whose name is the bare symbol
  /// for all seven (POTCAR.spec names it; sources in fcc_metals.cpp).
  double vasp_enmax_eV;
};

/// Every tabulated metal, in alphabetical order.
std::span<const FccMetal> fcc_metals();

/// The tabulated metal `symbol`, or nullptr.
const FccMetal* find_fcc_metal(const std::string& symbol);

/// "Ag, Al, Au, Cu, Ni, Pd, Pt".
std::string tabulated_fcc_metals();

/// The tabulated lattice constant of `element`; an element not in the table is an InputError
/// naming `element_option` and the known metals, asking for `a_option`.
double tabulated_lattice_constant_A(const std::string& element, const std::string& element_option,
                                    const std::string& a_option);

/// A given lattice constant more than this fraction from the tabulated one is refused.
inline constexpr double kLatticeConstantMaxDeviation = 0.15;

/// Refuses (InputError naming `a_option`) an a_A more than ±15 % from `element`'s tabulated value:
/// ±15 % in a is ±52 % in volume, hundreds of GPa of compression or past the spinodal in tension —
/// no strain study, always a typo or another element's number. Untabulated elements pass.
void check_lattice_constant_near_tabulated(const std::string& element, double a_A,
                                           const std::string& a_option);

}  // namespace fw::slabs
