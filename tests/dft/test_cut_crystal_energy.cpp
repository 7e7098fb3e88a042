/// \file test_cut_crystal_energy.cpp
/// \brief `--method cut-crystal` with the native solver: the cut partitions the crystal, the
/// crystal is the same cube for every facet (so its SCF is shared), a size that does not fit is
/// refused before any SCF, and a tiny cut crystal gives a positive E_dis with two equal halves.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/error.hpp"
#include "dft/facet/cut_crystal_energy.hpp"
#include "dft/settings.hpp"

namespace fw::dft {
namespace {

/// HGH Au with one valence electron (abinit-data): 20 bands for 32 atoms, so a 2×2×2 cut crystal
/// costs seconds. Crude for gold, but the cut-crystal bookkeeping does not care.
const std::string kAuOneElectronHgh = "/usr/share/abinit/psp/79au.1.hgh";

TEST(CutCrystal, PartsPartitionTheCrystalWhichIsTheSameCubeForEveryFacet) {
  const auto c100 = cut_crystal_cells("Au", 4.08, {1, 0, 0}, 2, 6.0);
  for (const slabs::Miller& hkl : {slabs::Miller{1, 1, 0}, slabs::Miller{1, 1, 1}}) {
    const auto c = cut_crystal_cells("Au", 4.08, hkl, 2, 6.0);
    EXPECT_EQ(c.part1.size() + c.part2.size(), c.crystal.size());
    EXPECT_GT(c.part1.size(), 0u);
    EXPECT_GT(c.part2.size(), 0u);
    ASSERT_EQ(c.crystal.size(), c100.crystal.size());
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) EXPECT_DOUBLE_EQ(c.crystal.cell[i][j], c100.crystal.cell[i][j]);
    for (std::size_t a = 0; a < c.crystal.size(); ++a)
      EXPECT_LT(norm(c.crystal.atoms[a].position - c100.crystal.atoms[a].position), 1e-12);
  }
  EXPECT_EQ(c100.crystal.size(), 32u);
  EXPECT_EQ(c100.part1.size(), 16u);
  EXPECT_NEAR(c100.cut_area_A2, 8.16 * 8.16, 1e-9);  // the (100) cut of the 2a cube: (2a)²
}

TEST(CutCrystal, ASizeThatDoesNotFitIsRefusedBeforeAnySCFNamingCells) {
  if (!std::filesystem::exists(kAuOneElectronHgh)) GTEST_FAIL() << kAuOneElectronHgh << " missing";
  const Pseudopotential psp = read_pseudopotential(kAuOneElectronHgh);
  ScfSettings scf = facet_settings_table().defaults().scf;
  scf.ecut_hartree = 60.0;
  const auto big = cut_crystal_cells("Au", 4.08, {1, 0, 0}, 12, 20.0);  // 6912 atoms
  try {
    check_cut_crystal_fits(big, psp, scf);
    FAIL() << "a 6912-atom cut crystal at 60 Ha was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--cells"), std::string::npos) << e.what();
  }
  scf.ecut_hartree = 5.0;
  const auto small = cut_crystal_cells("Au", 4.08, {1, 0, 0}, 2, 3.0);
  EXPECT_NE(check_cut_crystal_fits(small, psp, scf).find("32 atoms (16 + 16)"), std::string::npos);
}

TEST(CutCrystal, TinyAu100CutCostsEnergyAndItsTwoHalvesAreEqual) {
  if (!std::filesystem::exists(kAuOneElectronHgh)) GTEST_FAIL() << kAuOneElectronHgh << " missing";
  const Pseudopotential psp = read_pseudopotential(kAuOneElectronHgh);
  ScfSettings scf = facet_settings_table().defaults().scf;
  scf.ecut_hartree = 4.0;
  const DftCutCrystalResult r = dft_cut_crystal_energy(psp, {1, 0, 0}, "Au", 4.08, 2, 3.0, scf);
  ASSERT_TRUE(r.entry.converged);
  EXPECT_EQ(r.entry.method, "cut-crystal");
  EXPECT_EQ(r.atoms_part1 + r.atoms_part2, r.atoms_crystal);
  // The two (100) halves are the same 16 atoms translated by a along the cut normal: two
  // separate SCFs on different atoms must give one energy (up to the grid's egg-box effect).
  EXPECT_NEAR(r.part1.energy_eV, r.part2.energy_eV, 1e-4);
  EXPECT_NEAR(r.part1.free_energy_eV, r.part2.free_energy_eV, 1e-4);
  // Cutting bonds costs energy.
  EXPECT_GT(r.entry.e_dis_eV_per_A2, 0.0);
  EXPECT_GT(r.e_dis_free_energy_eV_per_A2, 0.0);
  EXPECT_NEAR(r.entry.e_dis_eV_per_A2 * r.entry.area_A2,
              r.part1.energy_eV + r.part2.energy_eV - r.crystal.energy_eV, 1e-9);
}

}  // namespace
}  // namespace fw::dft
