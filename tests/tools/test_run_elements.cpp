/// \file test_run_elements.cpp
/// \brief Issue 23: `facetweld run` for silver and copper on a quick job file — every stage takes
/// the element's defaults (lattice constant, EAM file, PBE pseudopotential, VASP ENCUT and
/// POTCAR.spec, the metal–carbon Lennard-Jones of the graphene substrate), and the tables, the
/// welding and the report name the element.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "md/apps/metal_carbon_lj.hpp"
#include "slabs/fcc_metals.hpp"
#include "tests/cli_runner.hpp"
#include "vasp_io/incar.hpp"

namespace fs = std::filesystem;

namespace {

using fw::test::read_json;

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A quick job of `element` alone: (100) and (110) (the sides and tip of a [100] rod), 3-layer
/// PBE slabs at `ecut` Ha on k×k meshes, one 50 fs tip-to-tip weld of two small rods on graphene
/// at the default (Au–C) Lennard-Jones keys, VASP slab-preset jobs without a POTCAR library.
void expect_quick_run_uses_the_elements_defaults(const std::string& element, double ecut, int k) {
  const fs::path dir =
      fs::temp_directory_path() / ("fw_run_" + element + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "job.toml")
      << "element = \"" << element << "\"\nfacets = [\"100\", \"110\"]\n"
      << "[weld]\nmode = \"tip\"\nsubstrate = \"graphene\"\nangles = [0]\nseeds = 1\n"
         "time = 0.05\nradius = 5.0\nlength = 16.0\n"
         "[vasp]\npreset = \"slab\"\n[dft]\nlayers = 3\nvacuum = 4.0\nkpts = \""
      << k << "x" << k << "x1\"\nkpts_bulk = \"" << k << "x" << k << "x2\"\necut = " << ecut
      << "\n";
  const auto r = fw::test::run_facetweld("run job.toml -o out", dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const fs::path out = dir / "out";
  const fw::slabs::FccMetal* metal = fw::slabs::find_fcc_metal(element);
  ASSERT_NE(metal, nullptr);

  for (const char* table : {"facets_eam.json", "facets_native_pbe.json"}) {
    const auto j = read_json(out / table);
    EXPECT_EQ(j.at("element"), element) << table;
    EXPECT_DOUBLE_EQ(j.at("a_A").get<double>(), metal->lattice_constant_A) << table;
    for (const auto& f : j.at("facets")) EXPECT_GT(f.at("e_dis_eV_per_A2").get<double>(), 0.0);
  }
  const auto pbe = read_json(out / "facets_native_pbe.json");
  EXPECT_EQ(fs::path(pbe.at("settings").at("pseudopotential").get<std::string>()).filename(),
            metal->pbe_pseudopotential);

  // Two rods of the element welded on graphene with the element's own metal–C pair.
  const auto weld = read_json(out / "weld" / "weld.json");
  EXPECT_EQ(weld.at("rod").at("element"), element);
  const auto pair = fw::md::metal_carbon_pair(element);
  ASSERT_TRUE(pair);
  EXPECT_DOUBLE_EQ(weld.at("settings").at("lj_epsilon_eV").get<double>(), pair->epsilon_eV);
  EXPECT_DOUBLE_EQ(weld.at("settings").at("lj_sigma_A").get<double>(), pair->sigma_A);
  EXPECT_NE(weld.at("settings").at("metal_c_lj_source").get<std::string>().find("17281"),
            std::string::npos);

  // VASP: the element's ENCUT and recommended dataset.
  const auto manifest = read_json(out / "vasp_jobs" / "manifest.json");
  const double encut = manifest.at("settings").at("encut_eV").get<double>();
  EXPECT_DOUBLE_EQ(encut, 10.0 * std::round(1.74 * metal->vasp_enmax_eV / 10.0));
  const std::string job = manifest.at("jobs").at(0).at("name").get<std::string>();
  EXPECT_DOUBLE_EQ(*fw::vasp::Incar::read(out / "vasp_jobs" / job / "INCAR").real("ENCUT"), encut);
  EXPECT_EQ(slurp(out / "vasp_jobs" / job / "POTCAR.spec"), element + "\n");

  const std::string report = slurp(out / "report.md");
  EXPECT_NE(report.find(element + ", a = "), std::string::npos) << report;
  EXPECT_EQ(report.find("paper (VASP PBE"), std::string::npos) << report;
  fs::remove_all(dir);
}

TEST(RunElements, SilverQuickRunTakesSilversDefaultsEverywhereAndWeldsOnGrapheneWithAgC) {
  expect_quick_run_uses_the_elements_defaults("Ag", 16.0, 2);
}

TEST(RunElements, CopperQuickRunTakesCoppersDefaultsEverywhereAndWeldsOnGrapheneWithCuC) {
  // Cu's file needs more: at 20 Ha on 2×2 meshes its (100) slab came out cheaper than the bulk.
  expect_quick_run_uses_the_elements_defaults("Cu", 36.0, 4);
}

}  // namespace
