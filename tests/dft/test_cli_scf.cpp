/// \file test_cli_scf.cpp
/// \brief `facetweld scf` end to end: JSON keys, bad input exit codes, checkpoint and --restart.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dft_test_support.hpp"
#include "tests/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

/// `facetweld scf ARGS` run in the test's folder `dir`.
fw::test::CommandResult run(const std::string& args, const fs::path& dir) {
  return fw::test::run_facetweld("scf " + args, dir);
}

fs::path make_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("fw_scf_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_poscar(const fs::path& path, double second_atom_A = -1.0) {
  std::ofstream out(path);
  out << "Au\n1.0\n0.0 2.04 2.04\n2.04 0.0 2.04\n2.04 2.04 0.0\nAu\n"
      << (second_atom_A > 0 ? 2 : 1) << "\nCartesian\n0 0 0\n";
  if (second_atom_A > 0) out << second_atom_A << " 0 0\n";
}

const std::string kCheap =
    " --xc pbe --ecut 12Ha --kpts 2x2x2 --smearing fermi-dirac:0.01Ha --threads 1";

TEST(CliScf, WritesJsonWithEnergiesUnitsAndInputs) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("json");
  write_poscar(dir / "bulk.vasp");
  const auto r =
      run("--structure " + (dir / "bulk.vasp").string() + " --psp " + fw::dft::testing::kAuPsp8 +
              kCheap + " --json " + (dir / "out.json").string(),
          dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream in(dir / "out.json");
  const auto j = nlohmann::json::parse(in);
  for (const char* key : {"energy_eV", "free_energy_eV", "energy_per_atom_eV", "fermi_eV",
                          "converged", "scf_iterations", "forces_eV_per_A", "n_plane_waves",
                          "fft_grid", "n_kpoints_irreducible", "wall_s", "settings", "code_version",
                          "real_wavefunctions_at_gamma", "starting_atomic_orbital_bands"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_TRUE(j["converged"].get<bool>());
  EXPECT_TRUE(j["real_wavefunctions_at_gamma"].get<bool>());  // Γ is one of the three k-points
  // Au.psp8 carries no orbitals: 5s 5p 5d 6s 6p solved from its pseudopotential, 13 of 14 bands.
  EXPECT_EQ(j["starting_atomic_orbital_bands"].get<int>(), 13);
  EXPECT_NE(r.output.find("pseudo-atomic orbitals solved from the pseudopotential"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(j["settings"]["ecut_Ha"].get<double>(), 12.0);
  EXPECT_EQ(j["n_kpoints_irreducible"].get<int>(), 3);  // Γ-centred 2x2x2 on fcc: Γ, L, X
  EXPECT_NEAR(j["free_energy_eV"].get<double>(),
              j["free_energy_Ha"].get<double>() * 27.211386245988, 1e-6);
  EXPECT_EQ(j["fft_grid"].size(), 3u);
  EXPECT_LE(j["free_energy_eV"].get<double>(),
            j["energy_eV"].get<double>());  // −TS <= 0 (Fermi–Dirac)
}

TEST(CliScf, HelpSaysBooleansAreFlagsWithoutAValue) {
  const auto dir = make_dir("help");
  const auto help = run("--help", dir);
  ASSERT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("[flag: --real-gamma or --no-real-gamma, no value; default "
                             "--real-gamma]"),
            std::string::npos)
      << help.output;
  // What the help says not to do is refused, naming the stray value.
  const auto r = run("--structure x.vasp --real-gamma yes", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("yes"), std::string::npos) << r.output;
}

TEST(CliScf, BadInputGivesOneLineAndExitCode2) {
  const auto dir = make_dir("bad");
  write_poscar(dir / "bulk.vasp");
  auto r = run("--structure " + (dir / "bulk.vasp").string() + " --psp " +
                   (dir / "missing.psp8").string() + kCheap,
               dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("missing.psp8"), std::string::npos) << r.output;
  FW_REQUIRE_AU_PSP8();
  write_poscar(dir / "close.vasp", 0.3);
  r = run("--structure " + (dir / "close.vasp").string() + " --psp " + fw::dft::testing::kAuPsp8 +
              kCheap,
          dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("overlap: 0.3 Å apart, closer than 1.36 Å"), std::string::npos)
      << r.output;
  r = run("--structure " + (dir / "bulk.vasp").string() + " --psp " + fw::dft::testing::kAuPsp8 +
              kCheap + " --ecut 30kJ",
          dir);
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliScf, UnconvergedRunIsFlaggedAndRestartContinuesFromTheCheckpoint) {
  FW_REQUIRE_AU_PSP8();
  const auto dir = make_dir("restart");
  write_poscar(dir / "bulk.vasp");
  const std::string base = "--structure " + (dir / "bulk.vasp").string() + " --psp " +
                           fw::dft::testing::kAuPsp8 + kCheap + " --checkpoint " +
                           (dir / "scf.chk").string();
  auto r = run(base + " --max-steps 3 --json " + (dir / "first.json").string(), dir);
  EXPECT_NE(r.exit_code, 0);
  std::ifstream first(dir / "first.json");
  EXPECT_FALSE(nlohmann::json::parse(first)["converged"].get<bool>());
  ASSERT_TRUE(fs::exists(dir / "scf.chk"));
  r = run(base + " --restart --json " + (dir / "second.json").string(), dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("restarted"), std::string::npos);
  std::ifstream second(dir / "second.json");
  const auto j2 = nlohmann::json::parse(second);
  r = run("--structure " + (dir / "bulk.vasp").string() + " --psp " + fw::dft::testing::kAuPsp8 +
              kCheap + " --json " + (dir / "fresh.json").string(),
          dir);
  std::ifstream fresh(dir / "fresh.json");
  const auto j3 = nlohmann::json::parse(fresh);
  EXPECT_NEAR(j2["free_energy_eV"].get<double>(), j3["free_energy_eV"].get<double>(), 1e-5);
}

}  // namespace
