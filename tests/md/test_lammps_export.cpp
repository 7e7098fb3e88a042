/// \file test_lammps_export.cpp
/// \brief The exported LAMMPS deck reproduces our run, and the Au–C Lennard-Jones substrate
/// coupling matches LAMMPS's `pair_style hybrid eam lj/cut`.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "md/apps/graphene.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/lennard_jones.hpp"
#include "md/engine/velocities.hpp"
#include "md/formats/lammps_input.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

namespace fs = std::filesystem;

/// Last thermo row of a LAMMPS log: step time temp pe ke etotal press.
std::vector<double> last_thermo_row(const fs::path& log) {
  std::ifstream in(log);
  std::string line;
  std::vector<double> last;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("Loop time", 0) == 0) in_table = false;
    if (in_table) {
      std::istringstream w(line);
      std::vector<double> row;
      for (double v; w >> v;) row.push_back(v);
      if (row.size() == 7) last = row;
    }
    if (line.find("Step") != std::string::npos && line.find("PotEng") != std::string::npos)
      in_table = true;
  }
  return last;
}

class LammpsExport : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::have_lammps()) GTEST_FAIL() << "lmp or lammps-data not installed";
  }
};

TEST_F(LammpsExport, ExportedNveDeckReproducesOurEnergies) {
  System s = test::fcc_crystal(3, 3, 3);
  s.frozen[0] = 1;  // exercise the frozen group
  assign_maxwell_boltzmann(s, 300.0, 21);
  LammpsDeckSpec spec;
  spec.mode = "nve";
  spec.steps = 300;
  spec.thermo_every = 300;
  spec.dump_every = 0;
  spec.eam_file = test::kAuU3;
  const fs::path dir = fs::temp_directory_path() / "facetweld_md_export_nve";
  write_lammps_deck(dir, s, spec);
  ASSERT_EQ(
      std::system(
          ("cd '" + dir.string() + "' && lmp -in in.lammps -log log.lammps -screen none").c_str()),
      0);
  const auto row = last_thermo_row(dir / "log.lammps");
  ASSERT_EQ(row.size(), 7u);

  ForceField field(1.0);
  field.add(
      std::make_unique<EamForce>(std::make_shared<EamPotential>(EamPotential::read(test::kAuU3))));
  DynamicsSettings settings;
  settings.steps = 300;
  const ThermoState ours = run_dynamics(s, field, nullptr, settings, {});
  const double n = static_cast<double>(s.size());
  std::cout << "[ export   ] after 300 steps: dPE/atom " << (ours.potential_eV - row[3]) / n
            << " eV, dT " << ours.temperature_K - row[2] << " K\n";
  EXPECT_NEAR(ours.potential_eV / n, row[3] / n, 1e-7);
  EXPECT_NEAR(ours.total_eV / n, row[5] / n, 1e-7);
  EXPECT_NEAR(ours.temperature_K, row[2], 1e-3);
}

TEST_F(LammpsExport, GoldClusterOnGrapheneLjForcesMatchLammpsHybrid) {
  System s = test::fcc_crystal(2, 2, 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    s.x[3 * i] += 5.0;
    s.x[3 * i + 1] += 5.0;
    s.x[3 * i + 2] += 3.2;
  }
  s.cell = Mat3::diagonal(24.0, 24.0, 20.0);
  s.pbc = {false, false, false};
  const std::size_t carbons = add_graphene_sheet(s, 0.0, 0.0, 20.0, 20.0, 0.0);
  ASSERT_GT(carbons, 100u);
  test::perturb(s, 0.02, 6);

  ForceField field(1.0);
  field.add(
      std::make_unique<EamForce>(std::make_shared<EamPotential>(EamPotential::read(test::kAuU3))));
  const LjPair au_c = default_au_c_pair();
  field.add(std::make_unique<LennardJonesForce>(std::vector<LjPair>{au_c}, 10.0));
  System ours = s;
  const ForceResult r = field.compute(ours);

  std::ostringstream pair;
  pair << "pair_style hybrid eam lj/cut 10.0\npair_coeff 1 1 eam " << test::kAuU3
       << "\npair_coeff 1 2 lj/cut " << au_c.epsilon_eV << " " << au_c.sigma_A
       << "\npair_coeff 2 2 none";
  const auto lammps =
      test::run_lammps_static(s, pair.str(), fs::temp_directory_path() / "facetweld_md_lj");
  EXPECT_NEAR(r.energy_eV, lammps.energy_eV, 1e-8 * std::abs(lammps.energy_eV));
  double max_df = 0.0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    max_df = std::max(
        max_df, norm(ours.force(i) - lammps.forces_eV_per_A[static_cast<std::size_t>(ours.id[i])]));
  }
  EXPECT_LT(max_df, 1e-8);

  // The exported substrate deck (AIREBO for C–C) is valid LAMMPS input.
  LammpsDeckSpec spec;
  spec.mode = "static";
  spec.eam_file = test::kAuU3;
  const fs::path dir = fs::temp_directory_path() / "facetweld_md_export_substrate";
  write_lammps_deck(dir, s, spec);
  EXPECT_EQ(std::system(
                ("cd '" + dir.string() +
                 "' && lmp -in in.lammps -log log.lammps -screen none "
                 "-var dummy 0 > /dev/null 2>&1 || (cp /usr/share/lammps/potentials/CH.airebo . && "
                 "lmp -in in.lammps -log log.lammps -screen none)")
                    .c_str()),
            0);
}

}  // namespace
}  // namespace fw::md
