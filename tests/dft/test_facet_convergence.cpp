/// \file test_facet_convergence.cpp
/// \brief `--converge`: the per-axis series, its error estimate, and a series killed in the middle
/// of an SCF that continues from its last finished cell to the same answer.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "dft/facet/birch_murnaghan.hpp"
#include "dft/facet/convergence.hpp"
#include "dft/facet/relaxation_correction.hpp"
#include "dft/settings.hpp"

namespace fw::dft {
namespace {

/// One-electron HGH Au (abinit-data): the series' bookkeeping in cells of a fraction of a second.
const std::string kAuOneElectronHgh = "/usr/share/abinit/psp/79au.1.hgh";

DftFacetSettings tiny_series() {
  const auto& table = facet_settings_table();
  DftFacetSettings s = table.defaults();
  s.element = "Au";
  s.a_A = 4.08;
  s.pseudopotential = kAuOneElectronHgh;
  s.layers = 3;
  s.vacuum_A = 4.0;
  s.kpts = {2, 2, 1};
  s.scf.ecut_hartree = 3.0;
  s.convergence.max_points = 2;
  s.convergence.smearing_factor = 0.5;  // halving σ: the F vs E(σ→0) gap must fall to a quarter
  return s;
}

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("killed") {}
};

std::filesystem::path fresh(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() / ("facetweld_test_" + name);
  std::filesystem::remove(p);
  return p;
}

TEST(FacetConvergence, SeriesEstimatesItsErrorAndAKilledSeriesContinuesToTheSameAnswer) {
  if (!std::filesystem::exists(kAuOneElectronHgh)) GTEST_FAIL() << kAuOneElectronHgh << " missing";
  const DftFacetSettings s = tiny_series();
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);

