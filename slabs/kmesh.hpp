/// \file kmesh.hpp
/// \brief k-point meshes: from a density, and from VASP's KSPACING (and vaspkit's convention).
#pragma once

#include <array>

#include "slabs/structure.hpp"

namespace fw::slabs {

using KMesh = std::array<int, 3>;

/// Γ-centred mesh with at least `kpoints_per_inv_A` points per Å⁻¹ of reciprocal length
/// |b_i| = 1/|a_i|·(geometric factor) (no 2π): N_i = max(1, ceil(density · |b_i|)).
/// Non-periodic axes (pbc false) and, for slabs, the axis along the vacuum get N = 1.
KMesh kmesh_from_density(const Structure& s, double kpoints_per_inv_A, bool slab = false);

/// VASP's rule for KSPACING (Å⁻¹, 2π included in |b|): N_i = max(1, ceil(|b_i|·2π/KSPACING)),
/// b_i·a_j = δ_ij. (VASP wiki, KSPACING.)
KMesh kmesh_from_vasp_kspacing(const Structure& s, double kspacing_inv_A);

/// vaspkit's k-spacing convention: a value of 0.020 means 2π·0.020 Å⁻¹, i.e.
/// N_i = max(1, ceil(|b_i| / value)) with |b_i| without 2π.
KMesh kmesh_from_vaspkit_spacing(const Structure& s, double vaspkit_spacing);

}  // namespace fw::slabs
