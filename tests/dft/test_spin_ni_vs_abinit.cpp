/// \file test_spin_ni_vs_abinit.cpp
/// \brief Ferromagnetic bulk fcc Ni (collinear spin) against ABINIT 9.6.2 on the same
/// pseudopotential, cell, cut-off, k-mesh and smearing (tests/data/dft/ni_spin/).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {
namespace {

/// ABINIT's acell for 3.524 Å (its Bohr radius 0.52917720859 Å).
constexpr double kNiLatticeBohr = 6.659394892;

nlohmann::json abinit_reference(const std::string& run) {
  std::ifstream in(FACETWELD_SOURCE_DIR "/tests/data/dft/ni_spin/abinit_ni_spin.json");
  return nlohmann::json::parse(in).at("runs").at(run);
}

/// ni_*.abi: one atom, PBE from the file, 40 Ha, Γ-centred 8×8×8, Gaussian 0.01 Ha, 14 bands,
/// nsppol 2 with spinat 0.6 (`spin`), or nsppol 1.
ScfResult run_ni(const std::string& psp_path, bool spin) {
  Crystal c;
  const double h = kNiLatticeBohr / 2;
  c.cell_bohr = Mat3{{Vec3{0, h, h}, Vec3{h, 0, h}, Vec3{h, h, 0}}};
  c.positions_frac = {Vec3{0, 0, 0}};
  c.species_of_atom = {0};
  c.species.push_back(read_pseudopotential(psp_path));
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 40.0;
  s.kpoint_mesh = {8, 8, 8};
  s.smearing = Smearing{SmearingKind::kGaussian, 0.01};
  s.n_bands = 14;
  s.energy_tolerance_hartree = 1e-10;
  s.density_tolerance = 1e-7;
  if (spin) {
    s.n_spin = 2;
    s.starting_moments = {{"Ni", 0.6}};
  }
  s.compute_forces = true;
  s.threads = 1;
  return run_scf(c, s);
}

/// Both runs against ABINIT's. Absolute free energies to 1e-5 Ha (docs/dft.md: on these Ni files
/// the unpolarised code is 4e-6 Ha above ABINIT, the same in both spin states); the magnetic
/// energy F(spin) − F(unpolarised), where that offset cancels, to 1e-8 Ha (measured 6e-11); the
/// moment to 1e-4 μB (the issue asks 0.01; measured 1e-6); the Fermi level to 2e-5 Ha.
void expect_abinit(const std::string& psp, const nlohmann::json& ref) {
  const ScfResult spin = run_ni(psp, true), plain = run_ni(psp, false);
  ASSERT_TRUE(spin.converged);
  ASSERT_TRUE(plain.converged);
  EXPECT_EQ(spin.kpoints.size(), 29u);
  const auto& ref_plain = ref.at("unpolarised");
  EXPECT_NEAR(spin.free_energy_hartree, ref.at("etotal_Ha").get<double>(), 1e-5);
  EXPECT_NEAR(plain.free_energy_hartree, ref_plain.at("etotal_Ha").get<double>(), 1e-5);
  EXPECT_NEAR(spin.free_energy_hartree - plain.free_energy_hartree,
              ref.at("etotal_Ha").get<double>() - ref_plain.at("etotal_Ha").get<double>(), 1e-8);
  EXPECT_NEAR(spin.energies.minus_kt_entropy, ref.at("minus_kT_entropy_Ha").get<double>(), 1e-6);
  EXPECT_NEAR(spin.magnetization.total_muB, ref.at("total_magnetization_muB").get<double>(), 1e-4);
  EXPECT_GE(spin.magnetization.absolute_muB, spin.magnetization.total_muB);
  EXPECT_NEAR(spin.fermi_hartree, ref.at("fermi_Ha").get<double>(), 2e-5);
  // One atom at an inversion centre: no force, spin or not.
  ASSERT_EQ(spin.forces_hartree_per_bohr.size(), 1u);
  EXPECT_NEAR(norm(spin.forces_hartree_per_bohr[0]), 0.0, 1e-8);
  std::printf(
      "Ni spin: F %.10f Ha (ABINIT %.10f), unpolarised %.10f (ABINIT %.10f), M %.5f muB "
      "(ABINIT %.6f), |M| %.5f, fermi %.7f Ha\n",
      spin.free_energy_hartree, ref.at("etotal_Ha").get<double>(), plain.free_energy_hartree,
      ref_plain.at("etotal_Ha").get<double>(), spin.magnetization.total_muB,
      ref.at("total_magnetization_muB").get<double>(), spin.magnetization.absolute_muB,
      spin.fermi_hartree);
}

TEST(ScfSpinNi, PseudoDojoPbeNiMatchesAbinitEnergyAndMoment) {
  const std::string psp =
      FACETWELD_SOURCE_DIR "/data/dft/Ni_pseudodojo04_pbe_sr_standard_oncvpsp401.psp8";
  ASSERT_TRUE(std::filesystem::exists(psp)) << psp;
  expect_abinit(psp, abinit_reference("dojo"));
}

TEST(ScfSpinNi, DebianNiPsp8MatchesAbinitEnergyAndMoment) {
  const std::string psp = "/usr/share/abinit/psp/Ni-psval-icmod3.psp8";
  ASSERT_TRUE(std::filesystem::exists(psp)) << psp << ": tools/setup.sh installs abinit-data";
  expect_abinit(psp, abinit_reference("debian"));
}

}  // namespace
}  // namespace fw::dft
