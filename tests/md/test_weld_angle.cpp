/// \file test_weld_angle.cpp
/// \brief Issue 21: every angle a welding run reports is θ of its mode. With zero MD time the
/// rods have not moved, so the end-of-dynamics angle is the initial θ and the rotation is zero in
/// every mode — top mode included, where θ is a tilt from the perpendicular (it reported −70°).
#include <gtest/gtest.h>

#include <filesystem>

#include "md/weld/settings.hpp"
#include "md/weld/study.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

TEST(WeldAngle, RodsThatDidNotMoveReportTheInitialAngleAndNoRotationInEveryMode) {
  if (!std::filesystem::exists(test::kAuU3)) GTEST_FAIL() << "Au_u3.eam not installed";
  WeldSettings s = default_weld_settings();
  s.potential = test::kAuU3;
  s.substrate = "none";
  s.rod.radius_A = 6.0;
  s.rod.length_A = 30.0;
  s.time_ps = 0.0;
  s.workers = 1;
  s.max_iterations = 200;  // the quench does not enter the end-of-dynamics angle
  const auto dir = std::filesystem::temp_directory_path() / "fw_weld_angle_test";
  std::filesystem::remove_all(dir);
  const RelaxedRod rod = relax_rod(s, test::au_eam_facet_table(), "test", dir / "rod");
  for (const char* mode : {"side", "top", "tip"}) {
    for (const double theta : {0.0, 20.0}) {
      SCOPED_TRACE(std::string(mode) + " at " + std::to_string(theta) + " deg");
      s.mode = mode;
      const WeldResult r = run_weld(s, rod, {theta, 1, false}, dir / mode / std::to_string(theta));
      EXPECT_NEAR(r.angle_end_of_dynamics_deg, theta, 0.5);
      EXPECT_NEAR(r.rotation_deg, 0.0, 0.5);
      ASSERT_FALSE(r.samples.empty());
      EXPECT_NEAR(r.samples.front().angle_deg, theta, 0.5);
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fw::md
