/// \file trend.cpp
/// \brief The trend test of a welding study: least squares, Spearman's ρ, Student's t (Boost.Math).
#include "md/weld/trend.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace fw::md {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

/// Pearson's r of two equally long series; NaN if either is constant.
double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double mx = mean_of(x), my = mean_of(y);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0.0 || syy <= 0.0) return kNaN;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string with_thousands(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace

MeanStd mean_std(const std::vector<double>& values) {
  MeanStd m;
  if (values.empty()) return m;
  m.mean = mean_of(values);
  if (values.size() > 1) {
    double ss = 0.0;
    for (double v : values) ss += (v - m.mean) * (v - m.mean);
    m.std = std::sqrt(ss / static_cast<double>(values.size() - 1));
  }
  return m;
}

double students_t_p_two_sided(double t, double dof) {
  if (std::isnan(t) || !(dof > 0.0)) return kNaN;
  if (std::isinf(t)) return 0.0;
  const boost::math::students_t dist(dof);
  return 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(t)));
}

LineFit least_squares_line(const std::vector<double>& x, const std::vector<double>& y) {
  LineFit f;
  f.n = static_cast<long>(x.size());
  f.slope = f.slope_stderr = f.intercept = f.slope_p_two_sided = kNaN;
  if (x.size() != y.size() || x.size() < 3) return f;
  const double mx = mean_of(x), my = mean_of(y);
  double sxx = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (sxx <= 0.0) return f;
  f.slope = sxy / sxx;
  f.intercept = my - f.slope * mx;
  double ss_residual = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double r = y[i] - f.intercept - f.slope * x[i];
    ss_residual += r * r;
  }
  const double dof = static_cast<double>(x.size() - 2);
  f.slope_stderr = std::sqrt(ss_residual / dof / sxx);
  const double t = f.slope_stderr > 0.0
                       ? f.slope / f.slope_stderr
                       : std::copysign(std::numeric_limits<double>::infinity(), f.slope);
  f.slope_p_two_sided =
      f.slope == 0.0 && f.slope_stderr == 0.0 ? 1.0 : students_t_p_two_sided(t, dof);
  return f;
}

std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = 0.5 * static_cast<double>(i + j) + 1.0;  // mean of ranks i+1 … j+1
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

RankCorrelation spearman_rank_correlation(const std::vector<double>& x,
                                          const std::vector<double>& y) {
  RankCorrelation c;
  c.n = static_cast<long>(x.size());
  c.rho = c.p_two_sided = kNaN;
  if (x.size() != y.size() || x.size() < 3) return c;
  c.rho = pearson(average_ranks(x), average_ranks(y));
  if (std::isnan(c.rho)) return c;
  const double dof = static_cast<double>(x.size() - 2);
  const double one_minus_rho2 = 1.0 - c.rho * c.rho;
  const double t = one_minus_rho2 > 0.0
                       ? c.rho * std::sqrt(dof / one_minus_rho2)
                       : std::copysign(std::numeric_limits<double>::infinity(), c.rho);
  c.p_two_sided = students_t_p_two_sided(t, dof);
  return c;
}

double angle_drift_last_quarter_deg(const std::vector<double>& time_ps,
                                    const std::vector<double>& angle_deg, double md_time_ps) {
  std::vector<double> t, a;
  const double from = 0.75 * md_time_ps - 1e-9 * std::max(1.0, md_time_ps);
  for (std::size_t i = 0; i < time_ps.size() && i < angle_deg.size(); ++i)
    if (time_ps[i] >= from) {
      t.push_back(time_ps[i]);
      a.push_back(angle_deg[i]);
    }
  if (t.size() < 3) return kNaN;
  const double mt = mean_of(t), ma = mean_of(a);
  double stt = 0.0, sta = 0.0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    stt += (t[i] - mt) * (t[i] - mt);
    sta += (t[i] - mt) * (a[i] - ma);
  }
  if (stt <= 0.0) return kNaN;
  return sta / stt * 0.25 * md_time_ps;
}

