/// \file angle_folder.cpp
/// \brief Angle folder names of a welding study.
#include "md/weld/angle_folder.hpp"

#include <cmath>

#include "core/printf_format.hpp"

namespace fw::md {

std::string angle_folder_name(double angle_deg) {
  const long long micro_deg = std::llround(angle_deg * 1e6);
  std::string fraction = format("%06lld", micro_deg % 1000000);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return format("angle_%03lld", micro_deg / 1000000) + (fraction.empty() ? "" : "." + fraction);
}

std::string shared_angle_folder(const std::vector<double>& angles_deg) {
  for (std::size_t i = 0; i < angles_deg.size(); ++i)
    for (std::size_t j = i + 1; j < angles_deg.size(); ++j) {
      const double a = angles_deg[i], b = angles_deg[j];
      if (a == b)
        return format(
            "angle %g deg is given twice (each angle runs once; more runs per angle: "
            "seeds)",
            a);
      if (angle_folder_name(a) == angle_folder_name(b))
        return format(
            "angles %.10g and %.10g deg differ by less than 1e-6 deg and would share "
            "the folder %s: give one of them",
            a, b, angle_folder_name(a).c_str());
    }
  return "";
}

}  // namespace fw::md
