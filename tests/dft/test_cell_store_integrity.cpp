/// \file test_cell_store_integrity.cpp
/// \brief The DFT cell store trusts a cell only while its checksum and producer (format, key) hold:
/// one changed digit drops that cell alone (recomputed, with a notice naming the file), and an
/// older store without checksums is refused until `adopt` vouches for it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "dft/facet/cell_cache.hpp"

namespace fw::dft {
namespace {

namespace fs = std::filesystem;

CellEnergy cell(double energy_eV) {
  CellEnergy c;
  c.energy_eV = energy_eV;
  c.free_energy_eV = energy_eV - 0.001;
  c.scf_steps = 12;
  c.converged = true;
  c.kpts = {4, 4, 4};
  c.symmetry_operations = 48;
  c.n_atoms = 1;
  c.wall_s = 3.5;
  return c;
}

fs::path fresh(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("fw_cell_store_integrity_" + name);
  fs::remove(p);
  return p;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Replaces the first `from` in the file by `to` (same length: one digit changed).
void edit(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = slurp(path);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

TEST(CellStoreIntegrity, OneChangedDigitRecomputesThatCellAloneAndIntactCellsAreReused) {
  const fs::path path = fresh("digit.cells.json");
  {
    CellCache store(path);
    store.store("mesh 4x4x4;a", cell(-100.327));
    store.store("mesh 4x4x4;b", cell(-200.5));
  }
  ::testing::internal::CaptureStderr();
  const CellCache intact(path);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(intact.size(), 2u);
  EXPECT_DOUBLE_EQ(intact.find("mesh 4x4x4;a")->energy_eV, -100.327);

  edit(path, "-100.327", "-100.427");
  ::testing::internal::CaptureStderr();
  CellCache changed(path);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "facetweld: notice: " + path.string() +
                ": cell 1 of 2: checksum mismatch (the content changed after it was written); "
                "computing that cell again\n");
  EXPECT_FALSE(changed.find("mesh 4x4x4;a").has_value());
  EXPECT_DOUBLE_EQ(changed.find("mesh 4x4x4;b")->energy_eV, -200.5);
  // The recomputed cell is stored stamped: the next read trusts both again.
  changed.store("mesh 4x4x4;a", cell(-100.327));
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(CellCache(path).size(), 2u);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

  // A digit of a key (the settings that produced the cell) changed: its producer no longer holds.
  edit(path, "mesh 4x4x4;b", "mesh 5x4x4;b");
  ::testing::internal::CaptureStderr();
  const CellCache rekeyed(path);
  EXPECT_NE(
      ::testing::internal::GetCapturedStderr().find("cell 2 of 2: producer key 'key' differs"),
      std::string::npos);
  EXPECT_FALSE(rekeyed.find("mesh 5x4x4;b").has_value());
  fs::remove(path);
}

TEST(CellStoreIntegrity, AnOlderStoreWithoutChecksumsIsRefusedUntilAdopted) {
  const fs::path path = fresh("legacy.cells.json");
  std::ofstream(path) << R"({"format": "facetweld-dft-cell-cache-1", "cells": {"mesh 4x4x4;a":
    {"energy_eV": -100.327, "free_energy_eV": -100.328, "scf_steps": 12, "converged": true,
     "kpts": [4, 4, 4], "symmetry_operations": 48, "n_atoms": 1, "wall_s": 3.5}}})";
  try {
    CellCache refused(path);
    ADD_FAILURE() << "an unstamped store was trusted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("1 of 1 cells carry no checksum"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("vouch for it with `facetweld adopt " + path.string()),
              std::string::npos)
        << e.what();
  }
  EXPECT_NE(slurp(path).find("-100.327"), std::string::npos);  // refused, not thrown away

  const CellStoreAdoption a = adopt_cell_store(path);
  EXPECT_EQ(a.stamped, 1u);
  EXPECT_EQ(a.intact, 0u);
  const CellCache adopted(path);
  EXPECT_DOUBLE_EQ(adopted.find("mesh 4x4x4;a")->energy_eV, -100.327);
  EXPECT_EQ(adopt_cell_store(path).intact, 1u);  // a second adopt changes nothing
  fs::remove(path);
}

}  // namespace
}  // namespace fw::dft
