/// \file trend.hpp
/// \brief Does the welding energy release fall with the angle? The least-squares slope ± its
/// standard error, Spearman's rank correlation with its p-value, the rotation towards alignment
/// per angle, and whether the study is large and long enough for the answer to mean anything
/// (docs/weld.md, "The trend test"). Pure functions, no I/O.
#pragma once

#include <string>
#include <vector>

namespace fw::md {

/// Mean and sample standard deviation (n − 1; 0 for one value).
struct MeanStd {
  double mean = 0.0;
  double std = 0.0;
};
MeanStd mean_std(const std::vector<double>& values);

/// Ordinary least squares y = intercept + slope·x. slope_stderr = sqrt(s²/Sxx) with
/// s² = Σ residual² / (n − 2); slope_p_two_sided from Student's t with n − 2 degrees of freedom
/// for t = slope / slope_stderr (scipy.stats.linregress's stderr and pvalue). NaN where
/// undefined (n < 3 or all x equal).
struct LineFit {
  long n = 0;
  double slope = 0.0;
  double slope_stderr = 0.0;
  double intercept = 0.0;
  double slope_p_two_sided = 0.0;
};
LineFit least_squares_line(const std::vector<double>& x, const std::vector<double>& y);

/// Ranks 1…n, tied values sharing the average of the ranks they span ({5, 1, 5} → {2.5, 1, 2.5}).
std::vector<double> average_ranks(const std::vector<double>& values);

/// Spearman's ρ: Pearson's correlation of the average ranks of x and of y (ties included). The
/// two-sided p-value of ρ = 0 from Student's t with n − 2 degrees of freedom,
/// t = ρ·sqrt((n − 2)/(1 − ρ²)) (p = 0 for |ρ| = 1), as scipy.stats.spearmanr. NaN where
/// undefined (n < 3, or x or y constant).
struct RankCorrelation {
  long n = 0;
  double rho = 0.0;
  double p_two_sided = 0.0;
};
RankCorrelation spearman_rank_correlation(const std::vector<double>& x,
                                          const std::vector<double>& y);

/// Two-sided p-value of Student's t statistic with `dof` degrees of freedom (Boost.Math).
double students_t_p_two_sided(double t, double dof);

/// How the angle still moved over the last quarter of the dynamics: the least-squares slope of
/// angle vs time over the samples with time ≥ 0.75·time_ps, times 0.25·time_ps (degrees). NaN
/// with fewer than three such samples.
double angle_drift_last_quarter_deg(const std::vector<double>& time_ps,
                                    const std::vector<double>& angle_deg, double md_time_ps);

/// One (angle, seed) run as the test sees it (its control finished: the net release is known).
struct WeldTrendRun {
  double angle_deg = 0.0;
  double release_eV = 0.0;  ///< net: raw − the control of the same seed
  /// Towards alignment: initial θ − θ (> 0: θ closed; top mode: towards the T).
  double rotation_end_of_dynamics_deg = 0.0;
  double rotation_after_quench_deg = 0.0;
  double angle_drift_last_quarter_deg = 0.0;  ///< NaN: too few samples to tell
};

/// What "large and long enough" means (docs/weld.md, "The trend test", says why).
struct WeldTrendCriteria {
  double alpha = 0.05;  ///< significance level of ρ
  /// The 95 % interval of a per-angle mean is ± t(0.975, n − 1) standard errors: 4.3 for 3
  /// seeds, 2.8 for 5 (2.0 for many): below 5 seeds the spread itself is too uncertain.
  int min_seeds_per_angle = 5;
  /// k angles in random order fall strictly with probability 1/k!: 1/6 for 3, 1/24 for 4.
  int min_angles = 4;
  /// A tenth of the 10° between the paper's rotating (10°) and angle-keeping (20°) pairs.
  double max_angle_drift_deg = 1.0;
  /// Rods of the paper's scale (≈ 3 nm across, 10 nm long; issue 20's study).
  long min_atoms_per_rod = 4000;
};

/// Per angle, over its seeds.
struct WeldTrendAngle {
  double angle_deg = 0.0;
  int n_seeds = 0;
  MeanStd release_eV;
  double release_stderr_eV = 0.0;  ///< s.d./√n (NaN for one seed)
  MeanStd rotation_end_of_dynamics_deg;
  MeanStd rotation_after_quench_deg;
  double max_abs_angle_drift_last_quarter_deg = 0.0;  ///< NaN: not measured in any run
};

/// Whether the study can answer the question, criterion by criterion.
struct WeldTrendAdequacy {
  int min_seeds_per_angle = 0;
  bool enough_seeds = false;
  int n_angles = 0;
  bool enough_angles = false;
  /// The smallest difference between two neighbouring per-angle means that the seeds resolve at
  /// 95 %: t(0.975, N − k)·s_pooled·sqrt(2/n_min), s_pooled the pooled within-angle s.d.
  double step_resolution_eV = 0.0;
  /// The effect claimed, angle to angle: |slope| × the mean spacing of neighbouring angles.
  double fitted_step_eV = 0.0;
  bool steps_resolved = false;
  double md_time_ps = 0.0;
  int runs_with_drift = 0;      ///< runs whose last-quarter drift could be measured
  int runs_still_rotating = 0;  ///< |drift| > max_angle_drift_deg
  double max_abs_drift_deg = 0.0;
  bool rotation_settled = false;  ///< every run measured and none still rotating
  long atoms_per_rod = 0;
  bool rods_large_enough = false;
  bool enough = false;  ///< every criterion met
};

struct WeldTrend {
  WeldTrendCriteria criteria;
  long n_runs = 0;
  LineFit fit;                         ///< net release (eV) vs initial angle (deg): slope in eV/deg
  RankCorrelation spearman;            ///< over every run, not the per-angle means
  std::vector<WeldTrendAngle> angles;  ///< ascending angle
  bool means_fall_angle_to_angle = false;  ///< each per-angle mean below the previous one
  /// "falls monotonically" (slope < 0, ρ < 0 with p < alpha, means falling angle to angle),
  /// "falls, not monotonically" (the same but some mean does not fall), "rises" (ρ > 0,
  /// p < alpha), "no significant trend", or "too few runs" (no p-value).
  std::string verdict;
  WeldTrendAdequacy adequacy;
};

/// The trend test over `runs` (dynamics of md_time_ps, rods of atoms_per_rod atoms).
WeldTrend weld_trend(const std::vector<WeldTrendRun>& runs, double md_time_ps, long atoms_per_rod,
                     const WeldTrendCriteria& criteria = {});

/// One sentence for the report: whether the release falls monotonically with angle, with the
/// numbers, and whether the study was large and long enough for that to mean anything (if not,
/// that it is a demonstration, pointing to the study in docs/weld.md).
std::string weld_trend_sentence(const WeldTrend& trend);

}  // namespace fw::md
