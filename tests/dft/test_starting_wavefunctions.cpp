/// \file test_starting_wavefunctions.cpp
/// \brief The SCF started from the pseudopotential file's pseudo-atomic orbitals reaches the energy
/// of the random start, with the orbitals in the first bands; files without orbitals start from
/// orbitals solved from their pseudopotential.
#include <gtest/gtest.h>

#include <filesystem>

#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

const std::string kAuAtomPsml = "/usr/share/abinit/psp/79_Au_atom.psml";

/// The file's own functional (no --xc), 12 Ha, 2x2x2.
ScfSettings au_settings(const std::string& start) {
  ScfSettings s = testing::small_pbe_settings(12.0, {2, 2, 2}, 1e-10);
  s.xc_libxc_ids.clear();
  s.starting_wavefunctions = start;
  return s;
}

TEST(StartingWavefunctions, AtomicOrbitalsReachTheRandomStartsEnergy) {
  if (!std::filesystem::exists(kAuAtomPsml)) GTEST_FAIL() << kAuAtomPsml << " missing";
  Crystal crystal = testing::fcc_au_primitive();
  crystal.species = {read_pseudopotential(kAuAtomPsml)};  // 11 electrons, 5d 6s 6p orbitals
  const ScfResult atomic = run_scf(crystal, au_settings("atomic"));
  const ScfResult random = run_scf(crystal, au_settings("random"));
  ASSERT_TRUE(atomic.converged);
  ASSERT_TRUE(random.converged);
  // 5d (5) + 6s (1) + 6p (3) = 9 orbitals, fewer than the default bands (5.5 + 4 → 9 or 10).
  EXPECT_EQ(atomic.atomic_orbital_bands, std::min(9, atomic.n_bands));
  EXPECT_EQ(random.atomic_orbital_bands, 0);
  EXPECT_NEAR(atomic.free_energy_hartree, random.free_energy_hartree, 1e-8);
  for (std::size_t k = 0; k < random.kpoints.size(); ++k)
    for (std::size_t b = 0; b + 1 < random.eigenvalues_hartree[k].size(); ++b)
      EXPECT_NEAR(atomic.eigenvalues_hartree[k][b], random.eigenvalues_hartree[k][b], 1e-6);
}

TEST(StartingWavefunctions, FileWithoutOrbitalsStartsFromSolvedOrbitalsAtTheRandomStartsEnergy) {
  FW_REQUIRE_AU_PSP8();
  // Au.psp8 carries no orbitals: they are solved from its pseudopotential (dft/pseudo/pseudo_atom).
  const Crystal crystal = testing::fcc_au_primitive();
  const ScfResult solved = run_scf(crystal, au_settings("atomic"));
  const ScfResult random = run_scf(crystal, au_settings("random"));
  ASSERT_TRUE(solved.converged);
  ASSERT_TRUE(random.converged);
  // 5s (1) + 5p (3) + 5d (5) + 6s (1) + 6p (3) = 13 orbitals, within the 14 default bands.
  EXPECT_EQ(solved.atomic_orbital_bands, std::min(13, solved.n_bands));
  EXPECT_NEAR(solved.free_energy_hartree, random.free_energy_hartree, 1e-8);
  for (std::size_t k = 0; k < random.kpoints.size(); ++k)
    for (std::size_t b = 0; b + 1 < random.eigenvalues_hartree[k].size(); ++b)
      EXPECT_NEAR(solved.eigenvalues_hartree[k][b], random.eigenvalues_hartree[k][b], 1e-6);
}

}  // namespace
}  // namespace fw::dft