  // An uninterrupted series.
  CellCache whole(fresh("whole.cells.json"));
  const FacetConvergence reference = converge_facet(psp, {1, 0, 0}, s, s.convergence, whole);
  const FacetConvergence& c0 = reference;
  // max_points 2: the start, then one step along ecut, vacuum, k and smearing on the 3-layer
  // slab, then one along layers. A converged cheap axis stays at the setting before its step.
  ASSERT_EQ(c0.points.size(), 6u);
  ASSERT_EQ(c0.axes.size(), 5u);
  const double tolerance = s.convergence.tolerance_eV_per_A2 / std::sqrt(5.0);
  EXPECT_DOUBLE_EQ(c0.points[1].ecut_hartree, 8.0);
  EXPECT_EQ(c0.points[1].layers, 3);
  const double ecut = c0.axes[0].converged ? 3.0 : 8.0;
  EXPECT_DOUBLE_EQ(c0.points[2].vacuum_A, 8.0);
  EXPECT_DOUBLE_EQ(c0.points[2].ecut_hartree, ecut);
  EXPECT_EQ(c0.points[3].kpts, (std::array<int, 3>{4, 4, 1}));
  const std::array<int, 3> k =
      c0.axes[2].converged ? std::array<int, 3>{2, 2, 1} : std::array<int, 3>{4, 4, 1};
  // Each smearing step also scales k by 1/factor (k ∝ 1/σ for a metal).
  EXPECT_DOUBLE_EQ(c0.points[4].smearing_hartree,
                   s.scf.smearing.width_hartree * s.convergence.smearing_factor);
  EXPECT_EQ(c0.points[4].kpts, (std::array<int, 3>{2 * k[0], 2 * k[1], 1}));
  EXPECT_EQ(c0.points[4].layers, 3);
  EXPECT_EQ(c0.points[5].layers, 5);
  EXPECT_DOUBLE_EQ(c0.points[5].ecut_hartree, ecut);
  ASSERT_EQ(c0.thickness_series.size(), 2u);
  EXPECT_EQ(c0.thickness_series[0].layers, 3);
  EXPECT_EQ(c0.thickness_series[1].e_dis_eV_per_A2, c0.points[5].e_dis_eV_per_A2);
  // E_dis from F and from E(σ→0) meet as σ shrinks: for Fermi–Dirac their gap is O(σ²), so
  // halving σ must shrink it clearly (a quarter in the σ² limit).
  const auto gap = [](const ConvergencePoint& p) {
    return std::abs(p.e_dis_eV_per_A2 - p.e_dis_free_energy_eV_per_A2);
  };
  EXPECT_LT(gap(c0.points[4]), 0.5 * gap(c0.points[3]))
      << gap(c0.points[4]) << " vs " << gap(c0.points[3]);
  EXPECT_EQ(c0.final.entry.layers, 5);
  // Each axis' change is measured from the point it started at; five error terms share the
  // target, so each stops below target/√5.
  double error2 = 0.0;
  for (std::size_t i = 1; i < c0.points.size(); ++i) {
    EXPECT_EQ(c0.axes[i - 1].converged, c0.axes[i - 1].last_change < tolerance);
    error2 += c0.axes[i - 1].last_change * c0.axes[i - 1].last_change;
  }
  EXPECT_NEAR(c0.axes[4].last_change,
              std::abs(c0.points[5].e_dis_eV_per_A2 - c0.thickness_series[0].e_dis_eV_per_A2),
              1e-15);
  EXPECT_NEAR(c0.axes[0].last_change,
              std::abs(c0.points[1].e_dis_eV_per_A2 - c0.points[0].e_dis_eV_per_A2), 1e-15);
  EXPECT_NEAR(c0.error_eV_per_A2, std::sqrt(error2), 1e-15);
  // A vacuum step changes only the slab: its bulk reference is the cell of the point before.
  EXPECT_EQ(whole.size(), 11u);  // 6 slabs + 5 bulk cells (the vacuum step reuses its bulk)
  // The layers axis' two slabs give the Fiorentini–Methfessel line: with two points it passes
  // through both, so its intercept is the direct E_dis when the bulk energy per layer equals the
  // slope — checked against a hand computation from the two slab energies.
  ASSERT_TRUE(c0.layer_fit.has_value());
  const double slope = (c0.points[5].e_slab_eV - c0.thickness_series[0].e_slab_eV) / 2.0;
  EXPECT_NEAR(c0.layer_fit->e_layer_eV, slope, 1e-9);
  EXPECT_NEAR(c0.layer_fit->e_dis_eV_per_A2,
              (c0.points[5].e_slab_eV - 5.0 * slope) / c0.final.entry.area_A2, 1e-9);
  const nlohmann::json j = to_json(c0, s.convergence);
  EXPECT_EQ(j.at("convergence").at("points").size(), 6u);
  EXPECT_DOUBLE_EQ(j.at("convergence").at("error_eV_per_A2").get<double>(), c0.error_eV_per_A2);

  // The same series in another file, killed in the middle of its fourth SCF (the log throws at
  // that SCF's first step)...
  const auto path = fresh("killed.cells.json");
  int scf_started = 0;
  const auto killer = [&](const std::string& line) {
    if (line.find("free energy (Ha)") != std::string::npos && ++scf_started == 4)
      throw Interrupted();
  };
  {
    CellCache cache(path);
    EXPECT_THROW(converge_facet(psp, {1, 0, 0}, s, s.convergence, cache, killer), Interrupted);
  }
  // ...and run again: the three finished cells come from the file, the rest is computed.
  CellCache resumed(path);
  EXPECT_EQ(resumed.size(), 3u);
  int read_back = 0, computed = 0;
  const auto count = [&](const std::string& line) {
    if (line.find("finished earlier, read from") != std::string::npos) ++read_back;
    if (line.find("free energy (Ha)") != std::string::npos) ++computed;
  };
  const FacetConvergence c = converge_facet(psp, {1, 0, 0}, s, s.convergence, resumed, count);
  // 11 cells: 3 from the killed run, 8 computed now; the 3-layer 8 Ha bulk is read once more
  // by the vacuum step, as in any run.
  EXPECT_EQ(computed, 8);
  EXPECT_EQ(read_back, 3 + 1);
  ASSERT_EQ(c.points.size(), reference.points.size());
  for (std::size_t i = 0; i < c.points.size(); ++i)
    EXPECT_NEAR(c.points[i].e_dis_eV_per_A2, reference.points[i].e_dis_eV_per_A2, 1e-7) << i;
  std::filesystem::remove(path);
  std::filesystem::remove(whole.path());
}

