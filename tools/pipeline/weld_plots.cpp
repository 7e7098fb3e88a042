/// \file weld_plots.cpp
/// \brief SVG plots of a welding study.
#include "tools/pipeline/weld_plots.hpp"

#include <sstream>

#include "core/atomic_file.hpp"
#include "tools/report/svg_chart.hpp"

namespace fw::pipeline {

void write_weld_plots(const md::WeldStudy& study, const std::filesystem::path& dir) {
  report::LineChart release{"Energy released by welding (EAM, quenched), mean over seeds",
                            "initial angle between the rods (deg)",
                            "energy release (eV)",
                            {}};
  report::LineSeries net{"net (raw - control), ± s.d. over seeds", {}, {}},
      raw{"raw (E_separate - E_welded)", {}, {}};
  for (const auto& s : study.summary) {
    net.x.push_back(s.angle_deg);
    net.y.push_back(s.release_eV.mean);
    net.y_error.push_back(s.release_eV.std);
    raw.x.push_back(s.angle_deg);
    raw.y.push_back(s.release_raw_eV.mean);
    raw.y_error.push_back(s.release_raw_eV.std);
  }
  release.series = {net, raw};
  write_file_atomically(dir / "energy_release_vs_angle.svg", report::render_svg(release));

  // Time series of the first seed of every angle (the others are in each run's timeseries.csv).
  report::LineChart angle{"Angle between the rods during welding (first seed)",
                          "time (ps)",
                          "angle between rod axes (deg)",
                          {}};
  report::LineChart neck{
      "Neck between the rods (first seed)", "time (ps)", "atoms bonded across the neck", {}};
  for (const auto& r : study.results) {
    if (r.atoms_per_rod == 0 || r.seed != study.settings.seed) continue;
    std::ostringstream name;
    name << r.initial_angle_deg << " deg";
    report::LineSeries a{name.str(), {}, {}}, n{name.str(), {}, {}};
    for (const auto& s : r.samples) {
      a.x.push_back(s.time_ps);
      a.y.push_back(s.angle_deg);
      n.x.push_back(s.time_ps);
      n.y.push_back(static_cast<double>(s.neck_bridge_atoms));
    }
    angle.series.push_back(a);
    neck.series.push_back(n);
  }
  write_file_atomically(dir / "angle_vs_time.svg", report::render_svg(angle));
  write_file_atomically(dir / "neck_vs_time.svg", report::render_svg(neck));
}

}  // namespace fw::pipeline
