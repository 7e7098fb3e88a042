/// \file test_pipeline_dft.cpp
/// \brief `facetweld run`'s native-PBE stage goes through `dft::dft_facet_energy`: the same
/// facets.json entries as `facetweld edis --engine native` (both E_dis, SCF steps, meshes), and
/// a second run with the same settings resumes; the welding rods are shaped by that table.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

TEST(RunCommand, DftStageWritesTheNativeEdisEntriesAndResumes) {
  const std::string psp = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8";
  if (!fs::exists(psp)) GTEST_SKIP() << "abinit-data not installed";
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
  const std::string cmd =
      "cd '" + dir.string() + "' && '" FACETWELD_BINARY "' run job.toml -o out > run.log 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(dir / "out" / "facets_native_pbe.json");
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j.at("engine"), "native-pbe");
  ASSERT_EQ(j.at("facets").size(), 2u);
  const auto& f = j["facets"][0];
  EXPECT_GT(f.at("e_dis_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("e_dis_free_energy_eV_per_A2").get<double>(), 0.0);
  EXPECT_GT(f.at("scf_steps_slab").get<int>(), 1);
  EXPECT_EQ(f.at("kpts_bulk_computed"), (std::vector<int>{2, 2, 6}));
  // The welding rods were shaped by this table (issue 11: DFT when there is one).
  std::ifstream weld_in(dir / "out" / "weld" / "weld.json");
  const auto weld = nlohmann::json::parse(weld_in);
  EXPECT_EQ(fs::path(weld.at("facets").at("source").get<std::string>()).filename(),
            "facets_native_pbe.json");
  EXPECT_EQ(weld["facets"].at("engine"), "native-pbe");
  for (const auto& f : weld.at("rod").at("wulff_facets"))
    EXPECT_NE(f.at("from").get<std::string>().find("slab unrelaxed"), std::string::npos) << f;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream log(dir / "run.log");
  const std::string text(std::istreambuf_iterator<char>(log), {});
  EXPECT_NE(text.find("resumed"), std::string::npos) << text;
  fs::remove_all(dir);
}
