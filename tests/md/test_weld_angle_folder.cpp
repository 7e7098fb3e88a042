/// \file test_weld_angle_folder.cpp
/// \brief Every angle of a welding study has a folder of its own (issue 21: 20.01° and 20.04°
/// both ran in angle_020.0/, and `--angles 20,20` ran 20° twice into one folder).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "md/weld/angle_folder.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {
namespace {

TEST(WeldAngleFolder, WholeAndHalfDegreesKeepTheirNames) {
  EXPECT_EQ(angle_folder_name(0), "angle_000");
  EXPECT_EQ(angle_folder_name(20), "angle_020");
  EXPECT_EQ(angle_folder_name(22.5), "angle_022.5");
  EXPECT_EQ(angle_folder_name(90), "angle_090");
}

TEST(WeldAngleFolder, AnglesAHundredthApartGetTwoFolders) {
  EXPECT_EQ(angle_folder_name(20.01), "angle_020.01");
  EXPECT_EQ(angle_folder_name(20.04), "angle_020.04");
  EXPECT_EQ(angle_folder_name(20.000001), "angle_020.000001");
  EXPECT_EQ(shared_angle_folder({20.01, 20.04}), "");
}

TEST(WeldAngleFolder, AnAngleGivenTwiceIsRefusedNamingIt) {
  WeldSettings s = default_weld_settings();
  s.angles_deg = {0, 20, 40, 20};
  try {
    weld_settings_table().check_consistency(s, "job.toml");
    FAIL() << "angles 0,20,40,20 accepted";
  } catch (const settings::ConsistencyError& e) {
    EXPECT_EQ(e.keys().front(), "angles");
    EXPECT_NE(e.message().find("angle 20 deg is given twice"), std::string::npos) << e.what();
  }
}

TEST(WeldAngleFolder, AnglesCloserThanTheFolderNameResolvesAreRefusedNamingBoth) {
  const std::string why = shared_angle_folder({20, 20.0000001});
  EXPECT_NE(why.find("angles 20 and 20.0000001 deg"), std::string::npos) << why;
  EXPECT_NE(why.find("angle_020"), std::string::npos) << why;
}

}  // namespace
}  // namespace fw::md
