/// \file test_pipeline.cpp
/// \brief `facetweld run`: job-file parsing, the documented example, and an end-to-end EAM run.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "slabs/facet_table.hpp"
#include "tests/cli_runner.hpp"
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
  EXPECT_EQ(to_json(example), to_json(default_run_settings()));
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

using fw::test::run_facetweld;
using Outcome = fw::test::CommandResult;

TEST(RunSettings, PrintedDefaultsAreTheExampleAndReadBackToTheDefaultRun) {
  const Outcome printed = run_facetweld("run --print-defaults");
  ASSERT_EQ(printed.exit_code, 0) << printed.output;
  const fs::path job = temp_path("defaults.toml");
  std::ofstream(job) << printed.output;
  EXPECT_EQ(to_json(read_run_settings(job)), to_json(default_run_settings()));
  std::ifstream example(fs::path(FACETWELD_SOURCE_DIR) / "examples" / "run_au.toml");
  const std::string example_text(std::istreambuf_iterator<char>(example), {});
  EXPECT_EQ(example_text, printed.output)
      << "regenerate with: facetweld run --print-defaults > examples/run_au.toml";
  fs::remove(job);
}

TEST(RunSettings, OutOfRangeJobFileValuesStopBeforeAnyStageNamingFileLineAndRange) {
  const struct {
    std::string text;
    int line;
    std::string expected;
  } cases[] = {
      {"[dft]\nlayers = 5\necut = -5\n", 3, "2 ≤ x ≤ 500 Ha"},
      {"[dft]\necut_Ha = -5\n", 2, "2 ≤ x ≤ 500 Ha"},
      {"[dft]\nkpts = \"0x6x1\"\n", 2, "1 ≤ x ≤ 200"},
      {"[dft]\nlayers = 1\n", 2, "2 ≤ x ≤ 500"},
      {"[weld]\nangles = [0, 20, 200]\n", 2, "0 ≤ x ≤ 90 deg"},
      {"[geometry]\ncells = 0\n", 2, "1 ≤ x ≤ 60"},
      {"[dft]\necutt = 30\n", 2, "did you mean 'ecut'"},
      {"a = -4.08\n", 1, "2 ≤ x ≤ 7 Å"},
  };
  for (const auto& c : cases) {
    const fs::path job = temp_path("bad_job.toml");
    const fs::path out = temp_path("bad_job_out");
    fs::remove_all(out);
    std::ofstream(job) << c.text;
    const Outcome r = run_facetweld("run '" + job.string() + "' -o '" + out.string() + "'");
    EXPECT_EQ(r.exit_code, 2) << c.text << r.output;
    EXPECT_NE(r.output.find(job.string() + ":" + std::to_string(c.line) + ":"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(c.expected), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out)) << "nothing may be written for a bad job file";
    fs::remove(job);
  }
}

TEST(RunSettings, SameValuesOnTheCommandLineNameTheOption) {
  Outcome r = run_facetweld("scf --structure nonexistent.vasp --ecut -5Ha");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--ecut"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 ≤ x ≤ 500 Ha"), std::string::npos) << r.output;
  r = run_facetweld("scf --structure nonexistent.vasp --kpts 0x6x1");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--kpts"), std::string::npos) << r.output;
  r = run_facetweld("slab --layers 0 -o never.vasp");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--layers"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists("never.vasp"));
}

TEST(SettingsReference, DocsPageEqualsTheTables) {
  const Outcome r = run_facetweld("settings");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream page(fs::path(FACETWELD_SOURCE_DIR) / "docs" / "settings.md");
  const std::string text(std::istreambuf_iterator<char>(page), {});
  EXPECT_EQ(text, r.output) << "regenerate with: facetweld settings > docs/settings.md";
}
