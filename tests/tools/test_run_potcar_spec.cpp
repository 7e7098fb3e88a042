/// \file test_run_potcar_spec.cpp
/// \brief `facetweld run` without a POTCAR library writes its VASP jobs as `vasp prepare` does:
/// a POTCAR.spec (pymatgen's convention) in every job folder, no POTCAR, and says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

TEST(RunVaspStage, WithoutALibraryEveryJobGetsPotcarSpecLikeVaspPrepare) {
  const fs::path dir = fs::temp_directory_path() / ("fw_run_spec_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const fs::path log = dir.string() + ".log";
  const std::string cmd = "VASP_PP_PATH= '" FACETWELD_BINARY "' run --no-dft --no-weld -o '" +
                          dir.string() + "' > '" + log.string() + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream log_in(log);
  const std::string text((std::istreambuf_iterator<char>(log_in)), {});
  EXPECT_NE(text.find("POTCAR.spec"), std::string::npos) << text;

  std::ifstream manifest_in(dir / "vasp_jobs" / "manifest.json");
  const auto manifest = nlohmann::json::parse(manifest_in);
  ASSERT_FALSE(manifest["jobs"].empty());
  for (const auto& job : manifest["jobs"]) {
    const fs::path folder = dir / "vasp_jobs" / job["name"].get<std::string>();
    SCOPED_TRACE(folder.string());
    EXPECT_FALSE(fs::exists(folder / "POTCAR"));
    std::ifstream spec(folder / "POTCAR.spec");
    const std::string names((std::istreambuf_iterator<char>(spec)), {});
    EXPECT_EQ(names, "Au\n");
  }
  fs::remove_all(dir);
  fs::remove(log);
}
