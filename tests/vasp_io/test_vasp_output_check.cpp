/// \file test_vasp_output_check.cpp
/// \brief Outputs are checked against their job: real corpus runs match their own inputs (and
/// their species, counts and cell agree with pymatgen's reading of the POSCAR), a real OUTCAR of
/// another system (H on Ir16, 15 ionic steps) in an Au job stops `vasp run` and `vasp collect`
/// with exit 2 naming the folder, and collect never writes a non-positive E_dis.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "tests/vasp_io/jobs_fixture.hpp"
#include "vasp_io/jobs/output_check.hpp"
#include "vasp_io/jobs/registry.hpp"
#include "vasp_io/outcar.hpp"

using namespace fw::vasp;
using namespace fw::vasp::test;

namespace {

std::string run_args() {
  return "vasp run jobs --local --poll 0.2 --vasp-cmd " + quote(kFakeVasp);
}

int count_lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

/// The runs of the corpus that have their INCAR and POSCAR next to the OUTCAR.
const char* const kCasesWithInputs[] = {"atomate_H_on_Ir16_slab_seldyn",
                                        "custodian_FeO_ldau_spin_relax", "nomad_dftu_multi_vasp610",
                                        "aiida_Si_elec_unconverged", "aiida_Si_spin_relax_vasp620"};

}  // namespace

TEST(OutputCheck, OutcarHeaderMatchesPymatgensReadingOfThePoscar) {
  FW_REQUIRE_CORPUS();
  for (const char* name : kCasesWithInputs) {
    SCOPED_TRACE(name);
    const Outcar o = read_outcar(fw::vasp::testing::corpus_dir() / name / "OUTCAR");
    const auto poscar = fw::vasp::testing::expected_values(name, "POSCAR");
    EXPECT_EQ(nlohmann::json(o.species), poscar["site_symbols"]);
    EXPECT_EQ(nlohmann::json(o.ions_per_type), poscar["natoms"]);
    ASSERT_TRUE(o.initial_cell_A.has_value());
    const auto& lattice = poscar["structure"]["lattice_matrix"];
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c)
        EXPECT_NEAR((*o.initial_cell_A)[r][c], lattice[r][c].get<double>(), 1e-6);
  }
}

TEST(OutputCheck, RealRunsMatchTheirOwnInputs) {
  FW_REQUIRE_CORPUS();
  for (const char* name : kCasesWithInputs) {
    const fs::path dir = fw::vasp::testing::corpus_dir() / name;
    const auto problems = output_mismatches(dir, read_outcar(dir / "OUTCAR"));
    EXPECT_TRUE(problems.empty()) << name << ": " << (problems.empty() ? "" : problems.front());
  }
}

TEST(OutputCheck, IrSlabOutcarInAnAuJobIsRefusedForAtomsSpeciesCellAndRunType) {
  FW_REQUIRE_CORPUS();
  FakePotcarLibrary lib;
  lib.add("potpaw_PBE", "Au", "PAW_PBE Au 04Oct2007", 11.0, 229.943);
  const fs::path job = lib.root() / "job";
  fs::create_directories(job);
  const fs::path ir = fw::vasp::testing::corpus_dir() / "atomate_H_on_Ir16_slab_seldyn";
  // An Au job with the Ir run's own INCAR (a relaxation, NSW = 99): only the structure differs.
  std::ofstream(job / "POSCAR") << "Au fcc\n1.0\n0 2.04 2.04\n2.04 0 2.04\n2.04 2.04 0\nAu\n1\n"
                                   "Direct\n0 0 0\n";
  fs::copy_file(ir / "INCAR", job / "INCAR");
  const Outcar o = read_outcar(ir / "OUTCAR");
  auto problems = output_mismatches(job, o);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("OUTCAR has 17 atoms (H1Ir16), the POSCAR 1 (Au1)"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("another cell"), std::string::npos) << problems[1];

  // Same atom count, other species: the species check fires; a single-point INCAR: run type too.
  std::ofstream(job / "POSCAR", std::ios::trunc)
      << "Au17\n1.0\n0 -3.891896 -3.891896\n0 -3.891896 3.891896\n-31.135172 0 0\nAu\n17\n"
         "Direct\n";
  for (int i = 0; i < 17; ++i)
    std::ofstream(job / "POSCAR", std::ios::app) << "0 0 " << i / 17.0 << "\n";
  std::ofstream(job / "INCAR", std::ios::trunc) << "IBRION = -1\nNSW = 0\n";
  problems = output_mismatches(job, o);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find("species H1Ir16 differ from the POSCAR's Au17"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("IBRION = 2, NSW = 99"), std::string::npos) << problems[1];
  EXPECT_NE(problems[2].find("15 ionic steps"), std::string::npos) << problems[2];
  try {
    check_outputs_match_job(job, o);
    ADD_FAILURE() << "no InputError";
  } catch (const fw::InputError& e) {
    EXPECT_EQ(e.source(), job.string());
  }

  // The Ir run's own cell with a stretched c axis: only the cell differs.
  fs::copy_file(ir / "INCAR", job / "INCAR", fs::copy_options::overwrite_existing);
  std::ifstream in(ir / "POSCAR");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("-31.135172"), 10, "-31.235172");
  std::ofstream(job / "POSCAR", std::ios::trunc) << text;
  problems = output_mismatches(job, o);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("another cell"), std::string::npos) << problems[0];
}

