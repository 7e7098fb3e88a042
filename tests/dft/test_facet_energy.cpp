/// \file test_facet_energy.cpp
/// \brief Slab-method E_dis with the native solver: k-mesh folding into the one-layer cell, the
/// folded bulk equal to the N-layer bulk, and E_dis of a cheap Au(100) cell against ABINIT 9.6.2.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "core/units.hpp"
#include "dft/basis/fft_grid.hpp"
#include "dft/facet_energy.hpp"
#include "dft/settings.hpp"
#include "dft/structure_adapter.hpp"
#include "dft_test_support.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {
namespace {

/// The cells of tests/data/dft/edis_au100/*.abi: Au(100), 3 layers, 6 Å gap, ecut 12 Ha, FD 0.01
/// Ha, slab 4x4x1, bulk 4x4x2 on the 3-layer cell, PBE forced on the LDA-generated Au.psp8.
DftFacetSettings cheap_au100() {
  const auto& table = facet_settings_table();
  DftFacetSettings s = table.defaults();
  s.element = "Au";
  s.a_A = 4.08;
  s.pseudopotential = testing::kAuPsp8;
  s.layers = 3;
  s.vacuum_A = 6.0;
  s.kpts = {4, 4, 1};
  s.kpts_bulk = {4, 4, 2};
  table.set_text(s, "xc", "pbe", "test");
  table.set_text(s, "smearing", "fermi-dirac:0.01Ha", "test");
  s.scf.ecut_hartree = 12.0;
  s.scf.energy_tolerance_hartree = 1e-10;
  s.scf.density_tolerance = 1e-6;
  s.scf.max_iterations = 100;
  return s;
}

nlohmann::json abinit_reference() {
  std::ifstream in(FACETWELD_SOURCE_DIR "/tests/data/dft/edis_au100/abinit_reference.json");
  return nlohmann::json::parse(in);
}

TEST(FacetMeshes, NLayerMeshFoldsIntoTheOneLayerCellAlongTheStackingAxis) {
  DftFacetSettings s = cheap_au100();
  for (const auto& hkl : {slabs::Miller{1, 0, 0}, slabs::Miller{1, 1, 0}, slabs::Miller{1, 1, 1}}) {
    const auto plane = slabs::fcc_plane_geometry(s.a_A, hkl);
    // The premise of the folding: the N-layer cell is (a1, a2, N·t) of the one-layer cell, and
    // it holds the same lattice sites as the oriented bulk of N layers.
    const auto one = one_layer_cell(s, plane.hkl);
    const auto three = stacked_bulk_cell(s, plane.hkl);
    const auto oriented = slabs::oriented_bulk({"Au", s.a_A, plane.hkl, 3, 1, 1});
    ASSERT_EQ(three.size(), 3u);
    for (int d = 0; d < 3; ++d) {
      EXPECT_NEAR(three.cell[0][d], one.cell[0][d], 1e-12);
      EXPECT_NEAR(three.cell[1][d], one.cell[1][d], 1e-12);
      EXPECT_NEAR(three.cell[2][d], 3.0 * one.cell[2][d], 1e-12);
    }
    EXPECT_NEAR(std::abs(determinant(three.cell)), std::abs(determinant(oriented.cell)), 1e-9);
    const Vec3 c_frac = three.fractional(oriented.cell[2]);  // a lattice vector of `three`
    for (int d = 0; d < 3; ++d) EXPECT_NEAR(c_frac[d], std::round(c_frac[d]), 1e-9);
    const FacetMeshes m = facet_meshes(plane, s);
    EXPECT_EQ(m.slab, (std::array<int, 3>{4, 4, 1}));
    EXPECT_EQ(m.bulk_supercell, (std::array<int, 3>{4, 4, 2}));
    EXPECT_EQ(m.bulk_primitive, (std::array<int, 3>{4, 4, 6}));
  }
  // Automatic kz: the in-plane density n/|b1| applied to |b3| of the N-layer cell.
  s.kpts_bulk = {0, 0, 0};
  s.layers = 5;
  s.kpts = {6, 6, 1};
  const auto plane = slabs::fcc_plane_geometry(s.a_A, {1, 0, 0});
  const auto bulk = stacked_bulk_cell(s, plane.hkl);
  const Mat3 b = reciprocal_rows(bulk.cell);
  const int kz = static_cast<int>(std::ceil(6.0 / norm(b[0]) * norm(b[2]) - 1e-8));
  EXPECT_EQ(facet_meshes(plane, s).bulk_supercell, (std::array<int, 3>{6, 6, kz}));
  EXPECT_EQ(facet_meshes(plane, s).bulk_primitive, (std::array<int, 3>{6, 6, 5 * kz}));
}

TEST(FacetEnergy, BulkInTheOneLayerCellWithTheFoldedMeshEqualsTheNLayerCell) {
  FW_REQUIRE_AU_PSP8();
  const DftFacetSettings s = cheap_au100();
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);
  const auto plane = slabs::fcc_plane_geometry(s.a_A, {1, 0, 0});
  const auto one = one_layer_cell(s, plane.hkl);
  const auto three = stacked_bulk_cell(s, plane.hkl);
  // Commensurate FFT grids (the 3-layer grid is the 1-layer grid stacked 3 times): the same
  // plane waves and the same real-space points, so the energies must agree to SCF precision.
  const auto g = choose_fft_grid(crystal_from_structure(one, {{"Au", psp}}, "1-layer").cell_bohr,
                                 s.scf.ecut_hartree)
                     .n;
  CellRunOptions grid1, grid3;
  grid1.fft_grid = g;
  grid3.fft_grid = std::array<int, 3>{g[0], g[1], 3 * g[2]};
  const CellEnergy e1 = run_cell_energy(one, psp, s.scf, {4, 4, 6}, "1-layer", {}, grid1);
  const CellEnergy e3 = run_cell_energy(three, psp, s.scf, {4, 4, 2}, "3-layer", {}, grid3);
  ASSERT_TRUE(e1.converged && e3.converged);
  EXPECT_NEAR(e1.free_energy_eV, e3.free_energy_eV / 3.0, 2e-6);
  EXPECT_NEAR(e1.energy_eV, e3.energy_eV / 3.0, 2e-6);
}

