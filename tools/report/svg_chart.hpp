/// \file svg_chart.hpp
/// \brief Small self-contained SVG charts (grouped bars, lines) for the results report.
#pragma once

#include <string>
#include <vector>

namespace fw::report {

struct BarSeries {
  std::string name;
  std::vector<double> values;  ///< one per category; NaN = no bar
};

struct BarChart {
  std::string title;
  std::string y_label;  ///< with its unit, e.g. "E_dis (eV/Å²)"
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
};

struct LineSeries {
  std::string name;
  std::vector<double> x, y;
};

struct LineChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<LineSeries> series;
};

/// Returns a complete SVG document (640x400) with axes, ticks, legend and values on the bars.
std::string render_svg(const BarChart& chart);
std::string render_svg(const LineChart& chart);

}  // namespace fw::report
