/// \file test_pipeline.cpp
/// \brief `facetweld run`: job-file parsing, the documented example, an end-to-end EAM run, and
/// the refusals of run, edis and weld that came late (issue 21).
#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/error.hpp"
#include "slabs/facet_table.hpp"
#include "tests/cli_runner.hpp"
#include "tools/pipeline/report.hpp"
#include "tools/pipeline/run_settings.hpp"

namespace fs = std::filesystem;
using namespace fw;
using namespace fw::pipeline;

using fw::test::run_facetweld;
using Outcome = fw::test::CommandResult;

namespace {
fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("fw_pipeline_" + name + "_" + std::to_string(::getpid()));
}
std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
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

/// Issue 23: `element = "Ag"` alone runs silver (Kittel's 4.09 Å, Ag_u3.eam), and the report sets
/// it against no gold paper; gold's report keeps the paper's column.
TEST(RunCommand, SilverJobTakesSilversDefaultsAndItsReportHasNoPaperColumn) {
  EXPECT_TRUE(std::isfinite(paper_e_dis_eV_per_A2("Au", {1, 1, 1})));
  EXPECT_TRUE(std::isnan(paper_e_dis_eV_per_A2("Ag", {1, 1, 1})));
  const fs::path dir = temp_path("run_ag");
  fs::remove_all(dir);
  const fs::path job = temp_path("ag.toml");
  std::ofstream(job) << "element = \"Ag\"\nfacets = [\"111\"]\noutput_dir = \"" << dir.string()
                     << "\"\n";
  const RunSettings s = read_run_settings(job);
  EXPECT_DOUBLE_EQ(s.a_A, 4.09);
  EXPECT_EQ(s.eam.facet.potential, "Ag_u3.eam");
  const std::string cmd = "'" FACETWELD_BINARY "' run --no-dft --no-weld --no-vasp '" +
                          job.string() + "' > '" + dir.string() + ".log' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << slurp(dir.string() + ".log");
  const slabs::FacetTable eam = slabs::read_facet_table(dir / "facets_eam.json");
  EXPECT_EQ(eam.element, "Ag");
  for (const auto& f : eam.facets) EXPECT_GT(f.e_dis_eV_per_A2, 0.0);
  const std::string report = slurp(dir / "report.md");
  EXPECT_EQ(report.find("paper (VASP PBE"), std::string::npos) << report;
  EXPECT_NE(report.find("Ag, a = 4.09"), std::string::npos) << report;
  fs::remove_all(dir);
  fs::remove(job);
  fs::remove(dir.string() + ".log");
}

// Issue 21: a run refused for a non-physical EAM E_dis (copper's potential at gold's 4.08 Å,
// within copper's ±15 %) wrote geometry.json and structures/ first. The EAM stage now runs before
// the geometry, so the refusal leaves only settings.json, which no rerun reads.
TEST(RunCommand, NegativeEamEdisIsRefusedBeforeAnyStructureIsWritten) {
  const fs::path dir = temp_path("run_cu_far");
  fs::remove_all(dir);
  const fs::path job = temp_path("cu_far.toml");
  std::ofstream(job) << "element = \"Cu\"\na = 4.08\nfacets = [\"100\"]\noutput_dir = \""
                     << dir.string() << "\"\n[geometry]\ncells = 3\n";
  const Outcome r = run_facetweld("run --no-dft --no-weld --no-vasp '" + job.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("a: E_dis(100)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("is not positive"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "geometry.json"));
  EXPECT_FALSE(fs::exists(dir / "structures"));
  EXPECT_FALSE(fs::exists(dir / "facets_eam.json"));
  fs::remove_all(dir);
  fs::remove(job);
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
  EXPECT_NE(slurp(dir.string() + ".log").find("resumed"), std::string::npos);

  // One changed digit of an E_dis: noticed (one line naming the file), the stage is rerun and
  // writes the numbers it wrote the first time.
  const fs::path table = dir / "facets_eam.json";
  std::string text = slurp(table);
  const std::size_t digit = text.find_first_of("123456789", text.find("\"e_dis_eV_per_A2\""));
  text[digit] = text[digit] == '9' ? '0' : static_cast<char>(text[digit] + 1);
  std::ofstream(table) << text;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string log = slurp(dir.string() + ".log");
  EXPECT_NE(log.find("facetweld: notice: " + table.string() +
                     ": checksum mismatch (the content changed after it was written); running "
                     "the stage again"),
            std::string::npos)
      << log;
  EXPECT_NEAR(slabs::read_facet_table(table).facets[0].e_dis_eV_per_A2,
              eam.facets[0].e_dis_eV_per_A2, 1e-12);

  // Without its integrity block (an older facetweld's table): recomputed, unless adopted.
  nlohmann::json j = nlohmann::json::parse(slurp(table));
  j.erase("integrity");
  std::ofstream(table) << j.dump(2);
  const Outcome adopted = run_facetweld("adopt " + table.string());
  EXPECT_EQ(adopted.exit_code, 0) << adopted.output;
  EXPECT_NE(adopted.output.find("adopt: stamped " + table.string() + " (a `run` stage facet table"),
            std::string::npos)
      << adopted.output;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_NE(slurp(dir.string() + ".log").find("facets_eam.json from an earlier run"),
            std::string::npos);
  fs::remove_all(dir);
  fs::remove(dir.string() + ".log");
}

TEST(Adopt, VouchesForAnOlderCellStoreAndRefusesAFileOfNoKnownKind) {
  const fs::path store = temp_path("legacy.cells.json");
  std::ofstream(store) << R"({"format": "facetweld-dft-cell-cache-1", "cells": {"mesh 2x2x2;a":
    {"energy_eV": -100.327, "free_energy_eV": -100.328, "scf_steps": 12, "converged": true,
     "kpts": [2, 2, 2], "symmetry_operations": 48, "n_atoms": 1, "wall_s": 3.5}}})";
  const Outcome o = run_facetweld("adopt " + store.string());
  EXPECT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("adopt: " + store.string() +
                          " (a DFT cell store): stamped 1 cells, 0 intact already"),
            std::string::npos)
      << o.output;
  EXPECT_TRUE(nlohmann::json::parse(slurp(store))["cells"]["mesh 2x2x2;a"].contains("integrity"));

  std::ofstream(store) << R"({"facets": []})";
  const Outcome unknown = run_facetweld("adopt " + store.string());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("not a file adopt knows"), std::string::npos) << unknown.output;
  fs::remove(store);
}

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

