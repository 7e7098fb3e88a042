/// \file test_volumetric.cpp
/// \brief CHGCAR/CHG/LOCPOT reader: grid order (VASP prints x fastest, we store C order), the
/// blocks of spin and non-collinear files, and every prefix of each file (a job killed at any
/// byte) gives a partial result or an InputError, never a crash. Values against pymatgen and ASE:
/// tests/python/test_volumetric.py.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "vasp_io/volumetric.hpp"

namespace fw::vasp {
namespace {

std::filesystem::path data_dir() {
  return std::filesystem::path(FACETWELD_SOURCE_DIR) / "tests" / "data" / "vasp" / "volumetric";
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Volumetric, GridIsStoredInCOrderFromVaspsXFastestPrint) {
  const Volumetric v = read_volumetric(data_dir() / "CHGCAR.Li.nospin");
  ASSERT_EQ(v.blocks.size(), 1u);
  EXPECT_EQ(v.grid, (std::array<int, 3>{5, 6, 7}));
  EXPECT_EQ(v.structure.size(), 1u);
  EXPECT_EQ(v.structure.atoms[0].species, "Li");
  EXPECT_EQ(v.augmentation_sections, 1);
  const auto& b = v.blocks[0];
  // printed values 1, 2 and 6 are (ix, iy, iz) = (0,0,0), (1,0,0) and (0,1,0)
  const std::string text = slurp(data_dir() / "CHGCAR.Li.nospin");
  std::istringstream rows(text.substr(text.find("    5    6    7") + 16));
  std::vector<double> printed(6);
  for (double& x : printed) rows >> x;
  EXPECT_EQ(b[0], printed[0]);
  EXPECT_EQ(b[(1 * 6 + 0) * 7 + 0], printed[1]);
  EXPECT_EQ(b[(0 * 6 + 1) * 7 + 0], printed[5]);
}

TEST(Volumetric, SpinAndNonCollinearFilesGiveTwoAndFourBlocks) {
  const Volumetric spin = read_volumetric(data_dir() / "CHGCAR.FeO.spin");
  EXPECT_TRUE(spin.completeness.complete);
  EXPECT_EQ(spin.blocks.size(), 2u);
  EXPECT_EQ(spin.augmentation_sections, 4);
  const Volumetric ncl = read_volumetric(data_dir() / "CHGCAR.Si.noncollinear");
  EXPECT_EQ(ncl.blocks.size(), 4u);
  for (const auto& b : ncl.blocks) EXPECT_EQ(b.size(), ncl.points());
  const Volumetric chg = read_volumetric(data_dir() / "CHG.Li");
  EXPECT_EQ(chg.blocks.size(), 1u);
  EXPECT_EQ(chg.augmentation_sections, 0);
}

TEST(Volumetric, EveryPrefixIsAPartialResultOrAClearError) {
  for (const char* name : {"CHGCAR.FeO.spin", "CHGCAR.Si.noncollinear", "LOCPOT.Si"}) {
    const std::string text = slurp(data_dir() / name);
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         end = text.find('\n', end + 1)) {
      for (const std::size_t cut : {end + 1, end > 3 ? end - 3 : end}) {
        try {
          const Volumetric v = parse_volumetric(text.substr(0, cut), name);
          for (const auto& b : v.blocks) EXPECT_EQ(b.size(), v.points());
          EXPECT_FALSE(v.blocks.empty());
        } catch (const InputError&) {
          // a clear error is the answer for a header or first grid cut short
        }
      }
    }
  }
}

TEST(Volumetric, CorruptInputNamesTheLine) {
  const std::string text = slurp(data_dir() / "LOCPOT.Si");
  const auto grid = text.find("    6    5    4");
  std::string huge = text;
  huge.replace(grid, 15, "99999 99999 99");
  try {
    parse_volumetric(huge, "LOCPOT");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 12);
  }
  EXPECT_THROW(parse_volumetric("", "CHGCAR"), InputError);
  EXPECT_THROW(parse_volumetric(std::string("\0\0\0", 3), "CHGCAR"), InputError);
  EXPECT_THROW(
      parse_volumetric("t\n1\n1 0 0\n0 1 0\n0 0 1\n1\n1\nDirect\n0 0 0\n\n1 1 1\n1\n", "CHGCAR"),
      InputError);  // VASP 4 header (no species line)
}

}  // namespace
}  // namespace fw::vasp