TEST(FacetConvergence, NextFacetStartsFromTheConvergedCutOffVacuumSmearingAndKDensity) {
  DftFacetSettings start = tiny_series();
  start.a_A = 4.0;
  start.kpts = {6, 6, 1};
  FacetConvergence previous;
  previous.hkl = {1, 0, 0};
  previous.settings = start;
  previous.settings.scf.ecut_hartree = 30.0;
  previous.settings.vacuum_A = 14.0;
  previous.settings.scf.smearing.width_hartree = 0.005;
  previous.final.meshes.slab = {9, 9, 1};  // square (100) cell, |a1| = |a2| = a/sqrt(2)
  // (111): a hexagonal cell of the same |a1| at 60 degrees, so |b| is 2/sqrt(3) of (100)'s: at the
  // same density 9 * 2/sqrt(3) = 10.39 -> 11 points; the layers stay the start's.
  const DftFacetSettings s = settings_carried_to(previous, {1, 1, 1}, start);
  EXPECT_DOUBLE_EQ(s.scf.ecut_hartree, 30.0);
  EXPECT_DOUBLE_EQ(s.vacuum_A, 14.0);
  EXPECT_DOUBLE_EQ(s.scf.smearing.width_hartree, 0.005);
  EXPECT_EQ(s.kpts, (std::array<int, 3>{11, 11, 1}));
  EXPECT_EQ(s.layers, start.layers);
  // (110): a rectangle a/sqrt(2) x a; |b2| is 1/sqrt(2) of (100)'s: 9/sqrt(2) = 6.36 -> 7.
  const DftFacetSettings r = settings_carried_to(previous, {1, 1, 0}, start);
  EXPECT_EQ(r.kpts[0] + r.kpts[1], 9 + 7);
  // From a mesh denser along one axis than the other ((110)'s 10x8: 4.50 and 5.09 points per
  // 1/A), the densest axis sets one density for the new cell, so the hexagonal (111) cell gets a
  // mesh with its own symmetry: 5.09 * |b(111)| = 5.09 * 2.565 = 13.06 -> 14x14 (axis by axis it
  // would be 12x14, a mesh that breaks the three-fold axis).
  FacetConvergence rectangular = previous;
  rectangular.hkl = {1, 1, 0};
  rectangular.final.meshes.slab = {10, 8, 1};
  EXPECT_EQ(settings_carried_to(rectangular, {1, 1, 1}, start).kpts,
            (std::array<int, 3>{14, 14, 1}));
  // Settings the start already has beyond the previous facet's are kept.
  start.scf.ecut_hartree = 40.0;
  EXPECT_DOUBLE_EQ(settings_carried_to(previous, {1, 1, 1}, start).scf.ecut_hartree, 40.0);
}

