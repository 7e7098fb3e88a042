/// \file test_fault_injection.cpp
/// \brief Fault injection: `facetweld scf`, `edis --engine native` and `run` SIGKILLed at random
/// moments over the whole of a run, then started again until they finish. After every kill
/// nothing half-written is left (no temp file, every JSON present parses); the finished result
/// equals an uninterrupted run, and a restarted SCF says it read its checkpoint. (`vasp run` and
/// `weld` have their own: tests/vasp_io/test_vasp_jobs_fault_injection.cpp, tests/md/test_cli.cpp.)
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/cli_runner.hpp"

namespace fs = std::filesystem;
using fw::test::CommandResult;
using fw::test::run_facetweld;
using fw::test::run_facetweld_killed_after;

namespace {

const fs::path kPsp = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8";

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

class FaultInjection : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kPsp)) GTEST_FAIL() << "abinit-data not installed";
    dir_ = fs::temp_directory_path() /
           ("fw_fault_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const unsigned seed = std::random_device{}();
    std::printf("kill-time seed %u\n", seed);
    rng_.seed(seed);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  /// Runs `args` once uninterrupted in `folder`; returns its wall time in seconds.
  double reference(const std::string& args, const fs::path& folder) {
    fs::create_directories(folder);
    const auto start = std::chrono::steady_clock::now();
    const CommandResult r = run_facetweld("-q " + args, folder);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  struct Killed {
    int kills = 0;             ///< kills since the folder was last emptied
    bool resumed = false;      ///< the start that finished found something to resume
    std::string final_output;  ///< what the start that finished printed
  };

  /// Starts `args()` in `folder` and kills it at a moment drawn uniformly over the whole of the
  /// reference run (0.05 s to its duration), checking what is left after each kill, until a start
  /// finishes or `max_starts` starts; then lets it finish. A start that finishes although nothing
  /// was there to resume (`resumable()` false when it began: its kill came after its end) tested
  /// nothing, so the folder is emptied and the series begins again.
  template <typename Args, typename Resumable>
  Killed kill_until_done(const Args& args, const Resumable& resumable, const fs::path& folder,
                         double reference_s, int max_starts) {
    fs::create_directories(folder);
    std::uniform_real_distribution<double> kill_after(0.05, std::max(0.1, reference_s));
    Killed k;
    for (int start = 0; start < max_starts; ++start) {
      k.resumed = resumable();
      const double at_s = kill_after(rng_);
      std::printf("start %d: SIGKILL at %.2f s of a %.2f s run\n", start + 1, at_s, reference_s);
      const CommandResult r = run_facetweld_killed_after(at_s, "-q " + args(), folder);
      if (r.exit_code == 0 && k.resumed) {
        k.final_output = r.output;
        return k;
      }
      if (r.exit_code == 0) {  // finished before its kill, from scratch: begin again
        fs::remove_all(folder);
        fs::create_directories(folder);
        k.kills = 0;
        continue;
      }
      EXPECT_EQ(r.exit_code, 137) << r.output;
      ++k.kills;
      expect_nothing_half_written(folder);
    }
    k.resumed = resumable();
    const CommandResult r = run_facetweld("-q " + args(), folder);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    k.final_output = r.output;
    return k;
  }

  /// Whether a killed start left any file in `folder` (something a rerun may resume from).
  static bool holds_a_file(const fs::path& folder) {
    for (const auto& e : fs::recursive_directory_iterator(folder))
      if (e.is_regular_file()) return true;
    return false;
  }

  /// No temp file of an atomic write is left, and every JSON file there parses.
  static void expect_nothing_half_written(const fs::path& folder) {
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
      if (!e.is_regular_file()) continue;
      const std::string name = e.path().filename().string();
      EXPECT_EQ(name.find(".tmp."), std::string::npos) << "left behind: " << e.path();
      if (e.path().extension() == ".json") {
        EXPECT_NO_THROW(read_json(e.path())) << "half-written: " << e.path();
      }
    }
  }

  fs::path dir_;
  std::mt19937 rng_;
};

/// The E_dis fields of two facet tables, entry by entry: equal to 1e-9 relative (a restarted DFT
/// stage recomputes from scratch; threads may sum in another order).
void expect_same_facets(const nlohmann::json& a, const nlohmann::json& b) {
  ASSERT_EQ(a.at("facets").size(), b.at("facets").size());
  for (std::size_t i = 0; i < a["facets"].size(); ++i) {
    const auto &fa = a["facets"][i], &fb = b["facets"][i];
    EXPECT_EQ(fa.at("hkl"), fb.at("hkl"));
    for (const char* key : {"e_dis_eV_per_A2", "e_dis_free_energy_eV_per_A2"}) {
      const double x = fa.at(key).get<double>(), y = fb.at(key).get<double>();
      EXPECT_NEAR(x, y, 1e-9 * std::abs(y)) << key << " of facet " << fa["hkl"];
    }
  }
}

