/// \file test_vasp_errors.cpp
/// \brief Failure detection matches custodian on the corpus' real stdout logs; the fix ladder
/// edits the inputs as documented, and stops.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/vasp_io/jobs_fixture.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/jobs/errors.hpp"
#include "vasp_io/jobs/outcome.hpp"
#include "vasp_io/jobs/repair.hpp"
#include "vasp_io/kpoints.hpp"

using namespace fw::vasp;
using fw::vasp::test::kCorpus;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A scratch job folder with an INCAR and KPOINTS.
struct Folder {
  fw::vasp::test::FakePotcarLibrary tmp;  // only for its temp folder
  fs::path dir = tmp.root();
  explicit Folder(const std::string& incar) {
    std::ofstream(dir / "INCAR") << incar;
    std::ofstream(dir / "KPOINTS") << "mesh\n0\nMonkhorst-Pack\n4 4 4\n";
  }
};
}  // namespace

// expected.json of every stdout log holds the keys custodian's VaspErrorHandler matched.
TEST(VaspErrors, CorpusStdoutLogsGiveCustodiansErrors) {
  ASSERT_TRUE(fs::exists(kCorpus)) << "vasp-corpus missing: " << kCorpus;
  int logs = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const fs::path expected_path = entry.path() / "expected.json";
    if (!fs::exists(expected_path)) continue;
    std::ifstream in(expected_path);
    const auto expected = nlohmann::json::parse(in);
    for (const auto& [file, record] : expected["files"].items()) {
      if (record["kind"] != "stdout_log") continue;
      ++logs;
      std::vector<std::string> want = record["values"]["custodian_errors_detected"];
      std::vector<std::string> got;
      for (const auto& e : detect_errors_in_text(slurp(entry.path() / file))) got.push_back(e.code);
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, want) << entry.path().filename() << "/" << file;
    }
  }
  EXPECT_GE(logs, 7);
}

TEST(VaspErrors, UnconvergedScfIsFoundFromTheOutcar) {
  const fs::path dir = kCorpus / "aiida_Si_elec_unconverged";
  ASSERT_TRUE(fs::exists(dir)) << "vasp-corpus missing: " << dir;
  const auto outcome = evaluate_attempt(dir, 0);
  EXPECT_FALSE(outcome.success);
  ASSERT_FALSE(outcome.errors.empty());
  EXPECT_EQ(outcome.errors.front().code, error_code::unconverged_scf);
}

TEST(VaspErrors, FinishedRelaxationIsASuccessWithTheLastSigma0Energy) {
  const fs::path dir = kCorpus / "custodian_FeO_ldau_spin_relax";
  ASSERT_TRUE(fs::exists(dir)) << "vasp-corpus missing: " << dir;
  const auto outcome = evaluate_attempt(dir, 0);
  EXPECT_TRUE(outcome.success) << outcome.summary;
  EXPECT_NEAR(*outcome.energy_eV,
              fw::vasp::test::corpus_final_energy("custodian_FeO_ldau_spin_relax"), 1e-8);
}

TEST(Repair, ZbrentLadderSwitchesToQuasiNewtonThenTightensEdiff) {
  Folder f("IBRION = 2\nNSW = 50\nEDIFF = 1E-5\n");
  auto first = repair_job(f.dir, {{"zbrent", "ZBRENT: fatal error in bracketing"}}, {});
  ASSERT_TRUE(first);
  EXPECT_EQ(Incar::read(f.dir / "INCAR").integer("IBRION"), 1);
  auto second = repair_job(f.dir, {{"zbrent", ""}}, {{"zbrent", 1}});
  ASSERT_TRUE(second);
  EXPECT_NEAR(*Incar::read(f.dir / "INCAR").real("EDIFF"), 1e-6, 1e-18);
  EXPECT_FALSE(repair_job(f.dir, {{"zbrent", ""}}, {{"zbrent", 3}}));
}

TEST(Repair, BrmixGoesKerkerThenGammaMeshThenNoSymmetry) {
  Folder f("ISMEAR = 1\n");
  ASSERT_TRUE(repair_job(f.dir, {{"brmix", ""}}, {}));
  EXPECT_EQ(Incar::read(f.dir / "INCAR").integer("IMIX"), 1);
  ASSERT_TRUE(repair_job(f.dir, {{"brmix", ""}}, {{"brmix", 1}}));
  EXPECT_EQ(read_kpoints(f.dir / "KPOINTS").mode, KpointsMode::gamma);
  EXPECT_FALSE(Incar::read(f.dir / "INCAR").has("IMIX"));
  ASSERT_TRUE(repair_job(f.dir, {{"brmix", ""}}, {{"brmix", 2}}));
  EXPECT_EQ(Incar::read(f.dir / "INCAR").integer("ISYM"), 0);
}

TEST(Repair, UnconvergedScfLadderAndSubspaceMatrix) {
  Folder f("ALGO = Fast\nNELM = 60\n");
  ASSERT_TRUE(repair_job(f.dir, {{error_code::unconverged_scf, ""}}, {}));
  EXPECT_EQ(Incar::read(f.dir / "INCAR").word("ALGO"), "Normal");
  ASSERT_TRUE(repair_job(f.dir, {{error_code::unconverged_scf, ""}}, {{"unconverged_scf", 1}}));
  EXPECT_DOUBLE_EQ(*Incar::read(f.dir / "INCAR").real("AMIX"), 0.1);
  ASSERT_TRUE(repair_job(f.dir, {{"subspacematrix", ""}}, {}));
  EXPECT_EQ(Incar::read(f.dir / "INCAR").logical("LREAL"), false);
}

TEST(Repair, TooFewBandsRaisesNbandsByTenPercent) {
  Folder f("NBANDS = 40\n");
  ASSERT_TRUE(repair_job(f.dir, {{"too_few_bands", ""}}, {}));
  EXPECT_EQ(Incar::read(f.dir / "INCAR").integer("NBANDS"), 45);
}

TEST(Repair, NonFatalNotesAndUnknownErrorsGetNoFix) {
  Folder f("ALGO = Fast\n");
  EXPECT_FALSE(repair_job(f.dir, {{"auto_nbands", ""}}, {}));
  EXPECT_FALSE(repair_job(f.dir, {{"triple_product", ""}}, {}));
}
