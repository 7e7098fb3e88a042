/// \file test_kpoints.cpp
/// \brief KPOINTS: every mode VASP reads, written back; the KSPACING rule on known cells.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/error.hpp"
#include "slabs/cleave.hpp"
#include "slabs/kmesh.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/kpoints.hpp"

namespace fs = std::filesystem;
using fw::vasp::KpointsMode;
using fw::vasp::parse_kpoints;

namespace {
const fs::path kCorpus = fw::vasp::testing::corpus_dir();
}

TEST(Kpoints, MeshesFullyAutomaticExplicitAndLineModeRead) {
  auto g = parse_kpoints("Au\n0\nGamma\n 4 4 1\n 0 0 0\n", "KPOINTS");
  EXPECT_EQ(g.mode, KpointsMode::gamma);
  EXPECT_EQ(g.mesh, (std::array<int, 3>{4, 4, 1}));
  auto m = parse_kpoints("x\n0\nmonkhorst\n3 3 3\n", "KPOINTS");
  EXPECT_EQ(m.mode, KpointsMode::monkhorst_pack);
  EXPECT_EQ(m.count(), 27);
  auto a = parse_kpoints("auto\n0\nAuto\n  25\n", "KPOINTS");
  EXPECT_EQ(a.mode, KpointsMode::fully_automatic);
  EXPECT_DOUBLE_EQ(a.length_A, 25.0);
  auto e = parse_kpoints("list\n2\nReciprocal\n0 0 0 1\n0.5 0 0 2\n", "KPOINTS");
  EXPECT_EQ(e.mode, KpointsMode::explicit_list);
  EXPECT_DOUBLE_EQ(e.weights[1], 2.0);
  auto l = parse_kpoints(
      "path\n40\nLine-mode\nreciprocal\n0 0 0 ! \\Gamma\n0.5 0 0.5 ! X\n\n0.5 0 0.5 ! X\n"
      "0.5 0.25 0.75 ! W\n",
      "KPOINTS");
  EXPECT_EQ(l.mode, KpointsMode::line_mode);
  EXPECT_EQ(l.points.size(), 4u);
  EXPECT_EQ(l.labels[0], "\\Gamma");
  EXPECT_EQ(l.count(), 80);
  for (const auto& k : {g, m, a, e, l}) {
    auto again = parse_kpoints(k.str(), "written");
    EXPECT_EQ(again.mode, k.mode);
    EXPECT_EQ(again.mesh, k.mesh);
    EXPECT_EQ(again.points.size(), k.points.size());
  }
}

TEST(Kpoints, BadFilesNameLineAndExpectation) {
  try {
    parse_kpoints("x\n0\nGamma\n4 0 4\n", "KPOINTS");
    FAIL();
  } catch (const fw::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("KPOINTS:4"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_kpoints("x\n", "KPOINTS"), fw::InputError);
  EXPECT_THROW(parse_kpoints("x\n2\nReciprocal\n0 0 0 1\n", "KPOINTS"), fw::InputError);
  EXPECT_THROW(parse_kpoints("x\n10\nLine\nrec\n0 0 0\n", "KPOINTS"), fw::InputError);
}

TEST(Kpoints, CorpusKpointsFilesRead) {
  ASSERT_TRUE(fs::exists(kCorpus)) << "vasp-corpus missing: " << kCorpus;
  int n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (entry.path().filename() != "KPOINTS") continue;
    EXPECT_NO_THROW(fw::vasp::read_kpoints(entry.path())) << entry.path();
    ++n;
  }
  EXPECT_GE(n, 5);
}

// VASP's rule N_i = max(1, ceil(|b_i|·2π/KSPACING)) on a cube of side L gives
// ceil(2π/(L·KSPACING)). vaspkit's 0.020 means KSPACING = 2π·0.020 Å⁻¹: N = ceil(1/(L·0.020)).
TEST(Kpoints, KspacingRuleOnCubesMatchesClosedForm) {
  fw::slabs::Structure cube;
  cube.cell = fw::Mat3::diagonal(20.4, 20.4, 20.4);
  cube.add_atom_fractional("Au", {0, 0, 0});
  const auto vaspkit = fw::slabs::kmesh_from_vaspkit_spacing(cube, 0.020);
  EXPECT_EQ(vaspkit, (fw::slabs::KMesh{3, 3, 3}));  // ceil(1/(20.4·0.02)) = ceil(2.45)
  const auto vasp = fw::slabs::kmesh_from_vasp_kspacing(cube, 2 * M_PI * 0.020);
  EXPECT_EQ(vasp, vaspkit);
  // The paper's boxes hold the 20.4 Å crystal with vacuum around it (Fig. S10a); a 30.4 Å box
  // gives ceil(1/(30.4·0.02)) = ceil(1.64) = 2, the 2×2×2 mesh the paper reports.
  cube.cell = fw::Mat3::diagonal(30.4, 30.4, 30.4);
  EXPECT_EQ(fw::slabs::kmesh_from_vaspkit_spacing(cube, 0.020), (fw::slabs::KMesh{2, 2, 2}));
}
