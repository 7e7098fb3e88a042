/// \file test_kpoints_tilted_cell.cpp
/// \brief A tilted cell with a non-uniform mesh: only the rotations that keep the mesh reduce it,
/// and the reduced SCF gives the energy of the full mesh.
#include <gtest/gtest.h>

#include <algorithm>

#include "dft/basis/fft_grid.hpp"
#include "dft/basis/kpoints.hpp"
#include "dft/facet_energy.hpp"
#include "dft/settings.hpp"
#include "dft/structure_adapter.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

/// The one-layer oriented (111) cell (a1, a2, t): a primitive fcc cell with the stacking vector
/// tilted against the surface plane, as the facet bulk reference uses it.
slabs::Structure tilted_au111_cell() {
  DftFacetSettings s = facet_settings_table().defaults();
  s.element = "Au";
  s.a_A = 4.08;
  return one_layer_cell(s, {1, 1, 1});
}

TEST(KPointsTiltedCell, OnlyRotationsThatKeepTheMeshReduceIt) {
  FW_REQUIRE_AU_PSP8();
  const Pseudopotential psp = read_pseudopotential(testing::kAuPsp8);
  const Crystal c = crystal_from_structure(tilted_au111_cell(), {{"Au", psp}}, "test");
  const auto ops = grid_compatible_symmetry(c, choose_fft_grid(c.cell_bohr, 10.0), true);
  ASSERT_EQ(ops.size(), 48u);
  // A uniform mesh of a primitive fcc basis is kept by the whole point group ...
  EXPECT_EQ(mesh_preserving_symmetry(ops, {4, 4, 4}, {0, 0, 0}).size(), 48u);
  // ... a mesh denser along the tilted axis only by the rotations that keep that axis apart.
  const auto kept = mesh_preserving_symmetry(ops, {3, 3, 5}, {0, 0, 0});
  EXPECT_LT(kept.size(), 48u);
  EXPECT_GE(kept.size(), 2u);
  // The kept operations form a group: closed under composition.
  for (const auto& p : kept)
    for (const auto& q : kept) {
      std::array<std::array<int, 3>, 3> pq{};
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          for (int k = 0; k < 3; ++k) pq[i][j] += p.rotation[i][k] * q.rotation[k][j];
      EXPECT_TRUE(std::any_of(kept.begin(), kept.end(),
                              [&](const SymmetryOperation& o) { return o.rotation == pq; }));
    }
}

TEST(KPointsTiltedCell, ReducedMeshGivesTheFullMeshEnergy) {
  FW_REQUIRE_AU_PSP8();
  const Pseudopotential psp = read_pseudopotential(testing::kAuPsp8);
  const Crystal c = crystal_from_structure(tilted_au111_cell(), {{"Au", psp}}, "test");
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 10.0;
  s.kpoint_mesh = {3, 3, 5};
  s.compute_forces = false;
  s.energy_tolerance_hartree = 1e-10;
  s.density_tolerance = 1e-7;
  s.use_symmetry = true;
  const ScfResult reduced = run_scf(c, s);
  s.use_symmetry = false;  // time reversal only: every k of the mesh
  const ScfResult full = run_scf(c, s);
  ASSERT_TRUE(reduced.converged && full.converged);
  EXPECT_LT(reduced.kpoints.size(), full.kpoints.size());
  EXPECT_NEAR(reduced.free_energy_hartree, full.free_energy_hartree, 1e-8);
}

}  // namespace
}  // namespace fw::dft
