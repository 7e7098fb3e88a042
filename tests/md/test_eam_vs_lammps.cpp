/// \file test_eam_vs_lammps.cpp
/// \brief EAM energies (total and per atom), forces and virial against LAMMPS (`pair_style eam`,
/// Au_u3.eam) on the same configurations: perturbed bulk, sheared triclinic bulk, a slab and an
/// open nanorod.
#include <gtest/gtest.h>

#include <iostream>
#include <memory>

#include "core/units.hpp"
#include "md/engine/eam_atom_energies.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/force_field.hpp"
#include "md/formats/lammps_data.hpp"
#include "md/formats/structure_bridge.hpp"
#include "md_test_helpers.hpp"
#include "slabs/nanorod.hpp"
#include "slabs/oriented.hpp"

namespace fw::md {
namespace {

/// Compares our EAM with LAMMPS on `system` (rotated into LAMMPS's frame first).
void expect_matches_lammps(System system, const std::string& label,
                           const std::string& potential_file = test::kAuU3) {
  system = rotated_to_lammps_frame(system);
  const auto potential = std::make_shared<EamPotential>(EamPotential::read(potential_file));
  ForceField field(1.0);
  field.add(std::make_unique<EamForce>(potential));
  System ours = system;
  const ForceResult result = field.compute(ours);
  std::string pair = std::string("pair_style eam\npair_coeff 1 1 ") + potential_file;
  if (potential->lammps_style() == "eam/alloy") {
    pair = "pair_style eam/alloy\npair_coeff * * " + potential_file;
    for (const auto& name : system.type_names) pair += " " + name;
  }
  const auto lammps = test::run_lammps_static(
      system, pair, std::filesystem::temp_directory_path() / ("facetweld_md_lammps_" + label));

  const double n = static_cast<double>(system.size());
  EXPECT_NEAR(result.energy_eV / n, lammps.energy_eV / n, 1e-9) << label;
  double max_force_error = 0.0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    const Vec3 diff = ours.force(i) - lammps.forces_eV_per_A[static_cast<std::size_t>(ours.id[i])];
    max_force_error = std::max(max_force_error, norm(diff));
  }
  EXPECT_LT(max_force_error, 1e-8) << label;
  // Per-atom energies (LAMMPS `compute pe/atom`: the pair energy split equally).
  const auto& eam = dynamic_cast<const EamForce&>(*field.interactions().front());
  const std::vector<double> atom_energies = eam_atom_energies(eam, ours, field.neighbor_list());
  double max_atom_energy_error = 0.0;
  for (std::size_t i = 0; i < ours.size(); ++i)
    max_atom_energy_error = std::max(
        max_atom_energy_error,
        std::abs(atom_energies[i] - lammps.atom_energies_eV[static_cast<std::size_t>(ours.id[i])]));
  EXPECT_LT(max_atom_energy_error, 1e-9) << label;
  // Virial: LAMMPS reports W/V in bar (its eV/Å³→bar factor 1.6021765e6, its box volume).
  for (std::size_t c = 0; c < 6; ++c) {
    const double lammps_virial_eV = lammps.pressure_bar[c] * lammps.volume_A3 / 1.6021765e6;
    EXPECT_NEAR(result.virial_eV[c], lammps_virial_eV, 1e-7 * (1.0 + std::abs(lammps_virial_eV)))
        << label << " virial component " << c;
  }
  std::cout << "[ lammps   ] " << label
            << ": |dE|/atom = " << std::abs(result.energy_eV - lammps.energy_eV) / n
            << " eV, max |dF| = " << max_force_error
            << " eV/A, max |dE_i| = " << max_atom_energy_error << " eV\n";
}

class EamVsLammps : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::have_lammps())
      GTEST_FAIL() << "lmp or Au_u3.eam (Debian lammps, lammps-data) not installed";
  }
};

TEST_F(EamVsLammps, PerturbedFccCrystalEnergyForcesVirialAgree) {
  System s = test::fcc_crystal(3, 3, 3);
  test::perturb(s, 0.15, 7);
  expect_matches_lammps(s, "perturbed_fcc");
}

/// Cells narrower than twice the cutoff: every atom meets several images of every atom, itself
/// included (LAMMPS's ghosts). One atom in a strained primitive fcc cell (widths ~2.4 Å, so 7³
/// images), and the 4-atom conventional cube perturbed.
TEST_F(EamVsLammps, OneAtomStrainedPrimitiveCellAgrees) {
  System s;
  const double h = 4.08 / 2;
  s.cell = Mat3{{Vec3{0, h, h}, Vec3{h, 0, h}, Vec3{h, h, 0}}};
  s.cell[0].x += 0.05;  // strain: a non-hydrostatic virial
  s.cell[2].z -= 0.08;
  s.add_atom(s.type_index("Au", 196.97), Vec3{0.1, 0.2, 0.3});
  expect_matches_lammps(s, "one_atom_primitive");
}

TEST_F(EamVsLammps, FourAtomConventionalCellAgrees) {
  System s = test::fcc_crystal(1, 1, 1);
  test::perturb(s, 0.15, 5);
  expect_matches_lammps(s, "four_atom_cube");
}

TEST_F(EamVsLammps, ShearedTriclinicCrystalAgrees) {
  System s = test::fcc_crystal(3, 3, 3);
  const Mat3 cubic = s.cell;
  const Mat3 sheared{{Vec3{12.24, 0, 0}, Vec3{3.0, 12.0, 0}, Vec3{2.0, 1.5, 12.5}}};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const Vec3 r = (s.position(i) * inverse(cubic)) * sheared;
    s.x[3 * i] = r.x;
    s.x[3 * i + 1] = r.y;
    s.x[3 * i + 2] = r.z;
  }
  s.cell = sheared;
  test::perturb(s, 0.1, 11);
  expect_matches_lammps(s, "sheared_triclinic");
}

TEST_F(EamVsLammps, Au111SlabWithVacuumAgrees) {
  slabs::OrientedSpec spec;
  spec.hkl = {1, 1, 1};
  spec.layers = 6;
  spec.repeat_a = 5;
  spec.repeat_b = 5;
  System s = system_from_structure(slabs::slab_with_vacuum(spec, 12.0), {{"Au", 196.97}});
  test::perturb(s, 0.05, 3);
  expect_matches_lammps(s, "slab111");
}

TEST_F(EamVsLammps, OpenBoundaryNanorodAgrees) {
  slabs::NanorodSpec spec;
  spec.axis = {1, 1, 0};
  spec.sides = {{{1, 0, 0}, 7.0}, {{1, 1, 1}, 6.5}};
  spec.length_A = 22.0;
  System s = system_from_structure(slabs::build_nanorod(spec), {{"Au", 196.97}});
  ASSERT_GT(s.size(), 100u);
  test::perturb(s, 0.05, 5);
  expect_matches_lammps(s, "nanorod");
}

TEST_F(EamVsLammps, SetflCuNiRandomAlloyAgrees) {
  const std::string file = "/usr/share/lammps/potentials/CuNi.eam.alloy";
  if (!std::filesystem::exists(file)) GTEST_FAIL() << "CuNi.eam.alloy not installed";
  System s = test::fcc_crystal(4, 4, 4, 3.56, "Cu", 63.546);
  const int ni = s.type_index("Ni", 58.6934);
  for (std::size_t i = 0; i < s.size(); i += 3) s.type[i] = ni;
  test::perturb(s, 0.08, 13);
  expect_matches_lammps(s, "setfl_cuni", file);
}

}  // namespace
}  // namespace fw::md