WeldTrend weld_trend(const std::vector<WeldTrendRun>& all_runs, double md_time_ps,
                     long atoms_per_rod, const WeldTrendCriteria& criteria) {
  WeldTrend trend;
  trend.criteria = criteria;
  std::vector<WeldTrendRun> runs;
  for (const WeldTrendRun& r : all_runs)
    if (std::isfinite(r.release_eV)) runs.push_back(r);
  trend.n_runs = static_cast<long>(runs.size());
  std::vector<double> x, y;
  for (const WeldTrendRun& r : runs) {
    x.push_back(r.angle_deg);
    y.push_back(r.release_eV);
  }
  trend.fit = least_squares_line(x, y);
  trend.spearman = spearman_rank_correlation(x, y);

  std::vector<double> distinct = x;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (double angle : distinct) {
    std::vector<double> release, rot_end, rot_quench;
    double max_drift = kNaN;
    for (const WeldTrendRun& r : runs) {
      if (r.angle_deg != angle) continue;
      if (std::isfinite(r.angle_drift_last_quarter_deg))
        max_drift = std::isnan(max_drift)
                        ? std::abs(r.angle_drift_last_quarter_deg)
                        : std::max(max_drift, std::abs(r.angle_drift_last_quarter_deg));
      release.push_back(r.release_eV);
      rot_end.push_back(r.rotation_end_of_dynamics_deg);
      rot_quench.push_back(r.rotation_after_quench_deg);
    }
    WeldTrendAngle a;
    a.angle_deg = angle;
    a.n_seeds = static_cast<int>(release.size());
    a.release_eV = mean_std(release);
    a.release_stderr_eV =
        a.n_seeds > 1 ? a.release_eV.std / std::sqrt(static_cast<double>(a.n_seeds)) : kNaN;
    a.rotation_end_of_dynamics_deg = mean_std(rot_end);
    a.rotation_after_quench_deg = mean_std(rot_quench);
    a.max_abs_angle_drift_last_quarter_deg = max_drift;
    trend.angles.push_back(a);
  }
  trend.means_fall_angle_to_angle = trend.angles.size() >= 2;
  for (std::size_t i = 1; i < trend.angles.size(); ++i)
    if (!(trend.angles[i].release_eV.mean < trend.angles[i - 1].release_eV.mean))
      trend.means_fall_angle_to_angle = false;

  const RankCorrelation& s = trend.spearman;
  if (std::isnan(s.p_two_sided))
    trend.verdict = "too few runs";
  else if (s.rho < 0.0 && s.p_two_sided < criteria.alpha && trend.fit.slope < 0.0)
    trend.verdict =
        trend.means_fall_angle_to_angle ? "falls monotonically" : "falls, not monotonically";
  else if (s.rho > 0.0 && s.p_two_sided < criteria.alpha)
    trend.verdict = "rises";
  else
    trend.verdict = "no significant trend";

  WeldTrendAdequacy& q = trend.adequacy;
  q.n_angles = static_cast<int>(trend.angles.size());
  q.min_seeds_per_angle = 0;
  double pooled_ss = 0.0;
  long pooled_dof = 0;
  for (const WeldTrendAngle& a : trend.angles) {
    q.min_seeds_per_angle =
        q.min_seeds_per_angle == 0 ? a.n_seeds : std::min(q.min_seeds_per_angle, a.n_seeds);
    pooled_ss += (a.n_seeds - 1) * a.release_eV.std * a.release_eV.std;
    pooled_dof += a.n_seeds - 1;
  }
  q.enough_seeds = q.min_seeds_per_angle >= criteria.min_seeds_per_angle;
  q.enough_angles = q.n_angles >= criteria.min_angles;
  q.step_resolution_eV = kNaN;
  if (pooled_dof > 0 && q.min_seeds_per_angle > 0) {
    const boost::math::students_t dist(static_cast<double>(pooled_dof));
    const double t975 = boost::math::quantile(boost::math::complement(dist, 0.025));
    q.step_resolution_eV = t975 * std::sqrt(pooled_ss / static_cast<double>(pooled_dof)) *
                           std::sqrt(2.0 / q.min_seeds_per_angle);
  }
  q.fitted_step_eV = q.n_angles >= 2
                         ? std::abs(trend.fit.slope) * (distinct.back() - distinct.front()) /
                               static_cast<double>(q.n_angles - 1)
                         : kNaN;
  q.steps_resolved = std::isfinite(q.step_resolution_eV) && std::isfinite(q.fitted_step_eV) &&
                     q.fitted_step_eV > q.step_resolution_eV;
  q.md_time_ps = md_time_ps;
  for (const WeldTrendRun& r : runs) {
    if (std::isnan(r.angle_drift_last_quarter_deg)) continue;
    ++q.runs_with_drift;
    q.max_abs_drift_deg = std::max(q.max_abs_drift_deg, std::abs(r.angle_drift_last_quarter_deg));
    if (std::abs(r.angle_drift_last_quarter_deg) > criteria.max_angle_drift_deg)
      ++q.runs_still_rotating;
  }
  q.rotation_settled =
      trend.n_runs > 0 && q.runs_with_drift == trend.n_runs && q.runs_still_rotating == 0;
  q.atoms_per_rod = atoms_per_rod;
  q.rods_large_enough = atoms_per_rod >= criteria.min_atoms_per_rod;
  q.enough = q.enough_seeds && q.enough_angles && q.steps_resolved && q.rotation_settled &&
             q.rods_large_enough && trend.verdict != "too few runs";
  return trend;
}