TEST_F(PaperJobsFixture, ForeignOutcarStopsVaspRunWithExit2NamingTheFolder) {
  prepare_au();
  std::ofstream(plan_, std::ios::trunc) << "100/crystal " << kForeignCase << "\n"
                                        << "100/part1 " << kPart1Case << "\n"
                                        << "100/part2 " << kPart2Case << "\n";
  const auto run = facetweld(run_args());
  EXPECT_EQ(run.exit_code, 2) << run.text;
  // Progress lines ("vasp run: 100/crystal: submitted ...") and then one error line.
  const std::string last = run.text.substr(run.text.rfind('\n', run.text.size() - 2) + 1);
  EXPECT_NE(last.find("100/crystal"), std::string::npos) << run.text;
  EXPECT_NE(last.find("17 atoms (H1Ir16), the POSCAR 500 (Au500)"), std::string::npos) << last;
  EXPECT_NE(last.find("15 ionic steps"), std::string::npos) << last;
  EXPECT_EQ(count_lines(last), 1);
  Registry registry(jobs_);
  EXPECT_EQ(registry.job("100/crystal")->state, job_state::failed);
  for (const auto& job : registry.jobs()) EXPECT_NE(job.state, job_state::done) << job.name;

  const auto collect = facetweld("vasp collect jobs --json facets.json");
  EXPECT_EQ(collect.exit_code, 2) << collect.text;
  EXPECT_FALSE(fs::exists(dir_ / "facets.json"));
}

TEST_F(PaperJobsFixture, CollectRefusesAnOutcarSwappedAfterTheRun) {
  prepare();
  ASSERT_EQ(facetweld(run_args()).exit_code, 0);
  // The Dy9 run's OUTCAR where the H/Ir16 one was.
  fs::copy_file(kCorpus / kPart1Case / "OUTCAR", jobs_ / "100/crystal/OUTCAR",
                fs::copy_options::overwrite_existing);
  const auto collect = facetweld("vasp collect jobs --json facets.json");
  EXPECT_EQ(collect.exit_code, 2) << collect.text;
  EXPECT_EQ(count_lines(collect.text), 1) << collect.text;
  EXPECT_NE(collect.text.find("100/crystal"), std::string::npos) << collect.text;
  EXPECT_FALSE(fs::exists(dir_ / "facets.json"));
}

TEST_F(PaperJobsFixture, CollectNeverWritesANegativeEdis) {
  prepare_au();
  // Crystal and part swapped: E1 + E2 - E_crystal = (-130.4 - 40.0) - (-40.0) < 0.
  transplant("100/crystal", kPart1Case);
  transplant("100/part1", kCrystalCase);
  transplant("100/part2", kPart2Case);
  std::ofstream(plan_, std::ios::trunc) << "100/crystal " << kPart1Case << "\n"
                                        << "100/part1 " << kCrystalCase << "\n"
                                        << "100/part2 " << kPart2Case << "\n";
  ASSERT_EQ(facetweld(run_args()).exit_code, 0);
  const auto collect = facetweld("vasp collect jobs --json facets.json");
  EXPECT_EQ(collect.exit_code, 2) << collect.text;
  EXPECT_EQ(count_lines(collect.text), 1) << collect.text;
  EXPECT_NE(collect.text.find("not a positive number"), std::string::npos) << collect.text;
  EXPECT_NE(collect.text.find("jobs/100"), std::string::npos) << collect.text;
  EXPECT_FALSE(fs::exists(dir_ / "facets.json"));
}

TEST_F(PaperJobsFixture, WithoutAPotcarLibraryJobsGetPotcarSpecAndRunRefusesThem) {
  const auto prep = facetweld("vasp prepare --preset paper --facets 100 -o jobs", "VASP_PP_PATH=");
  ASSERT_EQ(prep.exit_code, 0) << prep.text;
  EXPECT_NE(prep.text.find("POTCAR.spec"), std::string::npos) << prep.text;
  for (const char* role : {"crystal", "part1", "part2"}) {
    const fs::path folder = jobs_ / "100" / role;
    EXPECT_FALSE(fs::exists(folder / "POTCAR")) << role;
    std::ifstream spec(folder / "POTCAR.spec");
    const std::string text((std::istreambuf_iterator<char>(spec)), {});
    EXPECT_EQ(text, "Au\n") << role;  // pymatgen's potcar_spec: one symbol a line
  }
  const auto run = facetweld(run_args());
  EXPECT_EQ(run.exit_code, 2) << run.text;
  EXPECT_EQ(count_lines(run.text), 1) << run.text;
  EXPECT_NE(run.text.find("jobs/100/crystal"), std::string::npos) << run.text;
  EXPECT_NE(run.text.find("no POTCAR (POTCAR.spec asks for Au)"), std::string::npos) << run.text;
  EXPECT_EQ(starts("100/crystal") + starts("100/part1") + starts("100/part2"), 0);
}

TEST(OutputCheck, SinglePointIsOneRunTypeWhateverIbrionOrNswMinusOne) {
  FW_REQUIRE_CORPUS();
  FakePotcarLibrary lib;
  const fs::path job = lib.root() / "job";
  fs::create_directories(job);
  const fs::path dy = fw::vasp::testing::corpus_dir() / "pymatgen_Dy9_slab_static";
  fs::copy_file(dy / "CONTCAR", job / "POSCAR");  // a single point: CONTCAR = its input
  const Outcar o = read_outcar(dy / "OUTCAR");    // NSW = 0, IBRION = -1
  for (const char* incar : {"NSW = 0\n", "IBRION = 2\nNSW = 0\n", "NSW = -1\n", ""}) {
    std::ofstream(job / "INCAR", std::ios::trunc) << incar;
    const auto problems = output_mismatches(job, o);
    EXPECT_TRUE(problems.empty()) << incar << ": " << (problems.empty() ? "" : problems.front());
  }
  std::ofstream(job / "INCAR", std::ios::trunc) << "IBRION = 2\nNSW = 50\n";
  EXPECT_EQ(output_mismatches(job, o).size(), 1u);  // a relaxation was asked, a single point ran
}
