/// \file jobs_fixture.hpp
/// \brief Shared set-up of the job-handling tests: a temp folder, a fixture POTCAR library, the
/// paper preset for one facet, and a replay plan for the VASP stand-in (tests/vasp_io/fake_vasp).
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/vasp_io/potcar_fixture.hpp"

namespace fw::vasp::test {

namespace fs = std::filesystem;

inline const fs::path kCorpus = fs::path(FACETWELD_SOURCE_DIR) / "tests/data/vasp-corpus";
inline const fs::path kFakeVasp =
    fs::path(FACETWELD_SOURCE_DIR) / "tests/vasp_io/fake_vasp/fake_vasp.sh";

struct CommandOutput {
  int exit_code = -1;
  std::string text;  ///< stdout and stderr together
};

/// Runs a shell command line, capturing stdout+stderr.
inline CommandOutput shell(const std::string& command) {
  CommandOutput out;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) out.text += buf.data();
  const int status = ::pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return out;
}

inline std::string quote(const fs::path& p) {
  return "'" + p.string() + "'";
}

/// Energy pymatgen 2022.11.7 read from a corpus OUTCAR (expected.json "final_energy", E(σ→0)).
inline double corpus_final_energy(const std::string& corpus_case) {
  std::ifstream in(kCorpus / corpus_case / "expected.json");
  return nlohmann::json::parse(in)["files"]["OUTCAR"]["values"]["final_energy"].get<double>();
}

/// Writes a header-only fixture POTCAR (potcar_fixture.hpp) with one dataset per species, in order.
inline void write_fixture_potcar(const fs::path& path, const std::vector<std::string>& species) {
  std::string text;
  for (const auto& element : species) {
    const fs::path one = path.parent_path() / ("POTCAR." + element + ".fixture");
    FakePotcarLibrary::add_file(one, "PAW_PBE " + element + " fixture", 10.0, 300.0);
    std::ifstream in(one);
    text += std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove(one);
  }
  std::ofstream(path) << text;
}

/// A temp folder with a fixture POTCAR library and the `paper` jobs of facet (100).
class PaperJobsFixture : public ::testing::Test {
 protected:
  // The three replayed runs. prepare() puts each one's real inputs into its job folder, so that
  // the outputs belong to the jobs (vasp run checks atoms, species, cell and run type): the
  // crystal becomes the H/Ir16 relaxation (its POSCAR, INCAR, KPOINTS), the parts the Dy9 single
  // point (its CONTCAR; the paper INCAR is a single point too). part1 first fails with a real
  // EDDDAV/ZHEGV stdout until ALGO = All.
  static constexpr const char* kCrystalCase = "atomate_H_on_Ir16_slab_seldyn";
  static constexpr const char* kPart1Case = "pymatgen_Dy9_slab_static";
  static constexpr const char* kPart2Case = "pymatgen_Dy9_slab_static";
  // In an untouched Au job, the H/Ir16 run (17 atoms, 15 ionic steps) is another system.
  static constexpr const char* kForeignCase = "atomate_H_on_Ir16_slab_seldyn";

  void SetUp() override {
    ASSERT_TRUE(fs::exists(kCorpus)) << "vasp-corpus missing: " << kCorpus;
    dir_ = potcars_.root() / "work";
    fs::create_directories(dir_);
    potcars_.add("potpaw_PBE", "Au", "PAW_PBE Au 04Oct2007", 11.0, 229.943);
    jobs_ = dir_ / "jobs";
    plan_ = dir_ / "plan.txt";
    log_ = dir_ / "fake_vasp.log";
    std::ofstream(plan_) << "100/crystal " << kCrystalCase << "\n"
                         << "100/part1 " << kPart1Case
                         << " custodian_stdout_error_logs/vasp.edddav2 ALGO=All\n"
                         << "100/part2 " << kPart2Case << "\n";
  }

  CommandOutput facetweld(const std::string& args, const std::string& env = "") const {
    return shell("cd " + quote(dir_) + " && FAKE_VASP_CORPUS=" + quote(kCorpus) +
                 " FAKE_VASP_PLAN=" + quote(plan_) + " FAKE_VASP_LOG=" + quote(log_) + " " + env +
                 " " + quote(FACETWELD_BINARY) + " " + args);
  }

  /// The Au jobs of `vasp prepare`, untouched: only outputs of these Au cells belong to them.
  void prepare_au() {
    const auto r = facetweld("vasp prepare --preset paper --facets 100 -o jobs --potcar-dir " +
                             quote(potcars_.root()));
    ASSERT_EQ(r.exit_code, 0) << r.text;
  }

  /// Makes job `name` the run of `corpus_case`: its real input structure (POSCAR, else CONTCAR)
  /// as POSCAR, its INCAR and KPOINTS when it has them (else the preset's stay), and a fixture
  /// POTCAR of its species.
  void transplant(const std::string& name, const std::string& corpus_case) {
    const fs::path from = kCorpus / corpus_case;
    const fs::path structure = fs::exists(from / "POSCAR") ? from / "POSCAR" : from / "CONTCAR";
    ASSERT_TRUE(fs::exists(structure)) << structure;
    const fs::path folder = jobs_ / name;
    fs::copy_file(structure, folder / "POSCAR", fs::copy_options::overwrite_existing);
    for (const char* input : {"INCAR", "KPOINTS"})
      if (fs::exists(from / input))
        fs::copy_file(from / input, folder / input, fs::copy_options::overwrite_existing);
    std::ifstream in(structure);
    std::string line;
    for (int i = 0; i < 6; ++i) std::getline(in, line);  // VASP 5: species on line 6
    std::istringstream words(line);
    std::vector<std::string> species;
    for (std::string w; words >> w;) species.push_back(w);
    write_fixture_potcar(folder / "POTCAR", species);
  }

  /// The jobs of the replay plan: prepared, then each given its replayed run's inputs.
  void prepare() {
    prepare_au();
    transplant("100/crystal", kCrystalCase);
    transplant("100/part1", kPart1Case);
    transplant("100/part2", kPart2Case);
  }

  /// VASP starts recorded by the stand-in for a job folder suffix.
  int starts(const std::string& suffix) const {
    std::ifstream in(log_);
    std::string line;
    int n = 0;
    while (std::getline(in, line))
      if (line.find("/" + suffix + " ") != std::string::npos) ++n;
    return n;
  }

  /// E_dis from pymatgen's energies of the replayed files and the manifest's cut area.
  double expected_e_dis() const {
    std::ifstream in(jobs_ / "manifest.json");
    const double area = nlohmann::json::parse(in)["jobs"][0]["area_A2"].get<double>();
    return (corpus_final_energy(kPart1Case) + corpus_final_energy(kPart2Case) -
            corpus_final_energy(kCrystalCase)) /
           area;
  }

  FakePotcarLibrary potcars_;
  fs::path dir_, jobs_, plan_, log_;
};

}  // namespace fw::vasp::test
