/// \file kmesh.cpp
/// \brief k-point mesh rules.
#include "slabs/kmesh.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace fw::slabs {

namespace {

/// N_i = max(1, ceil(|b_i| · factor)) with b_i·a_j = δ_ij (no 2π); N = 1 on non-periodic axes.
KMesh mesh_from_reciprocal_lengths(const Structure& s, double factor) {
  const Mat3 recip = reciprocal_rows(s.cell);
  KMesh mesh{1, 1, 1};
  for (int i = 0; i < 3; ++i) {
    if (!s.pbc[static_cast<std::size_t>(i)]) continue;
    // A small tolerance keeps 2.0000000001 from becoming 3.
    const double n = norm(recip[i]) * factor;
    mesh[static_cast<std::size_t>(i)] = std::max(1, static_cast<int>(std::ceil(n - 1e-8)));
  }
  return mesh;
}

}  // namespace

KMesh kmesh_from_density(const Structure& s, double kpoints_per_inv_A, bool slab) {
  if (!(kpoints_per_inv_A > 0)) throw InputError("--kpoint-density", "must be > 0 points per Å⁻¹");
  // ASE's kptdensity convention: N_i = ceil(2π · density · |b_i|).
  KMesh mesh = mesh_from_reciprocal_lengths(s, 2.0 * std::numbers::pi * kpoints_per_inv_A);
  if (slab) mesh[2] = 1;
  return mesh;
}

KMesh kmesh_from_vasp_kspacing(const Structure& s, double kspacing_inv_A) {
  if (!(kspacing_inv_A > 0)) throw InputError("KSPACING", "must be > 0 Å⁻¹");
  return mesh_from_reciprocal_lengths(s, 2.0 * std::numbers::pi / kspacing_inv_A);
}

KMesh kmesh_from_vaspkit_spacing(const Structure& s, double vaspkit_spacing) {
  if (!(vaspkit_spacing > 0))
    throw InputError("k-spacing", "must be > 0 (vaspkit units of 2π Å⁻¹)");
  return mesh_from_reciprocal_lengths(s, 1.0 / vaspkit_spacing);
}

}  // namespace fw::slabs
