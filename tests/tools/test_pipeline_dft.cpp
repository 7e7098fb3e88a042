/// \file test_pipeline_dft.cpp
/// \brief `facetweld run`'s native-PBE stage goes through `dft::dft_facet_energy`: the same
/// facets.json entries as `facetweld edis --engine native` (both E_dis, SCF steps, meshes), and
/// a second run with the same settings resumes; the welding rods are shaped by that table. The
/// stage honours `relax` (relaxed slabs written) and refuses an E_dis ≤ 0 (stage failed, exit 2
/// after the report).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/cli_runner.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kPsp = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8";

/// A results folder for a DFT-only run of `dft_section` (the [dft] keys after the psp and xc).
fs::path dft_only_run(const std::string& name, const std::string& facets,
                      const std::string& dft_section) {
  const fs::path dir =
      fs::temp_directory_path() / ("fw_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream job(dir / "job.toml");
  job << "facets = [" << facets
      << "]\n[eam]\nenabled = false\n[vasp]\nenabled = false\n[weld]\nenabled = false\n"
         "[dft]\npseudopotential = \""
      << kPsp << "\"\nxc = \"pbe\"\n"
      << dft_section;
  return dir;
}

using fw::test::read_json;

}  // namespace

TEST(RunCommand, DftStageWritesTheNativeEdisEntriesAndResumes) {
  const std::string& psp = kPsp;
  if (!fs::exists(psp)) GTEST_FAIL() << "abinit-data not installed";
  const fs::path dir =
      fs::temp_directory_path() / ("fw_pipeline_dft_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream job(dir / "job.toml");
    // [100] rods need the {100} and {110} families for their sides; EAM off, so the rods can
    // only be shaped by the native PBE table.
    job << "facets = [\"100\", \"110\"]\n[eam]\nenabled = false\n[vasp]\nenabled = false\n"
           "[weld]\nmode = \"tip\"\nsubstrate = \"none\"\nangles = [0]\nseeds = 1\n"
           "time = 0.05\nradius = 5.0\nlength = 16.0\n[dft]\npseudopotential = \""
        << psp
        << "\"\nxc = \"pbe\"\nlayers = 3\nvacuum = 4.0\nkpts = \"2x2x1\"\n"
           "kpts_bulk = \"2x2x2\"\necut = 12.0\n";
  }
  const auto first = fw::test::run_facetweld("run job.toml -o out", dir);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const auto j = read_json(dir / "out" / "facets_native_pbe.json");
  EXPECT_EQ(j.at("engine"), "native-pbe");
  ASSERT_EQ(j.at("facets").size(), 2u);
  const auto& f = j["facets"][0];
  EXPECT_GT(f.at("e_dis_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("e_dis_free_energy_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("scf_steps_slab").get<int>(), 1);
  EXPECT_EQ(f.at("kpts_bulk_computed"), (std::vector<int>{2, 2, 6}));
  // The welding rods were shaped by this table (issue 11: DFT when there is one).
  const auto weld = read_json(dir / "out" / "weld" / "weld.json");
  EXPECT_EQ(fs::path(weld.at("facets").at("source").get<std::string>()).filename(),
            "facets_native_pbe.json");
  EXPECT_EQ(weld["facets"].at("engine"), "native-pbe");
  for (const auto& f : weld.at("rod").at("wulff_facets"))
    EXPECT_NE(f.at("from").get<std::string>().find("slab unrelaxed"), std::string::npos) << f;
  const auto second = fw::test::run_facetweld("run job.toml -o out", dir);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("resumed"), std::string::npos) << second.output;
  fs::remove_all(dir);
}