namespace {

// Issue 21, refusals that came late: each careless input exits 2 at once with ONE line naming the
// option or file, before anything is printed or written (the rule of test_bad_input.cpp). Before:
// a pseudopotential of another metal was refused after the native study's header (edis) or when
// the DFT stage started (run); rods of 1 to 13 atoms welded at exit 0 with an angle between axes
// they do not have; a gzip cut in its header read as "empty file".
constexpr const char* kAuPsp = "/usr/share/abinit/psp/79_Au_oncv.psml";

class LateRefusal : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw_late_refusal_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "facets.json") << R"({"engine": "eam", "element": "Au", "a_A": 4.08,
 "facets": [
  {"hkl": [1, 0, 0], "e_dis_eV_per_A2": 0.0571, "relaxed": true, "method": "slab"},
  {"hkl": [1, 1, 0], "e_dis_eV_per_A2": 0.0610, "relaxed": true, "method": "slab"},
  {"hkl": [1, 1, 1], "e_dis_eV_per_A2": 0.0491, "relaxed": true, "method": "slab"}]}
)";
    std::ofstream(dir_ / "ag_au_psp.toml")
        << "output_dir = \"res\"\nelement = \"Ag\"\n[dft]\npseudopotential = \"" << kAuPsp
        << "\"\n[weld]\nenabled = false\n";
    std::ofstream(dir_ / "rod_short.toml")
        << "output_dir = \"res\"\n[weld]\nradius = 3.0\nlength = 5.0\n";
    std::ofstream(dir_ / "cut.xml.gz", std::ios::binary)
        << std::string("\x1f\x8b\x08\x00", 4) << "garbage";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      names.insert(fs::relative(e.path(), dir_).string());
    return names;
  }

  fs::path dir_;
};

struct Case {
  std::string args;
  std::string names;  ///< what the one line must say
};

}  // namespace

TEST_F(LateRefusal, EveryCaseExits2WithOneLineBeforeAnythingIsPrintedOrWritten) {
  const std::string au_psp = std::string(" --psp ") + kAuPsp;
  const std::string foreign_psp = "the pseudopotential 79_Au_oncv.psml is for Au, not Ag";
  const Case cases[] = {
      {"edis --engine native --element Ag" + au_psp + " -o e.json", "--element: " + foreign_psp},
      {"edis --engine native --element Ag" + au_psp + " --scheduler slurm -o e.json",
       "--element: " + foreign_psp},
      {"run ag_au_psp.toml", "ag_au_psp.toml: [dft] pseudopotential: " + foreign_psp},
      {"weld --facets facets.json --radius 3 --length 5 -o w",
       "--length: a rod 5 Å long and 3 Å in radius has no long axis to measure its angle by: "
       "give a length of at least √6 × radius = 7.35 Å"},
      {"weld --facets facets.json --radius 2 --length 20 -o w",
       "--radius: radius 2 Å leaves the rod one column of atoms, no cross-section: give at least "
       "3 Å"},
      {"run rod_short.toml", "rod_short.toml:4: [weld] length: a rod 5 Å long and 3 Å in radius"},
      {"vasp parse --type vasprun cut.xml.gz",
       "cut.xml.gz: a gzip file that holds no readable data"},
  };
  ASSERT_TRUE(fs::exists(FACETWELD_BINARY)) << FACETWELD_BINARY;
  const auto before = listing();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    const fw::test::CommandResult r = fw::test::run_facetweld(c.args, dir_);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    ASSERT_FALSE(r.output.empty());
    EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "not one line:\n" << r.output;
    EXPECT_EQ(r.output.rfind("facetweld: error: ", 0), 0u) << r.output;
    EXPECT_NE(r.output.find(c.names), std::string::npos) << r.output;
    EXPECT_EQ(listing(), before) << "files left behind";
  }
}
