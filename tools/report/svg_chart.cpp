/// \file svg_chart.cpp
/// \brief SVG rendering of bar and line charts.
#include "tools/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace fw::report {

namespace {

// The canvas is about as wide as the report's text column (72rem ≈ 1150 px), and the HTML scales
// it to that width (viewBox): at 16 px the chart's text then matches the body text, not smaller.
constexpr double kWidth = 1100, kHeight = 500;
constexpr double kLeft = 95, kRight = 230, kTop = 50, kBottom = 70;
constexpr double kFont = 16, kTitleFont = 19, kValueFont = 12;
/// Width of a label in a sans-serif font, from above (DejaVu Sans, Chromium's sans-serif on
/// Debian: digits 0.64 em, '.' and ',' 0.32 em, most letters ≤ 0.65 em; a UTF-8 byte counts as a
/// character), so that labels placed by it never touch.
double text_width(const std::string& text, double font_px) {
  double em = 0.0;
  for (char c : text) em += (c == '.' || c == ',') ? 0.34 : 0.66;
  return em * font_px;
}
const char* const kColours[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759",
                                "#76b7b2", "#b07aa1", "#9c755f"};

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string number(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::string fixed_decimals(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `ticks` intervals over `range`.
double nice_step(double range, int ticks) {
  const double raw = range / ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

struct Axis {
  double lo, hi, step;
};

Axis make_axis(double lo, double hi, bool include_zero) {
  if (include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (!(hi > lo)) hi = lo + 1.0;
  const double step = nice_step(hi - lo, 5);
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

void frame(std::ostringstream& svg, const std::string& title, const std::string& y_label,
           const Axis& y, const std::vector<std::string>& legend_names) {
  // Widen the canvas when legend entries are longer than the right margin.
  double longest = 0.0;
  for (const auto& name : legend_names) longest = std::max(longest, text_width(name, kFont));
  const double width = kWidth + std::max(0.0, 48.0 + longest - kRight);
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << kHeight
      << "\" viewBox=\"0 0 " << width << " " << kHeight
      << "\" font-family=\"sans-serif\" font-size=\"" << kFont << "\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << kWidth / 2 << "\" y=\"28\" text-anchor=\"middle\" font-size=\""
      << kTitleFont << "\">" << escape(title) << "</text>\n"
      << "<text transform=\"translate(22," << (kTop + kHeight - kBottom) / 2
      << ") rotate(-90)\" text-anchor=\"middle\">" << escape(y_label) << "</text>\n";
  const double plot_h = kHeight - kTop - kBottom;
  for (double v = y.lo; v <= y.hi + 1e-9 * y.step; v += y.step) {
    const double py = kTop + plot_h * (1 - (v - y.lo) / (y.hi - y.lo));
    svg << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << py << "\" y2=\""
        << py << "\" stroke=\"#ddd\"/>\n<text x=\"" << kLeft - 8 << "\" y=\"" << py + 5
        << "\" text-anchor=\"end\">" << number(std::abs(v) < 1e-12 ? 0.0 : v) << "</text>\n";
  }
  svg << "<line x1=\"" << kLeft << "\" x2=\"" << kLeft << "\" y1=\"" << kTop << "\" y2=\""
      << kHeight - kBottom << "\" stroke=\"black\"/>\n";
}

void legend(std::ostringstream& svg, const std::vector<std::string>& names) {
  for (std::size_t s = 0; s < names.size(); ++s) {
    const double y = kTop + 12 + 26.0 * static_cast<double>(s);
    svg << "<rect x=\"" << kWidth - kRight + 14 << "\" y=\"" << y - 11
        << "\" width=\"14\" height=\"14\" fill=\"" << kColours[s % 7] << "\"/>\n<text x=\""
        << kWidth - kRight + 36 << "\" y=\"" << y + 1 << "\">" << escape(names[s]) << "</text>\n";
  }
}

/// Half-length of the error bar at point i, 0 when there is none.
double error_at(const std::vector<double>& errors, std::size_t i) {
  if (i >= errors.size() || !std::isfinite(errors[i])) return 0.0;
  return std::abs(errors[i]);
}
double error_at(const LineSeries& s, std::size_t i) {
  return error_at(s.y_error, i);
}
double error_at(const BarSeries& s, std::size_t i) {
  return error_at(s.errors, i);
}

}  // namespace

std::string render_svg(const BarChart& chart) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& s : chart.series)
    for (std::size_t c = 0; c < s.values.size(); ++c)
      if (std::isfinite(s.values[c]))
        lo = std::min(lo, s.values[c]), hi = std::max(hi, s.values[c] + error_at(s, c));
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  const Axis y = make_axis(lo, hi, true);
  std::ostringstream svg;
  std::vector<std::string> names;
  for (const auto& s : chart.series) names.push_back(s.name);
  frame(svg, chart.title, chart.y_label, y, names);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto to_y = [&](double v) { return kTop + plot_h * (1 - (v - y.lo) / (y.hi - y.lo)); };
  const double group_w = plot_w / std::max<std::size_t>(1, chart.categories.size());
  const double bar_w = 0.8 * group_w / std::max<std::size_t>(1, chart.series.size());
  // Bar values to one decimal more than the axis step (step 0.05 → 0.133, 0.096): one width.
  const int value_decimals = std::max(0, 1 - static_cast<int>(std::floor(std::log10(y.step))));
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double gx = kLeft + group_w * static_cast<double>(c);
    svg << "<text x=\"" << gx + group_w / 2 << "\" y=\"" << kHeight - kBottom + 22
        << "\" text-anchor=\"middle\">" << escape(chart.categories[c]) << "</text>\n";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const BarSeries& series = chart.series[s];
      if (c >= series.values.size() || !std::isfinite(series.values[c])) continue;
      const double v = series.values[c], e = error_at(series, c);
      const double x = gx + 0.1 * group_w + bar_w * static_cast<double>(s),
                   centre = x + bar_w * 0.46;
      const double top = std::min(to_y(v), to_y(0)), height = std::abs(to_y(v) - to_y(0));
      svg << "<rect x=\"" << x << "\" y=\"" << top << "\" width=\"" << bar_w * 0.92
          << "\" height=\"" << height << "\" fill=\"" << kColours[s % 7] << "\"><title>"
          << escape(series.name) << ": " << number(v, 4) << (e > 0 ? " ± " + number(e, 2) : "")
          << "</title></rect>\n";
      if (e > 0)
        svg << "<path class=\"error-bar\" d=\"M" << centre << "," << to_y(v + e) << "V"
            << to_y(v - e) << "M" << centre - 4 << "," << to_y(v + e) << "h8M" << centre - 4 << ","
            << to_y(v - e) << "h8\" stroke=\"black\" stroke-width=\"1.2\"/>\n";
      // The value over the bar only where it fits in the bar's width (the report's table has
      // every value; the bar's tooltip too): labels of neighbouring bars never overlap.
      const std::string label = fixed_decimals(v, value_decimals);
      if (text_width(label, kValueFont) <= bar_w * 0.92)
        svg << "<text class=\"bar-value\" x=\"" << centre << "\" y=\""
            << std::min(top, to_y(v + e)) - 4 << "\" text-anchor=\"middle\" font-size=\""
            << kValueFont << "\">" << label << "</text>\n";
    }
  }
  svg << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << to_y(0)
      << "\" y2=\"" << to_y(0) << "\" stroke=\"black\"/>\n";
  if (!chart.x_label.empty())
    svg << "<text x=\"" << kLeft + plot_w / 2 << "\" y=\"" << kHeight - 18
        << "\" text-anchor=\"middle\">" << escape(chart.x_label) << "</text>\n";
  legend(svg, names);
  svg << "</svg>\n";
  return svg.str();
}

std::string render_svg(const LineChart& chart) {
  double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
  for (const auto& s : chart.series)
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
      const double e = error_at(s, i);
      xlo = std::min(xlo, s.x[i]), xhi = std::max(xhi, s.x[i]);
      ylo = std::min(ylo, s.y[i] - e), yhi = std::max(yhi, s.y[i] + e);
    }
  if (!std::isfinite(xlo)) xlo = 0, xhi = 1, ylo = 0, yhi = 1;
  const Axis x = make_axis(xlo, xhi, false), y = make_axis(ylo, yhi, false);
  std::vector<std::string> names;
  for (const auto& series : chart.series) names.push_back(series.name);
  std::ostringstream svg;
  frame(svg, chart.title, chart.y_label, y, names);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto px = [&](double v) { return kLeft + plot_w * (v - x.lo) / (x.hi - x.lo); };
  const auto py = [&](double v) { return kTop + plot_h * (1 - (v - y.lo) / (y.hi - y.lo)); };
  for (double v = x.lo; v <= x.hi + 1e-9 * x.step; v += x.step)
    svg << "<text x=\"" << px(v) << "\" y=\"" << kHeight - kBottom + 22
        << "\" text-anchor=\"middle\">" << number(v) << "</text>\n";
  svg << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << kHeight - kBottom
      << "\" y2=\"" << kHeight - kBottom << "\" stroke=\"black\"/>\n<text x=\""
      << kLeft + plot_w / 2 << "\" y=\"" << kHeight - 18 << "\" text-anchor=\"middle\">"
      << escape(chart.x_label) << "</text>\n";
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& series = chart.series[s];
    std::string points;
    for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
      if (!std::isfinite(series.x[i]) || !std::isfinite(series.y[i])) continue;
      points += number(px(series.x[i]), 6) + "," + number(py(series.y[i]), 6) + " ";
      if (const double e = error_at(series, i); e > 0) {
        const double x0 = px(series.x[i]), top = py(series.y[i] + e), bottom = py(series.y[i] - e);
        svg << "<path class=\"error-bar\" d=\"M" << x0 << "," << top << "V" << bottom << "M"
            << x0 - 5 << "," << top << "h10M" << x0 - 5 << "," << bottom << "h10\" stroke=\""
            << kColours[s % 7] << "\" stroke-width=\"1.5\" fill=\"none\"><title>±" << number(e, 3)
            << "</title></path>\n";
      }
      svg << "<circle cx=\"" << px(series.x[i]) << "\" cy=\"" << py(series.y[i])
          << "\" r=\"3.5\" fill=\"" << kColours[s % 7] << "\"><title>" << number(series.x[i], 4)
          << ", " << number(series.y[i], 4) << "</title></circle>\n";
    }
    svg << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << kColours[s % 7]
        << "\" stroke-width=\"2\"/>\n";
  }
  legend(svg, names);
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace fw::report
