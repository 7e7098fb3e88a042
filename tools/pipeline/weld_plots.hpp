/// \file weld_plots.hpp
/// \brief SVG plots of a welding study (energy release vs angle, angle and neck vs time), used
/// by `facetweld weld` and `facetweld run`.
#pragma once

#include <filesystem>

#include "md/weld/study.hpp"

namespace fw::pipeline {

/// Writes energy_release_vs_angle.svg, angle_vs_time.svg and neck_vs_time.svg into `dir`.
void write_weld_plots(const md::WeldStudy& study, const std::filesystem::path& dir);

}  // namespace fw::pipeline
