/// \file svg_chart.hpp
/// \brief Small self-contained SVG charts (grouped bars, lines) for the results report.
#pragma once

#include <string>
#include <vector>

namespace fw::report {

struct BarSeries {
  std::string name;
  std::vector<double> values;  ///< one per category; NaN = no bar
  /// Half-length of an error bar on each bar (e.g. a converged table's error); empty, or NaN/0
  /// at a category: no bar there.
  std::vector<double> errors = {};
};

struct BarChart {
  std::string title;
  std::string y_label;  ///< with its unit, e.g. "E_dis (eV/Å²)"
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  std::string x_label = {};  ///< what the categories are, e.g. "facet (hkl)"; empty: none
};

struct LineSeries {
  std::string name;
  std::vector<double> x, y;
  /// Half-length of a vertical error bar at each point (e.g. the standard deviation over seeds);
  /// empty, or NaN/0 at a point: no bar there.
  std::vector<double> y_error = {};
};

struct LineChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<LineSeries> series;
};

/// Returns a complete SVG document (1100x500 with a viewBox, wider for long legend entries) with
/// axes, ticks, axis labels, error bars and a legend to the right of the plot area (never over
/// the data); bar values are written over the bars only where they fit the bar's width.
std::string render_svg(const BarChart& chart);
std::string render_svg(const LineChart& chart);

}  // namespace fw::report
