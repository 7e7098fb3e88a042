/// \file angle_folder.hpp
/// \brief The folder of one angle of a welding study, and the rule that distinct angles get
/// distinct folders.
#pragma once

#include <string>
#include <vector>

namespace fw::md {

/// Folder of one angle, to 10⁻⁶ degree with trailing zeros dropped: "angle_020" for 20°,
/// "angle_022.5" for 22.5°, "angle_020.01" for 20.01°.
std::string angle_folder_name(double angle_deg);

/// Empty when every angle has a folder of its own; else why not, naming the angles: one given
/// twice ("angle 20 deg is given twice"), or two closer than 10⁻⁶ degree.
std::string shared_angle_folder(const std::vector<double>& angles_deg);

}  // namespace fw::md
