/// \file test_slab_relaxation.cpp
/// \brief `--relax` of the native facet energy: BFGS on a known quadratic, and a cheap Au(100)
/// slab whose relaxation lowers E_dis, keeps the slab mirror-symmetric and ends below fmax.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "dft/facet/bfgs.hpp"
#include "dft/facet/cell_cache.hpp"
#include "dft/facet/relax_slab.hpp"
#include "dft/facet_energy.hpp"
#include "dft/settings.hpp"
#include "dft_test_support.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {
namespace {

TEST(Bfgs, FindsTheMinimumOfAQuadraticAndNeverStepsFurtherThanTheTrustRadius) {
  // E = ½ (x − x0)ᵀ A (x − x0), A with curvatures 20 and 150 eV/Å² (the initial guess is 70).
  const double a[2][2] = {{60.0, 45.0}, {45.0, 110.0}};
  const double x0[2] = {0.31, -0.17};
  std::vector<double> x{0.0, 0.0};
  Bfgs bfgs(2, 1, 70.0, 0.05);
  double largest_force = 1.0;
  int steps = 0;
  for (; steps < 50 && largest_force > 1e-8; ++steps) {
    std::vector<double> f(2);
    for (int i = 0; i < 2; ++i) f[i] = -(a[i][0] * (x[0] - x0[0]) + a[i][1] * (x[1] - x0[1]));
    largest_force = std::max(std::abs(f[0]), std::abs(f[1]));
    const std::vector<double> dx = bfgs.step(x, f);
    for (int i = 0; i < 2; ++i) {
      EXPECT_LE(std::abs(dx[i]), 0.05 + 1e-12);
      x[i] += dx[i];
    }
  }
  EXPECT_NEAR(x[0], x0[0], 1e-8);
  EXPECT_NEAR(x[1], x0[1], 1e-8);
  EXPECT_LT(steps, 20);  // quasi-Newton: a handful of steps once the step limit stops binding
}

/// Au(100), 3 layers, 5 Å gap, 10 Ha, 2x2x1: cheap and far from converged (at this cut-off the
/// surface planes even move outward), but a slab whose surface planes feel 0.16 eV/Å.
DftFacetSettings cheap_relaxing_au100() {
  const auto& table = facet_settings_table();
  DftFacetSettings s = table.defaults();
  s.element = "Au";
  s.a_A = 4.08;
  s.pseudopotential = testing::kAuPsp8;
  s.layers = 3;
  s.vacuum_A = 5.0;
  s.kpts = {2, 2, 1};
  s.kpts_bulk = {2, 2, 2};
  table.set_text(s, "xc", "pbe", "test");
  s.scf.ecut_hartree = 10.0;
  s.relax = true;
  return s;
}

TEST(SlabRelaxation, LowersEDisKeepsTheSlabSymmetricAndEndsBelowFmax) {
  FW_REQUIRE_AU_PSP8();
  const DftFacetSettings s = cheap_relaxing_au100();
  ASSERT_EQ(s.relaxation.mode, "symmetric");
  ASSERT_DOUBLE_EQ(s.relaxation.fmax_eV_per_A, 0.01);
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);
  const DftFacetResult r = dft_facet_energy(psp, {1, 0, 0}, s);
  ASSERT_TRUE(r.entry.converged);
  ASSERT_TRUE(r.relaxation.has_value());
  const SlabRelaxation& x = *r.relaxation;
  ASSERT_TRUE(x.converged);
  EXPECT_GE(x.ionic_steps, 1);

  // The unrelaxed slab's surface planes feel forces well above fmax.
  EXPECT_GT(x.max_force_eV_per_A_per_step.front(), 0.05);
  // Relaxation lowers the energy and E_dis (both from E(σ→0) and from F, which BFGS minimises).
  EXPECT_LT(x.relaxed.free_energy_eV, x.unrelaxed.free_energy_eV);
  // Every ionic step after the first starts from the previous one's state (relax_warm_start).
  EXPECT_FALSE(x.unrelaxed.warm_started);
  EXPECT_TRUE(x.relaxed.warm_started);
  EXPECT_LT(r.e_dis_relaxed_free_energy_eV_per_A2, r.e_dis_free_energy_eV_per_A2);
  EXPECT_LT(r.e_dis_relaxed_eV_per_A2, r.entry.e_dis_eV_per_A2);
  // Every raw (unsymmetrised) force component on the final slab is below fmax.
  for (const Vec3& f : x.relaxed.forces_eV_per_A) EXPECT_LT(norm(f), s.relaxation.fmax_eV_per_A);
  EXPECT_LT(x.max_residual_force_eV_per_A, s.relaxation.fmax_eV_per_A);