TEST(FacetEnergy, EDisOfACheapAu100CellAgreesWithAbinit) {
  FW_REQUIRE_AU_PSP8();
  const nlohmann::json ref = abinit_reference();
  const DftFacetSettings s = cheap_au100();
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);
  const DftFacetResult r = dft_facet_energy(psp, {1, 0, 0}, s);
  ASSERT_TRUE(r.entry.converged);
  EXPECT_EQ(r.bulk_cell, "primitive");

  // Absolute energies: per atom within 1 meV of ABINIT's on the same cells.
  const double slab_f = units::hartree_to_eV(ref["slab"]["etotal_Ha"].get<double>());
  const double bulk_f = units::hartree_to_eV(ref["bulk_primitive"]["etotal_Ha"].get<double>());
  EXPECT_NEAR(r.slab.free_energy_eV / 3.0, slab_f / 3.0, 1e-3);
  EXPECT_NEAR(r.bulk.free_energy_eV, bulk_f, 1e-3);

  // E_dis within 1 % (docs: DESIGN numerical anchors), from F and from E(σ→0).
  const double area = r.entry.area_A2;
  const double e_dis_f = (slab_f - 3.0 * bulk_f) / area;
  const double e_dis_0 =
      (units::hartree_to_eV(ref["slab"]["energy_sigma0_Ha"].get<double>()) -
       3.0 * units::hartree_to_eV(ref["bulk_primitive"]["energy_sigma0_Ha"].get<double>())) /
      area;
  EXPECT_NEAR(r.e_dis_free_energy_eV_per_A2, e_dis_f, 0.01 * std::abs(e_dis_f));
  EXPECT_NEAR(r.entry.e_dis_eV_per_A2, e_dis_0, 0.01 * std::abs(e_dis_0));
  EXPECT_GT(r.entry.e_dis_eV_per_A2, 0.0);

  const nlohmann::json j = to_json(r);
  EXPECT_EQ(j.at("scf_steps_slab").get<int>(), r.slab.scf_steps);
  EXPECT_GT(j.at("scf_steps_bulk").get<int>(), 0);
  EXPECT_DOUBLE_EQ(j.at("e_dis_free_energy_eV_per_A2").get<double>(),
                   r.e_dis_free_energy_eV_per_A2);
}

}  // namespace
}  // namespace fw::dft
