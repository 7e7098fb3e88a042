/// \file test_pipeline.cpp
/// \brief `facetweld run`: job-file parsing, the documented example, and an end-to-end EAM run.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "slabs/facet_table.hpp"
#include "tools/pipeline/report.hpp"
#include "tools/pipeline/run_settings.hpp"

namespace fs = std::filesystem;
using namespace fw;
using namespace fw::pipeline;

namespace {
fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("fw_pipeline_" + name + "_" + std::to_string(::getpid()));
}
}  // namespace

TEST(RunSettings, DocumentedExampleJobFileSpellsOutTheDefaults) {
  const RunSettings example =
      read_run_settings(fs::path(FACETWELD_SOURCE_DIR) / "examples" / "run_au.toml");
  EXPECT_EQ(to_json(example), to_json(RunSettings{}));
}

TEST(RunSettings, UnknownKeyNamesFileAndLine) {
  const fs::path file = temp_path("bad.toml");
  std::ofstream(file) << "element = \"Au\"\n[weld]\nangles_deg = [0, 10]\ntemprature_K = 300\n";
  try {
    read_run_settings(file);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("temprature_K"), std::string::npos);
  }
  std::ofstream(file) << "a_A = \"big\"\n";
  EXPECT_THROW(read_run_settings(file), InputError);
  fs::remove(file);
}

TEST(Report, RankingOrdersFacetsByDecreasingEnergyAndSkipsMissing) {
  EXPECT_EQ(ranking({{{1, 0, 0}, 0.12}, {{1, 1, 0}, 0.14}, {{1, 1, 1}, 0.10}}),
            "(110) > (100) > (111)");
  EXPECT_EQ(ranking({{{1, 0, 0}, std::nan("")}, {{1, 1, 1}, 0.1}}), "(111)");
}

TEST(RunCommand, EamOnlyChainWritesFacetTableReportAndVaspJobsAndResumes) {
  const fs::path dir = temp_path("run");
  fs::remove_all(dir);
  const std::string cmd = "'" FACETWELD_BINARY "' run --no-dft --no-weld -o '" + dir.string() +
                          "' > '" + dir.string() + ".log' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const slabs::FacetTable eam = slabs::read_facet_table(dir / "facets_eam.json");
  EXPECT_EQ(eam.engine, "eam");
  EXPECT_EQ(eam.facets.size(), 12u);  // 3 facets × {slab, cut-crystal} × {unrelaxed, relaxed}
  for (const auto& f : eam.facets) {
    EXPECT_GT(f.e_dis_eV_per_A2, 0.0);
    EXPECT_TRUE(f.converged);
  }
  // Relaxation can only lower the energy of the parts: relaxed E_dis <= unrelaxed.
  for (const std::string method : {"slab", "cut-crystal"})
    for (const slabs::Miller hkl :
         {slabs::Miller{1, 0, 0}, slabs::Miller{1, 1, 0}, slabs::Miller{1, 1, 1}})
      EXPECT_LE(eam.find(hkl, method, true)->e_dis_eV_per_A2,
                eam.find(hkl, method, false)->e_dis_eV_per_A2 + 1e-9);
  EXPECT_TRUE(fs::exists(dir / "report.md"));
  EXPECT_TRUE(fs::exists(dir / "edis.svg"));
  EXPECT_TRUE(fs::exists(dir / "vasp_jobs" / "manifest.json"));
  EXPECT_TRUE(fs::exists(dir / "structures" / "cut_110" / "part2.vasp"));
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream log(dir.string() + ".log");
  const std::string text(std::istreambuf_iterator<char>(log), {});
  EXPECT_NE(text.find("resumed"), std::string::npos) << text;
  fs::remove_all(dir);
  fs::remove(dir.string() + ".log");
}