TEST(FacetConvergence, RelaxedSeriesAddsTheRelaxationEnergyOfTheThickerRelaxedSlab) {
  DftFacetSettings s = tiny_series();
  s.relax = true;
  // The bookkeeping, not the model's geometry: a few short BFGS steps (this one-electron toy
  // metal at 3–8 Ha would collapse its planes if relaxed to the end).
  s.relaxation.max_steps = 2;
  s.relaxation.max_step_A = 0.05;
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);
  CellCache cache(fresh("relaxed.cells.json"));
  const FacetConvergence c = converge_facet(psp, {1, 0, 0}, s, s.convergence, cache);
  // Six error terms share the target.
  EXPECT_DOUBLE_EQ(c.tolerance_per_axis_eV_per_A2,
                   s.convergence.tolerance_eV_per_A2 / std::sqrt(6.0));
  ASSERT_TRUE(c.relaxation.has_value());
  const auto& r = *c.relaxation;
  ASSERT_EQ(r.slabs.size(), 2u);
  EXPECT_EQ(r.slabs[0].entry.layers, 3);  // the starting layers and one step more
  EXPECT_EQ(r.slabs[1].entry.layers, 5);
  const auto& last = c.points.back();  // the relaxed slabs use the converged thin-slab settings
  for (const auto& x : r.slabs) {
    EXPECT_DOUBLE_EQ(x.entry.area_A2, c.final.entry.area_A2);
    EXPECT_EQ(x.meshes.slab, last.kpts);
    ASSERT_TRUE(x.relaxation.has_value());
    EXPECT_LE(x.relaxation->ionic_steps, 2);
  }
  const double d0 = r.slabs[0].e_dis_relaxed_eV_per_A2 - r.slabs[0].entry.e_dis_eV_per_A2;
  const double d1 = r.slabs[1].e_dis_relaxed_eV_per_A2 - r.slabs[1].entry.e_dis_eV_per_A2;
  EXPECT_DOUBLE_EQ(r.correction_eV_per_A2, d1);
  EXPECT_DOUBLE_EQ(r.error_eV_per_A2, std::abs(d1 - d0));
  EXPECT_DOUBLE_EQ(c.e_dis_eV_per_A2(), c.final.entry.e_dis_eV_per_A2 + d1);
  double error2 = r.error_eV_per_A2 * r.error_eV_per_A2;
  for (const auto& a : c.axes) error2 += a.last_change * a.last_change;
  EXPECT_NEAR(c.error_eV_per_A2, std::sqrt(error2), 1e-15);
  const nlohmann::json j = to_json(c, s.convergence).at("convergence");
  EXPECT_TRUE(j.at("relaxed").get<bool>());
  EXPECT_DOUBLE_EQ(j.at("e_dis_eV_per_A2").get<double>(), c.e_dis_eV_per_A2());
  EXPECT_EQ(j.at("relaxation").at("slabs").size(), 2u);
  std::filesystem::remove(cache.path());
}

TEST(FacetConvergence, RelaxationWalksTheThicknessUntilItsEnergyStopsChanging) {
  DftFacetSettings s = tiny_series();
  s.relaxation.max_steps = 2;  // the bookkeeping, as above
  s.relaxation.max_step_A = 0.05;
  ConvergenceSettings c = s.convergence;
  c.max_points = 3;
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);
  CellCache cache(fresh("relaxation_walk.cells.json"));
  const auto delta = [](const DftFacetResult& r) {
    return r.e_dis_relaxed_eV_per_A2 - r.entry.e_dis_eV_per_A2;
  };

  // A tolerance no change meets: the walk goes on to max_points slabs, a layers step apart.
  const RelaxationCorrection walked = relaxation_correction(psp, {1, 0, 0}, s, 3, c, 0.0, cache);
  ASSERT_EQ(walked.slabs.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(walked.slabs[k].entry.layers, 3 + 2 * static_cast<int>(k));
    ASSERT_TRUE(walked.slabs[k].relaxation.has_value());
    EXPECT_LE(walked.slabs[k].relaxation->ionic_steps, 2);
  }
  EXPECT_DOUBLE_EQ(walked.correction_eV_per_A2, delta(walked.slabs[2]));
  EXPECT_DOUBLE_EQ(walked.error_eV_per_A2,
                   std::abs(delta(walked.slabs[2]) - delta(walked.slabs[1])));

  // A tolerance every change meets: the walk stops at the second slab, whose cells and ionic
  // steps are the ones above (read from the store).
  const RelaxationCorrection stopped = relaxation_correction(psp, {1, 0, 0}, s, 3, c, 1.0, cache);
  ASSERT_EQ(stopped.slabs.size(), 2u);
  EXPECT_DOUBLE_EQ(stopped.correction_eV_per_A2, delta(walked.slabs[1]));
  EXPECT_DOUBLE_EQ(stopped.error_eV_per_A2,
                   std::abs(delta(walked.slabs[1]) - delta(walked.slabs[0])));

  // Two slabs at least, whatever max_points says: the error needs a change.
  c.max_points = 1;
  EXPECT_EQ(relaxation_correction(psp, {1, 0, 0}, s, 3, c, 0.0, cache).slabs.size(), 2u);
  std::filesystem::remove(cache.path());
}