TEST(RunCommand, DftStageWithRelaxWritesTheRelaxedSlabs) {
  if (!fs::exists(kPsp)) GTEST_FAIL() << "abinit-data not installed";
  const fs::path dir = dft_only_run("pipeline_relax", "\"100\"",
                                    "layers = 3\nvacuum = 4.0\nkpts = \"2x2x1\"\n"
                                    "kpts_bulk = \"2x2x2\"\necut = 10.0\nrelax = true\n");
  const auto r = fw::test::run_facetweld("run job.toml -o out", dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const fs::path out = dir / "out";
  EXPECT_TRUE(fs::exists(out / "facets_native_pbe_100_relaxed.vasp")) << r.output;
  EXPECT_TRUE(fs::exists(out / "facets_native_pbe_100_relaxed.extxyz")) << r.output;
  const auto j = read_json(out / "facets_native_pbe.json");
  ASSERT_EQ(j.at("facets").size(), 2u);  // unrelaxed, relaxed
  EXPECT_TRUE(j["facets"][1].at("relaxed").get<bool>());
  EXPECT_LT(j["facets"][1].at("e_dis_eV_per_A2").get<double>(),
            j["facets"][0].at("e_dis_eV_per_A2").get<double>());
  // The stage's line says what was computed.
  EXPECT_NE(r.output.find("unrelaxed and relaxed"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

TEST(RunCommand, DftStageWithANonPositiveEdisFailsTheRunAfterTheReport) {
  if (!fs::exists(kPsp)) GTEST_FAIL() << "abinit-data not installed";
  // Two (110) planes at 8 Ha: E_dis comes out negative (tests/tools/test_cli_edis.cpp).
  const fs::path dir = dft_only_run("pipeline_negative", "\"110\"",
                                    "layers = 2\nvacuum = 4.0\nkpts = \"2x2x1\"\n"
                                    "kpts_bulk = \"2x2x2\"\necut = 8.0\n");
  const auto r = fw::test::run_facetweld("run job.toml -o out", dir);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("native-pbe  failed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("stage native-pbe: facets_native_pbe.json: unrelaxed E_dis of (110)"),
            std::string::npos)
      << r.output;
  const fs::path out = dir / "out";
  EXPECT_TRUE(fs::exists(out / "report.md"));
  const auto j = read_json(out / "facets_native_pbe.json");
  EXPECT_EQ(j.at("problems").size(), 1u);
  // No resume key: the next run recomputes (from the cached cells) and fails again.
  EXPECT_FALSE(j.contains("settings_key"));
  const auto again = fw::test::run_facetweld("run job.toml -o out", dir);
  EXPECT_EQ(again.exit_code, 2) << again.output;
  fs::remove_all(dir);
}

TEST(RunCommand, DftStageUsesAConvergedTableOnlyAfterItsCheckCellIsReproduced) {
  const std::string hgh = "/usr/share/abinit/psp/79au.1.hgh";  // one-electron Au: seconds
  ASSERT_TRUE(fs::exists(hgh)) << "Debian abinit-data is a dependency (tools/setup.sh)";
  const fs::path dir =
      fs::temp_directory_path() / ("fw_pipeline_table_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A converged table, as `edis --converge` writes it (with its check cell).
  const auto made = fw::test::run_facetweld(
      "edis --engine native --facets 100 --psp " + hgh +
          " --xc lda --layers 3 --vacuum 4 --ecut 3Ha --kpts 2x2x1 --converge "
          "--converge-max-points 2 --converge-tolerance 1 --lattice-constant crystal -o "
          "table.json",
      dir);
  ASSERT_EQ(made.exit_code, 0) << made.output;
  const auto table = read_json(dir / "table.json");
  ASSERT_TRUE(table.contains("check_cell"));
  {
    std::ofstream job(dir / "job.toml");
    job << "facets = [\"100\"]\n[eam]\nenabled = false\n[vasp]\nenabled = false\n"
           "[weld]\nenabled = false\n[dft]\npseudopotential = \""
        << hgh << "\"\nxc = \"lda\"\ntable = \"" << (dir / "table.json").string() << "\"\n";
  }
  const auto used = fw::test::run_facetweld("run job.toml -o out", dir);
  ASSERT_EQ(used.exit_code, 0) << used.output;
  EXPECT_NE(used.output.find("using the converged table"), std::string::npos) << used.output;
  const auto written = read_json(dir / "out" / "facets_native_pbe.json");
  EXPECT_EQ(written.at("facets"), table.at("facets"));  // the table's numbers, not new ones
  EXPECT_LT(std::abs(written.at("check_cell_recomputed").at("change_Ha").get<double>()), 1e-6);
  // The report gives each E_dis with its error bar.
  std::ifstream report(dir / "out" / "report.md");
  const std::string text((std::istreambuf_iterator<char>(report)), {});
  EXPECT_NE(text.find(" ± "), std::string::npos) << text;

  // One digit of the stored check-cell energy changed: the run stops, naming the table.
  auto tampered = table;
  tampered["check_cell"]["free_energy_Ha"] =
      table["check_cell"]["free_energy_Ha"].get<double>() + 1e-4;
  std::ofstream(dir / "table.json") << tampered.dump(1);
  fs::remove_all(dir / "out");
  const auto refused = fw::test::run_facetweld("run job.toml -o out", dir);
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("the solver has changed since"), std::string::npos)
      << refused.output;
  EXPECT_NE(refused.output.find("table.json"), std::string::npos) << refused.output;
  fs::remove_all(dir);
}