TEST_F(FaultInjection, ScfKilledAndRestartedFromItsCheckpointEqualsAnUninterruptedRun) {
  ASSERT_EQ(
      run_facetweld("bulk --element Au --a 4.08 --cell primitive -o bulk.vasp", dir_).exit_code, 0);
  const std::string scf =
      "scf --structure ../bulk.vasp --psp '" + kPsp.string() +
      "' --xc pbe --ecut 12Ha --kpts 6x6x6 --smearing fermi-dirac:0.01Ha "
      "--toldfe 1e-10Ha --checkpoint ck.bin --checkpoint-every 1 --json scf.json";
  const double reference_s = reference(scf, dir_ / "whole");
  const fs::path killed = dir_ / "killed";
  // Restart from the checkpoint whenever a killed start left one (the user's next command).
  const auto next_start = [&] { return scf + (fs::exists(killed / "ck.bin") ? " --restart" : ""); };
  const auto has_checkpoint = [&] { return fs::exists(killed / "ck.bin"); };
  const Killed k = kill_until_done(next_start, has_checkpoint, killed, reference_s, 6);
  std::printf("scf killed %d time(s)\n", k.kills);
  EXPECT_GE(k.kills, 1);
  // The start that finished continued from the checkpoint a kill left, not from scratch.
  ASSERT_TRUE(k.resumed) << "no kill left a checkpoint";
  EXPECT_NE(k.final_output.find("restarted from ck.bin after step "), std::string::npos)
      << k.final_output;
  const auto whole = read_json(dir_ / "whole/scf.json"), resumed = read_json(killed / "scf.json");
  EXPECT_TRUE(resumed.at("converged").get<bool>());
  // A restarted SCF converges along another path: equal within the convergence tolerance.
  EXPECT_NEAR(resumed.at("free_energy_Ha").get<double>(), whole.at("free_energy_Ha").get<double>(),
              1e-8);
  EXPECT_NEAR(resumed.at("fermi_eV").get<double>(), whole.at("fermi_eV").get<double>(), 1e-5);
}

TEST_F(FaultInjection, NativeEdisKilledThenRerunEqualsAnUninterruptedRun) {
  const std::string edis =
      "edis --engine native --facets 100,111 --layers 3 --vacuum 4 --ecut 8Ha "
      "--kpts 2x2x1 --kpts-bulk 2x2x2 --xc pbe --psp '" +
      kPsp.string() + "' -o facets.json";
  const double reference_s = reference(edis, dir_ / "whole");
  const fs::path killed = dir_ / "killed";
  const Killed k = kill_until_done([&] { return edis; }, [&] { return holds_a_file(killed); },
                                   killed, reference_s, 3);
  std::printf("edis killed %d time(s)\n", k.kills);
  EXPECT_GE(k.kills, 1);
  expect_same_facets(read_json(dir_ / "killed/facets.json"), read_json(dir_ / "whole/facets.json"));
}

TEST_F(FaultInjection, RunKilledThenResumedEqualsAnUninterruptedRun) {
  {
    std::ofstream job(dir_ / "job.toml");
    job << "facets = [\"100\", \"111\"]\n[geometry]\ncells = 3\n"
           "[eam]\nlayers = 7\nvacuum = 10.0\nfmax = 0.01\n"
           "[dft]\npseudopotential = \""
        << kPsp.string()
        << "\"\nxc = \"pbe\"\nlayers = 2\nvacuum = 4.0\nkpts = \"2x2x1\"\nkpts_bulk = \"2x2x2\"\n"
           "ecut = 8.0\n[vasp]\nlayers = [5]\n"
           "[weld]\nmode = \"tip\"\nsubstrate = \"none\"\nangles = [0, 60]\nseeds = 2\ntime = 0.1\n"
           "radius = 5.0\nlength = 20.0\nworkers = 1\n";
  }
  const std::string run = "run ../job.toml -o out";
  const double reference_s = reference(run, dir_ / "whole");
  const fs::path killed = dir_ / "killed";
  const Killed k = kill_until_done([&] { return run; }, [&] { return holds_a_file(killed); },
                                   killed, reference_s, 4);
  std::printf("run killed %d time(s)\n", k.kills);
  EXPECT_GE(k.kills, 1);
  const fs::path whole = dir_ / "whole/out", resumed = dir_ / "killed/out";
  EXPECT_EQ(read_json(resumed / "facets_eam.json")["facets"],
            read_json(whole / "facets_eam.json")["facets"]);
  expect_same_facets(read_json(resumed / "facets_native_pbe.json"),
                     read_json(whole / "facets_native_pbe.json"));
  const auto weld_whole = read_json(whole / "weld/weld.json"),
             weld_resumed = read_json(resumed / "weld/weld.json");
  EXPECT_EQ(weld_resumed.at("status"), "complete");
  EXPECT_EQ(weld_resumed.at("summary"), weld_whole.at("summary"));
  for (const char* file : {"report.md", "report.html", "vasp_jobs/100/crystal/POSCAR"})
    EXPECT_TRUE(fs::exists(resumed / file)) << file;
}

}  // namespace