TEST(LayerFit, InterceptAndStandardErrorOfALineThroughNoisyPoints) {
  // E(N) = −3.2 N + 0.9 A with A = 7.5 Å², plus ±0.01 eV alternating (a quantum-size wiggle).
  const std::vector<int> n{5, 7, 9, 11};
  std::vector<double> e;
  for (std::size_t i = 0; i < n.size(); ++i)
    e.push_back(-3.2 * n[i] + 0.9 * 7.5 + (i % 2 == 0 ? 0.01 : -0.01));
  const LayerFit f = fit_slab_energies(n, e, 7.5);
  // By hand: n̄ = 8, S_nn = 20, S_ne = −64 − 0.04 → slope −3.202; ē = −18.85, intercept
  // ē + 3.202·8 = 6.766; residuals (0.004, −0.012, 0.012, −0.004) → SSR 3.2e-4, s² = 1.6e-4,
  // SE(intercept) = sqrt(s² (1/4 + 64/20)).
  EXPECT_NEAR(f.e_layer_eV, -3.202, 1e-12);
  EXPECT_NEAR(f.e_dis_eV_per_A2, 6.766 / 7.5, 1e-12);
  EXPECT_NEAR(f.standard_error_eV_per_A2, std::sqrt(1.6e-4 * 3.45) / 7.5, 1e-12);
  EXPECT_EQ(f.points, 4);
  EXPECT_THROW(fit_slab_energies({5, 5}, {1.0, 2.0}, 7.5), std::invalid_argument);
}

TEST(BirchMurnaghan, RecoversTheParametersOfAnExactBm3Curve) {
  // E(V) = E0 + 9 V0 B0/16 {(η−1)³ B0' + (η−1)² (6 − 4η)}, η = (V0/V)^(2/3).
  const double v0 = 17.9, b0 = 0.87, b0p = 5.9, e0 = -3.0;
  std::vector<double> v, e;
  for (int i = 0; i < 7; ++i) {
    const double vol = v0 * (0.94 + 0.02 * i);
    const double eta = std::pow(v0 / vol, 2.0 / 3.0);
    v.push_back(vol);
    e.push_back(e0 + 9.0 * v0 * b0 / 16.0 *
                         (std::pow(eta - 1, 3) * b0p + std::pow(eta - 1, 2) * (6 - 4 * eta)));
  }
  const BirchMurnaghanFit f = fit_birch_murnaghan(v, e);
  EXPECT_NEAR(f.v0, v0, 1e-9);
  EXPECT_NEAR(f.b0, b0, 1e-8);
  EXPECT_NEAR(f.b0_prime, b0p, 1e-5);
  EXPECT_NEAR(f.e0, e0, 1e-12);
  EXPECT_LT(f.rms_residual, 1e-12);
  EXPECT_NEAR(f.pressure(v0), 0.0, 1e-10);
  // A curve whose minimum lies outside the samples is refused, not extrapolated.
  EXPECT_THROW(fit_birch_murnaghan({10, 11, 12, 13, 14}, {5, 4, 3, 2, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace fw::dft