  // Mirror symmetry about the centre plane, which stays put; only the normal (z) coordinates
  // moved, and the surface planes did move.
  const std::vector<std::size_t> order = atoms_by_height(x.structure);
  ASSERT_EQ(order.size(), 3u);
  const auto z = [&](std::size_t k) { return x.structure.atoms[order[k]].position[2]; };
  EXPECT_NEAR(z(0) + z(2), 2.0 * z(1), 1e-6);
  const slabs::Structure unrelaxed = slabs::slab_with_vacuum({"Au", 4.08, {1, 0, 0}, 3, 1, 1}, 5.0);
  const std::vector<std::size_t> order0 = atoms_by_height(unrelaxed);
  for (std::size_t k = 0; k < 3; ++k)
    for (int d = 0; d < 2; ++d)
      EXPECT_NEAR(x.structure.atoms[order[k]].position[d], unrelaxed.atoms[order0[k]].position[d],
                  1e-9);
  const double d0 = unrelaxed.atoms[order0[1]].position[2] - unrelaxed.atoms[order0[0]].position[2];
  EXPECT_GT(std::abs(z(1) - z(0) - d0), 0.005);
  EXPECT_NEAR(z(1), unrelaxed.atoms[order0[1]].position[2], 1e-9);

  // facets.json: the unrelaxed entry carries the relaxed values, the relaxed entry follows.
  const std::vector<nlohmann::json> entries = facet_entries_json(r);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_FALSE(entries[0].at("relaxed").get<bool>());
  EXPECT_TRUE(entries[1].at("relaxed").get<bool>());
  EXPECT_DOUBLE_EQ(entries[1].at("e_dis_eV_per_A2").get<double>(), r.e_dis_relaxed_eV_per_A2);
  EXPECT_DOUBLE_EQ(entries[0].at("e_dis_relaxed_free_energy_eV_per_A2").get<double>(),
                   r.e_dis_relaxed_free_energy_eV_per_A2);
  EXPECT_EQ(entries[0].at("ionic_steps").get<int>(), x.ionic_steps);
}

TEST(SlabRelaxation, ACachedRelaxationReplaysItsIonicStepsToTheSamePositions) {
  // One-electron HGH Au at 4 Ha: cells of a fraction of a second; three BFGS steps.
  const Pseudopotential psp = read_pseudopotential("/usr/share/abinit/psp/79au.1.hgh");
  const auto& table = facet_settings_table();
  DftFacetSettings s = table.defaults();
  table.set_text(s, "xc", "lda", "test");
  s.scf.ecut_hartree = 4.0;
  s.relaxation.max_steps = 3;
  s.relaxation.max_step_A = 0.03;
  const slabs::Structure slab = slabs::slab_with_vacuum({"Au", 4.08, {1, 0, 0}, 3, 1, 1}, 4.0);
  const auto path = std::filesystem::temp_directory_path() / "facetweld_test_relax.cells.json";
  std::filesystem::remove(path);
  const std::array<int, 3> mesh{2, 2, 1};

  CellCache first(path);
  const SlabRelaxation a = relax_slab(slab, psp, s.scf, mesh, s.relaxation, "slab", {}, &first);
  ASSERT_EQ(a.ionic_steps, 3);
  EXPECT_FALSE(a.relaxed.from_cache);

  // A new run on the file: every ionic step is read back with its forces, none computed.
  int computed_scf_lines = 0;
  const auto count = [&](const std::string& line) {
    if (line.find("finished earlier") == std::string::npos &&
        line.find("ionic step") == std::string::npos)
      ++computed_scf_lines;
  };
  CellCache again(path);
  const SlabRelaxation b = relax_slab(slab, psp, s.scf, mesh, s.relaxation, "slab", count, &again);
  EXPECT_EQ(computed_scf_lines, 0);
  EXPECT_TRUE(b.relaxed.from_cache);
  ASSERT_EQ(b.energy_eV_per_step.size(), a.energy_eV_per_step.size());
  for (std::size_t i = 0; i < a.energy_eV_per_step.size(); ++i)
    EXPECT_EQ(b.energy_eV_per_step[i], a.energy_eV_per_step[i]);
  for (std::size_t i = 0; i < slab.size(); ++i) {
    EXPECT_EQ(b.structure.atoms[i].position[2], a.structure.atoms[i].position[2]);
    EXPECT_EQ(b.relaxed.forces_eV_per_A[i][2], a.relaxed.forces_eV_per_A[i][2]);
  }

  // A stored cell changed after it was written (one force removed) fails its checksum: it is left
  // out, to be computed again, with a notice; the untouched cells are kept.
  std::ifstream in(path);
  nlohmann::json j = nlohmann::json::parse(in);
  in.close();
  std::size_t edited = 0;
  for (auto& [key, cell] : j.at("cells").items())
    if (cell.contains("forces_eV_per_A") && edited++ == 0) cell["forces_eV_per_A"].erase(0);
  std::ofstream(path) << j.dump();
  ::testing::internal::CaptureStderr();
  const CellCache reread(path);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("checksum mismatch"), std::string::npos);
  EXPECT_EQ(reread.size(), again.size() - 1);
  std::filesystem::remove(path);
}

TEST(SlabRelaxation, FixedMiddleNeedsAsManyFreePlanesPerFace) {
  const auto& table = facet_settings_table();
  DftFacetSettings s = cheap_relaxing_au100();
  table.set_text(s, "relax_mode", "fixed-middle", "test");
  s.layers = 4;
  s.relaxation.fixed_layers = 1;
  EXPECT_THROW(check_relaxation_layers(s, "test"), InputError);
  s.relaxation.fixed_layers = 2;
  EXPECT_NO_THROW(check_relaxation_layers(s, "test"));
}

}  // namespace
}  // namespace fw::dft
