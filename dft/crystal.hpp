/// \file crystal.hpp
/// \brief The periodic system the solver sees: cell (bohr), fractional positions and species.
#pragma once

#include <vector>

#include "core/vec3.hpp"
#include "dft/pseudo/pseudopotential.hpp"

namespace fw::dft {

/// Lattice vectors are the ROWS of `cell_bohr`; reciprocal vectors include the 2π.
struct Crystal {
  Mat3 cell_bohr;
  std::vector<Vec3> positions_frac;      ///< one per atom, fractional coordinates
  std::vector<int> species_of_atom;      ///< index into `species`, one per atom
  std::vector<Pseudopotential> species;  ///< one pseudopotential per species

  std::size_t n_atoms() const { return positions_frac.size(); }
  double volume_bohr3() const { return std::abs(determinant(cell_bohr)); }
  /// Rows b_i with a_i·b_j = 2π δ_ij (bohr⁻¹).
  Mat3 reciprocal_bohr_inv() const;
  Vec3 position_bohr(std::size_t atom) const { return positions_frac[atom] * cell_bohr; }
  double n_valence_electrons() const;
  /// Cartesian (bohr⁻¹) vector of a reciprocal-space point given in the reciprocal basis.
  Vec3 reciprocal_cartesian(const Vec3& frac) const { return frac * reciprocal_bohr_inv(); }
};

}  // namespace fw::dft
