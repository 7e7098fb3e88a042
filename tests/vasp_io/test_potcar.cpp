/// \file test_potcar.cpp
/// \brief POTCAR assembly from a library folder (a labelled test fixture, never a real dataset).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "tests/vasp_io/potcar_fixture.hpp"
#include "vasp_io/potcar.hpp"

namespace fs = std::filesystem;

TEST(Potcar, AssemblesInSpeciesOrderAndReportsHeaderValues) {
  fw::vasp::test::FakePotcarLibrary lib;
  lib.add("potpaw_PBE", "Au", "PAW_PBE Au 04Oct2007", 11.0, 229.943);
  lib.add("potpaw_PBE", "Cu", "PAW_PBE Cu 22Jun2005", 11.0, 295.446);
  const auto library = fw::vasp::locate_potcar_library(lib.root());
  const fs::path out = lib.root() / "POTCAR.out";
  const auto infos = fw::vasp::assemble_potcar(library, {"Cu", "Au"}, out);
  ASSERT_EQ(infos.size(), 2u);
  EXPECT_EQ(infos[0].element, "Cu");
  EXPECT_EQ(infos[1].titel, "PAW_PBE Au 04Oct2007");
  EXPECT_DOUBLE_EQ(infos[1].zval, 11.0);
  EXPECT_DOUBLE_EQ(infos[1].enmax_eV, 229.943);
  const auto back = fw::vasp::read_potcar_headers(out);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].element, "Cu");
  EXPECT_EQ(back[1].element, "Au");
}

TEST(Potcar, PymatgenLayoutIsFoundToo) {
  fw::vasp::test::FakePotcarLibrary lib;
  lib.add_file(lib.root() / "POT_GGA_PAW_PBE" / "POTCAR.Au", "PAW_PBE Au 04Oct2007", 11.0, 229.9);
  const auto info = fw::vasp::find_potcar(fw::vasp::locate_potcar_library(lib.root()), "Au");
  EXPECT_DOUBLE_EQ(info.enmax_eV, 229.9);
}

TEST(Potcar, MissingDatasetErrorListsEveryPlaceLooked) {
  fw::vasp::test::FakePotcarLibrary lib;
  try {
    fw::vasp::find_potcar(fw::vasp::locate_potcar_library(lib.root()), "Au");
    FAIL();
  } catch (const fw::InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("potpaw_PBE/Au/POTCAR"), std::string::npos) << msg;
    EXPECT_NE(msg.find("POT_GGA_PAW_PBE/POTCAR.Au"), std::string::npos) << msg;
  }
}

TEST(Potcar, NoLibraryConfiguredIsAClearError) {
  ::unsetenv("VASP_PP_PATH");
  try {
    fw::vasp::locate_potcar_library(std::nullopt);
    FAIL();
  } catch (const fw::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("VASP_PP_PATH"), std::string::npos);
  }
}

TEST(Potcar, WrongElementOrFunctionalIsRejected) {
  fw::vasp::test::FakePotcarLibrary lib;
  lib.add("potpaw_PBE", "Au", "PAW_PBE Ag 02Apr2005", 11.0, 249.8);
  lib.add("potpaw_PBE", "Cu", "PAW Cu 05Jan2001", 11.0, 273.2, "CA");
  const auto library = fw::vasp::locate_potcar_library(lib.root());
  EXPECT_THROW(fw::vasp::find_potcar(library, "Au"), fw::InputError);
  EXPECT_THROW(fw::vasp::find_potcar(library, "Cu"), fw::InputError);
}

TEST(Potcar, FileWithoutZvalIsNotAPotcar) {
  EXPECT_THROW(fw::vasp::parse_potcar_header("  TITEL  = PAW_PBE Au\n  ENMAX = 229.9;\n", "P"),
               fw::InputError);
}
