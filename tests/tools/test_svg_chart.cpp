/// \file test_svg_chart.cpp
/// \brief Report charts: well-formed SVG with one bar per finite value and the values printed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tools/report/svg_chart.hpp"

using namespace fw::report;
namespace fs = std::filesystem;

namespace {
std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
    ++n;
  return n;
}

bool well_formed_xml(const std::string& svg) {
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const fs::path file =
      fs::temp_directory_path() / ("fw_svg_" + std::to_string(::getpid()) + ".svg");
  std::ofstream(file) << svg;
  const int rc =
      std::system((python + " -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' " +
                   file.string() + " >/dev/null 2>&1")
                      .c_str());
  fs::remove(file);
  return rc == 0;
}
}  // namespace

TEST(SvgChart, BarChartHasOneBarPerFiniteValueAndIsWellFormed) {
  BarChart chart{"E_dis <per facet> & method",
                 "E_dis (eV/Å²)",
                 {"(100)", "(110)", "(111)"},
                 {{"paper", {0.133, 0.109, 0.087}}, {"EAM", {0.114, std::nan(""), 0.098}}}};
  const std::string svg = render_svg(chart);
  // 1 background + 5 bars + 2 legend swatches.
  EXPECT_EQ(occurrences(svg, "<rect"), 8u);
  EXPECT_NE(svg.find(">0.133<"), std::string::npos);
  EXPECT_NE(svg.find("&lt;per facet&gt; &amp;"), std::string::npos);
  EXPECT_TRUE(well_formed_xml(svg));
}

TEST(SvgChart, LineChartDrawsEveryPointAndIsWellFormed) {
  LineChart chart{"Energy release",
                  "angle (degrees)",
                  "energy release (eV)",
                  {{"EAM", {0, 20, 40, 60, 80}, {5, 4, 3, 2.5, 2}}}};
  const std::string svg = render_svg(chart);
  EXPECT_EQ(occurrences(svg, "<circle"), 5u);
  EXPECT_EQ(occurrences(svg, "<polyline"), 1u);
  EXPECT_TRUE(well_formed_xml(svg));
}

TEST(SvgChart, BarsCarryTheirErrorBarsAndValuesOnlyWhereTheyFit) {
  BarChart chart{"E_dis", "E_dis (eV/Å²)", {"(100)", "(110)", "(111)"}, {}};
  chart.series.push_back({"converged", {0.110, 0.121, 0.085}, {0.0009, 0.0007, std::nan("")}});
  std::string svg = render_svg(chart);
  EXPECT_EQ(occurrences(svg, "class=\"error-bar\""), 2u);    // none where the error is NaN
  EXPECT_EQ(occurrences(svg, "class=\"bar-value\""), 3u);    // wide bars: every value written
  EXPECT_NE(svg.find("0.11 ± 0.0009"), std::string::npos);   // and in the bar's tooltip
  EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);  // the page scales it to its width
  // Forty series: bars a few px wide, too narrow for a label, which would overlap its neighbours.
  for (int s = 1; s < 40; ++s) chart.series.push_back({"s" + std::to_string(s), {0.1, 0.1, 0.1}});
  svg = render_svg(chart);
  EXPECT_EQ(occurrences(svg, "class=\"bar-value\""), 0u);
  EXPECT_EQ(occurrences(svg, "<title>"), 3u * 40u);  // every bar keeps its value on hover
  EXPECT_TRUE(well_formed_xml(svg));
}
