/// \file test_settings_table.cpp
/// \brief A settings table drives defaults, job-file reading, CLI text, JSON and validation.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/settings/table.hpp"

namespace fs = std::filesystem;
using namespace fw::settings;

namespace {

struct Example {
  double ecut_hartree{};
  int layers{};
  std::string mode;
  std::vector<double> angles_deg;
  std::array<int, 3> kpts{};
  bool relax{};
};

const Table<Example>& example_table() {
  using S = Example;
  static const Table<S> table(
      "dft", "Example",
      {bind<S>(
           {.key = "ecut",
            .type = Type::Real,
            .unit = "Ha",
            .default_value = 30.0,
            .doc = "Cut-off",
            .range = between(2, 500)},
           [](auto& s) -> auto& { return s.ecut_hartree; }),
       bind<S>(
           {.key = "layers",
            .type = Type::Integer,
            .default_value = 5LL,
            .doc = "Layers",
            .range = between(1, 99)},
           [](auto& s) -> auto& { return s.layers; }),
       bind<S>(
           {.key = "mode",
            .type = Type::Choice,
            .default_value = std::string("side"),
            .doc = "Mode",
            .choices = {"side", "top", "tip"}},
           [](auto& s) -> auto& { return s.mode; }),
       bind<S>(
           {.key = "angles",
            .type = Type::RealList,
            .unit = "deg",
            .default_value = std::vector<double>{0, 20},
            .doc = "Angles",
            .range = between(0, 180)},
           [](auto& s) -> auto& { return s.angles_deg; }),
       bind<S>(
           {.key = "kpts",
            .type = Type::Triplet,
            .default_value = std::array<int, 3>{6, 6, 1},
            .doc = "Mesh",
            .range = between(1, 200)},
           [](auto& s) -> auto& { return s.kpts; }),
       bind<S>(
           {.key = "relax", .type = Type::Boolean, .default_value = false, .doc = "Relax"},
           [](auto& s) -> auto& { return s.relax; })});
  return table;
}

fs::path write_temp(const std::string& text) {
  const fs::path p =
      fs::temp_directory_path() / ("fw_settings_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(p) << text;
  return p;
}

Example read(const std::string& text) {
  const fs::path p = write_temp(text);
  Example s = example_table().defaults();
  example_table().read_toml(toml::parse(p.string()), s, p.string());
  return s;
}

}  // namespace

TEST(SettingsTable, DefaultsComeFromTheTable) {
  const Example s = example_table().defaults();
  EXPECT_EQ(s.ecut_hartree, 30.0);
  EXPECT_EQ(s.layers, 5);
  EXPECT_EQ(s.mode, "side");
  EXPECT_EQ(s.kpts, (std::array<int, 3>{6, 6, 1}));
  EXPECT_FALSE(s.relax);
}

TEST(SettingsTable, JobFileAcceptsUnitsPlainNumbersAndTheResultsJsonName) {
  const Example s = read("ecut = \"816eV\"\nlayers = 7\nkpts = \"8x8x1\"\nangles = [0, 45]\n");
  EXPECT_NEAR(s.ecut_hartree, 816.0 / 27.211386245988, 1e-12);
  EXPECT_EQ(s.layers, 7);
  EXPECT_EQ(s.kpts, (std::array<int, 3>{8, 8, 1}));
  EXPECT_EQ(s.angles_deg, (std::vector<double>{0, 45}));
  EXPECT_EQ(read("ecut_Ha = 25\n").ecut_hartree, 25.0);
  EXPECT_EQ(read("kpts = [4, 4, 2]\n").kpts, (std::array<int, 3>{4, 4, 2}));
}

TEST(SettingsTable, OutOfRangeNamesFileLineRangeAndUnit) {
  try {
    read("layers = 3\n\necut = -5\n");
    FAIL() << "expected InputError";
  } catch (const fw::InputError& e) {
    EXPECT_EQ(e.line(), 3);
    const std::string msg = e.what();
    EXPECT_NE(msg.find("fw_settings_"), std::string::npos) << msg;
    EXPECT_NE(msg.find("2 ≤ x ≤ 500 Ha"), std::string::npos) << msg;
  }
  EXPECT_THROW(read("angles = [0, 200]\n"), fw::InputError);
  EXPECT_THROW(read("kpts = \"0x6x1\"\n"), fw::InputError);
  EXPECT_THROW(read("layers = 2.5\n"), fw::InputError);
  EXPECT_THROW(read("mode = \"sideways\"\n"), fw::InputError);
}

TEST(SettingsTable, UnknownKeySuggestsTheNearest) {
  try {
    read("ecutt = 30\n");
    FAIL() << "expected InputError";
  } catch (const fw::InputError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_NE(std::string(e.what()).find("did you mean 'ecut'"), std::string::npos) << e.what();
  }
}

TEST(SettingsTable, CommandLineTextIsCheckedAndNamesTheOption) {
  Example s = example_table().defaults();
  example_table().set_text(s, "ecut", "60Ry", "--ecut");
  EXPECT_NEAR(s.ecut_hartree, 30.0, 1e-12);
  try {
    example_table().set_text(s, "ecut", "-5Ha", "--ecut");
    FAIL() << "expected InputError";
  } catch (const fw::InputError& e) {
    EXPECT_EQ(e.source(), "--ecut");
    EXPECT_NE(std::string(e.what()).find("Ha"), std::string::npos);
  }
  EXPECT_THROW(example_table().set_text(s, "kpts", "6x6", "--kpts"), fw::InputError);
}

TEST(SettingsTable, PrintedSectionReadsBackToTheSameSettings) {
  Example s = example_table().defaults();
  s.ecut_hartree = 12.5;
  s.angles_deg = {10, 33.3};
  s.relax = true;
  s.mode = "tip";
  const Example back = read(example_table().to_toml(s));
  EXPECT_EQ(example_table().to_json(back), example_table().to_json(s));
  EXPECT_EQ(example_table().to_json(s)["ecut_Ha"], 12.5);
  EXPECT_EQ(example_table().to_json(s)["angles_deg"], (std::vector<double>{10, 33.3}));
}
