/// \file test_kmesh.cpp
/// \brief k-meshes from VASP's KSPACING rule, vaspkit's convention and ASE's density rule.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "slabs/fcc.hpp"
#include "slabs/kmesh.hpp"
#include "slabs/oriented.hpp"

using namespace fw::slabs;

TEST(KMesh, VaspKspacingOnPrimitiveFccUsesRecLengthSqrt3OverA) {
  // |b_i| = √3/a for the primitive fcc cell; KSPACING 0.2: 2π·√3/(4.08·0.2) = 13.34 -> 14.
  const Structure s = fcc_bulk("Au", 4.08);
  EXPECT_EQ(kmesh_from_vasp_kspacing(s, 0.2), (KMesh{14, 14, 14}));
  // KSPACING 0.5 (VASP default): 5.33 -> 6.
  EXPECT_EQ(kmesh_from_vasp_kspacing(s, 0.5), (KMesh{6, 6, 6}));
}

TEST(KMesh, VaspkitSpacingIsInUnitsOfTwoPi) {
  // 20.4 Å cube: |b| = 1/20.4 Å⁻¹ (no 2π); 0.049/0.020 = 2.45 -> 3 with VASP's ceiling rule.
  Structure cube = fcc_bulk("Au", 4.08, FccCell::conventional).repeated(5, 5, 5);
  EXPECT_EQ(kmesh_from_vaspkit_spacing(cube, 0.020), (KMesh{3, 3, 3}));
  // The same spacing expressed as a VASP KSPACING (2π·0.020 Å⁻¹) gives the same mesh.
  EXPECT_EQ(kmesh_from_vasp_kspacing(cube, 2 * std::numbers::pi * 0.020), (KMesh{3, 3, 3}));
}

TEST(KMesh, SlabGetsOneKpointAlongTheNormal) {
  OrientedSpec spec;
  spec.hkl = {1, 1, 1};
  spec.layers = 7;
  const Structure slab = slab_with_vacuum(spec, 12.0);
  const KMesh mesh = kmesh_from_density(slab, 5.0, /*slab=*/true);
  EXPECT_EQ(mesh[2], 1);
  // In-plane: |b| = 2/(√3·|a1|) for the hexagonal cell with |a1| = a/√2.
  const double b = 2.0 / (std::sqrt(3.0) * 4.08 / std::sqrt(2.0));
  EXPECT_EQ(mesh[0], static_cast<int>(std::ceil(2 * std::numbers::pi * 5.0 * b)));
}

TEST(KMesh, NonPeriodicAxisGetsOneKpoint) {
  Structure s = fcc_bulk("Au", 4.08, FccCell::conventional);
  s.pbc = {true, true, false};
  EXPECT_EQ(kmesh_from_vasp_kspacing(s, 0.2)[2], 1);
}