std::string weld_trend_sentence(const WeldTrend& trend) {
  const WeldTrendAdequacy& q = trend.adequacy;
  const WeldTrendCriteria& c = trend.criteria;
  std::string s = "Trend test over " + std::to_string(trend.n_runs) + " runs (" +
                  std::to_string(q.n_angles) + " angles, at least " +
                  std::to_string(q.min_seeds_per_angle) + " seeds each): ";
  if (trend.verdict == "too few runs") {
    s += "too few runs for a slope and a p-value";
  } else {
    if (trend.verdict == "falls monotonically")
      s += "the net release falls monotonically with angle";
    else if (trend.verdict == "falls, not monotonically")
      s += "the net release falls with angle, but not monotonically";
    else if (trend.verdict == "rises")
      s += "the net release rises with angle";
    else
      s += "the net release shows no significant trend with angle";
    s += " (slope " + format("%.3f", trend.fit.slope) + " ± " +
         format("%.3f", trend.fit.slope_stderr) +
         " eV/°, Spearman ρ = " + format("%.2f", trend.spearman.rho) +
         ", p = " + format("%.2g", trend.spearman.p_two_sided) + "; per-angle means ";
    std::string means, angles;
    for (const WeldTrendAngle& a : trend.angles) {
      means += (means.empty() ? "" : ", ") + format("%.1f", a.release_eV.mean);
      angles += (angles.empty() ? "" : "/") + format("%g", a.angle_deg);
    }
    s += means + " eV at " + angles + "°)";
  }
  const std::string neighbour =
      "neighbouring means resolved to " + format("%.1f", q.step_resolution_eV) +
      " eV against a fitted step of " + format("%.1f", q.fitted_step_eV) + " eV";
  if (q.enough) {
    s += ", and the study is large and long enough for this to mean something (" +
         std::to_string(q.min_seeds_per_angle) + " seeds per angle, " + std::to_string(q.n_angles) +
         " angles, " + neighbour + ", every angle settled within " +
         format("%g", c.max_angle_drift_deg) + "° over the last quarter of " +
         format("%g", q.md_time_ps) + " ps, rods of " + with_thousands(q.atoms_per_rod) +
         " atoms).";
    return s;
  }
  std::vector<std::string> short_of;
  if (!q.enough_seeds)
    short_of.push_back(std::to_string(q.min_seeds_per_angle) + " seeds per angle where " +
                       std::to_string(c.min_seeds_per_angle) + " are needed");
  if (!q.enough_angles)
    short_of.push_back(std::to_string(q.n_angles) + " angles where " +
                       std::to_string(c.min_angles) + " are needed");
  if (!q.steps_resolved)
    short_of.push_back(std::isfinite(q.step_resolution_eV) ? neighbour
                                                           : "no spread within an angle to "
                                                             "resolve neighbouring means with");
  if (!q.rotation_settled) {
    if (q.runs_with_drift < trend.n_runs)
      short_of.push_back("the angle's drift over the last quarter of " +
                         format("%g", q.md_time_ps) + " ps not measured in " +
                         std::to_string(trend.n_runs - q.runs_with_drift) +
                         " runs (fewer than three samples)");
    if (q.runs_still_rotating > 0)
      short_of.push_back(std::to_string(q.runs_still_rotating) + " of " +
                         std::to_string(trend.n_runs) + " runs still turning by more than " +
                         format("%g", c.max_angle_drift_deg) + "° over the last quarter of " +
                         format("%g", q.md_time_ps) + " ps (up to " +
                         format("%.1f", q.max_abs_drift_deg) + "°)");
  }
  if (!q.rods_large_enough)
    short_of.push_back("rods of " + with_thousands(q.atoms_per_rod) + " atoms where " +
                       with_thousands(c.min_atoms_per_rod) + " are the paper's scale");
  s += "; but this run is a demonstration, too small or too short for the test to mean anything (";
  for (std::size_t i = 0; i < short_of.size(); ++i) s += (i ? "; " : "") + short_of[i];
  s += "): docs/weld.md, \"The trend test\", says why these limits, and gives the longer studies.";
  return s;
}

}  // namespace fw::md
