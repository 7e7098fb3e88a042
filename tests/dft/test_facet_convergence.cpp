/// \file test_facet_convergence.cpp
/// \brief `--converge`: the per-axis series, its error estimate, and a series killed in the middle
/// of an SCF that continues from its last finished cell to the same answer.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "dft/facet/convergence.hpp"
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
  if (!std::filesystem::exists(kAuOneElectronHgh)) GTEST_SKIP() << kAuOneElectronHgh << " missing";
  const DftFacetSettings s = tiny_series();
  const Pseudopotential psp = read_pseudopotential(s.pseudopotential);

  // An uninterrupted series.
  CellCache whole(fresh("whole.cells.json"));
  const FacetConvergence reference = converge_facet(psp, {1, 0, 0}, s, s.convergence, whole);
  const FacetConvergence& c0 = reference;
  // max_points 2: the start, then one step along layers, vacuum, ecut, k and smearing.
  ASSERT_EQ(c0.points.size(), 6u);
  EXPECT_EQ(c0.points[1].layers, 5);
  EXPECT_DOUBLE_EQ(c0.points[2].vacuum_A, 8.0);
  EXPECT_DOUBLE_EQ(c0.points[3].ecut_hartree, 8.0);
  EXPECT_EQ(c0.points[4].kpts, (std::array<int, 3>{4, 4, 1}));
  EXPECT_DOUBLE_EQ(c0.points[5].smearing_hartree,
                   s.scf.smearing.width_hartree * s.convergence.smearing_factor);
  // E_dis from F and from E(σ→0) meet as σ shrinks: for Fermi–Dirac their gap is O(σ²), so
  // halving σ must shrink it clearly (a quarter in the σ² limit).
  const auto gap = [](const ConvergencePoint& p) {
    return std::abs(p.e_dis_eV_per_A2 - p.e_dis_free_energy_eV_per_A2);
  };
  EXPECT_LT(gap(c0.points[5]), 0.5 * gap(c0.points[4]))
      << gap(c0.points[5]) << " vs " << gap(c0.points[4]);
  EXPECT_EQ(c0.final.entry.layers, 5);
  double error2 = 0.0;
  for (std::size_t i = 1; i < c0.points.size(); ++i) {
    const double change = std::abs(c0.points[i].e_dis_eV_per_A2 - c0.points[i - 1].e_dis_eV_per_A2);
    EXPECT_DOUBLE_EQ(c0.axes[i - 1].last_change, change);
    EXPECT_EQ(c0.axes[i - 1].converged, change < s.convergence.tolerance_eV_per_A2);
    error2 += change * change;
  }
  EXPECT_NEAR(c0.error_eV_per_A2, std::sqrt(error2), 1e-15);
  // A vacuum step changes only the slab: its bulk reference is the cell of the point before.
  EXPECT_EQ(whole.size(), 11u);  // 6 slabs + bulk at 3 and 5 layers, 8 Ha, 4x4, half σ
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
  // 11 cells: 3 from the killed run, 8 computed now; the 5-layer bulk is read once more by the
  // vacuum step, as in any run.
  EXPECT_EQ(computed, 8);
  EXPECT_EQ(read_back, 3 + 1);
  ASSERT_EQ(c.points.size(), reference.points.size());
  for (std::size_t i = 0; i < c.points.size(); ++i)
    EXPECT_NEAR(c.points[i].e_dis_eV_per_A2, reference.points[i].e_dis_eV_per_A2, 1e-7) << i;
  std::filesystem::remove(path);
  std::filesystem::remove(whole.path());
}

}  // namespace
}  // namespace fw::dft
