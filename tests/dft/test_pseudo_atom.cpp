/// \file test_pseudo_atom.cpp
/// \brief The screened pseudo-atom solved from a pseudopotential reproduces the generator's
/// all-electron eigenvalues and the file's own pseudo-wavefunctions.
#include "dft/pseudo/pseudo_atom.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "dft/pseudo/radial.hpp"

namespace fw::dft {
namespace {

const std::string kAuOncvPsml = "/usr/share/abinit/psp/79_Au_oncv.psml";
const std::string kAuAtomPsml = "/usr/share/abinit/psp/79_Au_atom.psml";
std::string testing_au_psp8() {
  return "/usr/share/abinit/psp/Au.psp8";
}

#define FW_REQUIRE_FILE(path) \
  if (!std::filesystem::exists(path)) GTEST_FAIL() << path << " missing (Debian abinit-data)"

const PseudoAtomLevel* find_level(const PseudoAtom& atom, const std::string& label) {
  for (const auto& level : atom.levels)
    if (level.label() == label) return &level;
  return nullptr;
}

void print_levels(const std::string& title, const PseudoAtom& atom) {
  std::printf("%s (%d SCF iterations)\n", title.c_str(), atom.scf_iterations);
  for (const auto& level : atom.levels)
    std::printf("  %-3s E = %+.8f Ha  f = %.2f\n", level.label().c_str(), level.energy_hartree,
                level.occupation);
}

TEST(PseudoAtom, OncvGoldEigenvaluesMatchTheAllElectronReference) {
  FW_REQUIRE_FILE(kAuOncvPsml);
  const Pseudopotential psp = read_pseudopotential(kAuOncvPsml);
  const auto start = std::chrono::steady_clock::now();
  const PseudoAtom atom = solve_pseudo_atom(psp);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_levels("79_Au_oncv.psml, screened with the file's density", atom);
  std::printf("  solved in %.3f s\n", seconds);
  // The scalar-relativistic all-electron eigenvalues ONCVPSP printed in the file's input block.
  const std::vector<std::pair<std::string, double>> reference = {
      {"5s", -3.9824911}, {"5p", -2.1969621}, {"5d", -0.25273402}, {"6s", -0.21176023}};
  // The file's density is the one ONCVPSP unscreened with, so screening with it rebuilds the
  // generator's potential: the levels are the reference ones up to numerics (basis < 4e-6 Ha,
  // ONCVPSP's own pseudo-vs-all-electron match ~1e-5 Ha, libxc's PBE vs ONCVPSP's); 5e-5 Ha is
  // that, not the few mHa a non-self-consistent screening could cost elsewhere.
  ASSERT_FALSE(atom.self_consistent);
  for (const auto& [label, energy] : reference) {
    const PseudoAtomLevel* level = find_level(atom, label);
    ASSERT_NE(level, nullptr) << label;
    EXPECT_NEAR(level->energy_hartree, energy, 5e-5) << label;
  }
  EXPECT_DOUBLE_EQ(find_level(atom, "5s")->occupation, 2.0);
  EXPECT_DOUBLE_EQ(find_level(atom, "5p")->occupation, 6.0);
  EXPECT_DOUBLE_EQ(find_level(atom, "5d")->occupation, 10.0);
  EXPECT_DOUBLE_EQ(find_level(atom, "6s")->occupation, 1.0);

  // Self-consistency moves nothing: the file's density is already the reference atom's.
  const PseudoAtom scf = solve_pseudo_atom(psp, PseudoAtomOptions{25.0, 10.0, true});
  print_levels("79_Au_oncv.psml, self-consistent", scf);
  for (const auto& level : atom.levels)
    EXPECT_NEAR(find_level(scf, level.label())->energy_hartree, level.energy_hartree, 1e-5)
        << level.label();
}

TEST(PseudoAtom, Psp8DensityShortOfTheValenceChargeIsIteratedToTheReferenceLevels) {
  // Debian's Au.psp8: ONCVPSP, LDA (PW), the same core radii as 79_Au_oncv.psml; its valence
  // density stops at rlmax = 5 bohr. Screened once, the missing 0.07 e⁻ would bind every level
  // ~12 mHa too deep; iterated, the levels are the LDA all-electron ones its input block gives
  // (ep, 5 decimals) to the same 5e-5 Ha as the PSML file.
  FW_REQUIRE_FILE(testing_au_psp8());
  const PseudoAtom atom = solve_pseudo_atom(read_pseudopotential(testing_au_psp8()));
  print_levels("Au.psp8 (LDA)", atom);
  EXPECT_LT(atom.file_valence_charge, 19.0 - 0.05);
  EXPECT_TRUE(atom.self_consistent);
  EXPECT_LE(atom.scf_iterations, 30);
  const std::vector<std::pair<std::string, double>> reference = {
      {"5s", -3.99750}, {"5p", -2.20719}, {"5d", -0.26150}};
  for (const auto& [label, energy] : reference) {
    const PseudoAtomLevel* level = find_level(atom, label);
    ASSERT_NE(level, nullptr) << label;
    EXPECT_NEAR(level->energy_hartree, energy, 5e-5) << label;
  }
}

TEST(PseudoAtom, EigenvaluesConvergedInSphereRadiusAndBasisSize) {
  FW_REQUIRE_FILE(kAuOncvPsml);
  const Pseudopotential psp = read_pseudopotential(kAuOncvPsml);
  const PseudoAtom atom = solve_pseudo_atom(psp);
  const PseudoAtom converged = solve_pseudo_atom(psp, PseudoAtomOptions{40.0, 20.0, false});
  print_levels("R = 40, q_max = 20", converged);
  for (const auto& level : atom.levels) {
    const PseudoAtomLevel* reference = find_level(converged, level.label());
    ASSERT_NE(reference, nullptr) << level.label();
    EXPECT_NEAR(level.energy_hartree, reference->energy_hartree, 1e-4) << level.label();
    // (measured 3e-6 Ha at most; 1e-4 keeps the mHa promise with room for other files' levels)
  }
}

TEST(PseudoAtom, AtomGoldOrbitalsOverlapTheFilesPseudoWavefunctions) {
  FW_REQUIRE_FILE(kAuAtomPsml);
  Pseudopotential psp = read_pseudopotential(kAuAtomPsml);
  ASSERT_FALSE(psp.orbitals.empty());  // 5d 6s 6p (the 5f placeholder is left out)
  const PseudoAtom atom = solve_pseudo_atom(psp);
  print_levels("79_Au_atom.psml", atom);
  // ATOM's "car" adds the relativistic correction to LDA exchange, which the PSML file labels
  // plain XC_LDA_X: screened with libxc's LDA_X_REL the levels are ATOM's to 1e-5 Ha; with the
  // file's label (what the SCF uses) the compact 5d sits 1.2e-4 Ha deeper.
  Pseudopotential relativistic = psp;
  relativistic.functional.libxc_ids = {532, 9};
  const PseudoAtom rel = solve_pseudo_atom(relativistic);
  print_levels("79_Au_atom.psml with LDA_X_REL", rel);
  for (const AtomicOrbital& file : psp.orbitals) {
    const PseudoAtomLevel* level = find_level(atom, file.label);
    ASSERT_NE(level, nullptr) << file.label;
    std::vector<double> product(psp.n_points());
    for (std::size_t k = 0; k < product.size(); ++k) product[k] = file.r_phi[k] * level->r_phi[k];
    const double overlap = radial_integral(psp, product);
    std::printf("  %s: <solved|file> = %.8f, E solved %+.8f file %+.8f\n", file.label.c_str(),
                overlap, level->energy_hartree, file.energy_hartree.value_or(0.0));
    // The same state up to the grid and basis: 1 − 5e-7 measured on 6p, 1 − 1e-8 on 5d and 6s.
    EXPECT_GT(overlap, 1.0 - 1e-5) << file.label;
    ASSERT_TRUE(file.energy_hartree.has_value());
    EXPECT_NEAR(level->energy_hartree, *file.energy_hartree, 2e-4) << file.label;
    EXPECT_NEAR(find_level(rel, file.label)->energy_hartree, *file.energy_hartree, 1e-5)
        << file.label;
  }
}

TEST(PseudoAtom, StartingOrbitalsAreTheValenceShellsAndTheNextBoundOnePerL) {
  FW_REQUIRE_FILE(kAuOncvPsml);
  const auto orbitals = starting_orbitals(solve_pseudo_atom(read_pseudopotential(kAuOncvPsml)));
  std::vector<std::string> labels;
  for (const auto& o : orbitals) labels.push_back(o.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"5s", "5p", "5d", "6s", "6p"}));
}

}  // namespace
}  // namespace fw::dft
