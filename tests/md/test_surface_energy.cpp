/// \file test_surface_energy.cpp
/// \brief Relaxed EAM surface energies of Au (Au_u3.eam) against Foiles, Baskes and Daw,
/// PRB 33, 7983 (1986): (100) 918, (110) 980, (111) 790 mJ/m² (within 1%), and within 0.5% of
/// the values the tabulated file gives (0.915, 0.977, 0.786 J/m², issue 5). FIRE and CG agree.
#include <gtest/gtest.h>

#include <iostream>
#include <memory>

#include "core/units.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/force_field.hpp"
#include "md/engine/minimizer.hpp"
#include "md/formats/structure_bridge.hpp"
#include "md_test_helpers.hpp"
#include "slabs/oriented.hpp"

namespace fw::md {
namespace {

struct SurfaceCase {
  slabs::Miller hkl;
  int layers;
  int repeat_a, repeat_b;
  double gamma_lammps_J_per_m2;
  double gamma_fbd_J_per_m2;
};

double relaxed_energy_eV(System system, const std::string& method, double* unrelaxed_eV) {
  ForceField field(1.0);
  field.add(
      std::make_unique<EamForce>(std::make_shared<EamPotential>(EamPotential::read(test::kAuU3))));
  if (unrelaxed_eV) *unrelaxed_eV = field.compute(system).energy_eV;
  MinimizeSettings settings;
  settings.force_tolerance_eV_per_A = 1e-4;
  const MinimizeResult r = make_minimizer(method)->minimize(system, field, settings);
  EXPECT_TRUE(r.converged) << method << ": " << r.stop_reason;
  std::cout << "[ minimize ] " << method << " " << r.iterations << " iterations, "
            << r.force_evaluations << " force calls\n";
  return r.energy_eV;
}

class SurfaceEnergy : public ::testing::TestWithParam<SurfaceCase> {};

TEST_P(SurfaceEnergy, RelaxedMatchesFoilesBaskesDawWithinHalfPercent) {
  if (!std::filesystem::exists(test::kAuU3))
    GTEST_FAIL() << "lammps-data (Au_u3.eam) not installed";
  const SurfaceCase c = GetParam();
  slabs::OrientedSpec spec;
  spec.a_A = 4.08;
  spec.hkl = c.hkl;
  spec.layers = c.layers;
  spec.repeat_a = c.repeat_a;
  spec.repeat_b = c.repeat_b;
  const System bulk = system_from_structure(slabs::oriented_bulk(spec));
  const System slab = system_from_structure(slabs::slab_with_vacuum(spec, 15.0));
  ASSERT_EQ(bulk.size(), slab.size());
  const double area_A2 = norm(cross(slab.cell[0], slab.cell[1]));
  double e_bulk = 0.0, e_slab_unrelaxed = 0.0;
  relaxed_energy_eV(bulk, "cg", &e_bulk);  // perfect crystal: already at its minimum
  const double e_slab = relaxed_energy_eV(slab, "cg", &e_slab_unrelaxed);
  const double gamma = units::eV_per_A2_to_J_per_m2((e_slab - e_bulk) / (2.0 * area_A2));
  const double gamma_unrelaxed =
      units::eV_per_A2_to_J_per_m2((e_slab_unrelaxed - e_bulk) / (2.0 * area_A2));
  std::cout << "[ gamma    ] (" << c.hkl[0] << c.hkl[1] << c.hkl[2] << ") relaxed " << gamma
            << " J/m2, unrelaxed " << gamma_unrelaxed << " J/m2 (FBD 1986: " << c.gamma_fbd_J_per_m2
            << ")\n";
  EXPECT_NEAR(gamma, c.gamma_lammps_J_per_m2, 0.005 * c.gamma_lammps_J_per_m2);
  // FBD evaluated their analytic functions; the tabulated, splined file sits ~0.3-0.6% lower.
  EXPECT_NEAR(gamma, c.gamma_fbd_J_per_m2, 0.01 * c.gamma_fbd_J_per_m2);
  EXPECT_GT(gamma_unrelaxed, gamma);
}

INSTANTIATE_TEST_SUITE_P(Au, SurfaceEnergy,
                         ::testing::Values(SurfaceCase{{1, 0, 0}, 12, 4, 4, 0.915, 0.918},
                                           SurfaceCase{{1, 1, 0}, 16, 4, 3, 0.977, 0.980},
                                           SurfaceCase{{1, 1, 1}, 9, 5, 5, 0.786, 0.790}));

TEST(Minimizers, FireAndCgReachTheSameRelaxedSlabEnergy) {
  if (!std::filesystem::exists(test::kAuU3))
    GTEST_FAIL() << "lammps-data (Au_u3.eam) not installed";
  slabs::OrientedSpec spec;
  spec.hkl = {1, 1, 0};
  spec.layers = 10;
  spec.repeat_a = 4;
  spec.repeat_b = 3;
  System slab = system_from_structure(slabs::slab_with_vacuum(spec, 12.0));
  test::perturb(slab, 0.1, 4);
  const double e_cg = relaxed_energy_eV(slab, "cg", nullptr);
  const double e_fire = relaxed_energy_eV(slab, "fire", nullptr);
  EXPECT_NEAR(e_cg, e_fire, 1e-5);
}

}  // namespace
}  // namespace fw::md
