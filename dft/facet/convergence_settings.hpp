/// \file convergence_settings.hpp
/// \brief How far and in which steps `--converge` walks each axis of a facet calculation.
#pragma once

namespace fw::dft {

/// Defaults, units and ranges: dft/settings.cpp (the converge_* keys of the [dft] table).
struct ConvergenceSettings {
  double tolerance_eV_per_A2{};  ///< an axis is converged when one step moves E_dis less
  int max_points{};              ///< points per axis, the starting one included
  int layers_step{};
  double vacuum_step_A{};
  double ecut_step_hartree{};
  int kpts_step{};           ///< added to both in-plane mesh numbers
  double smearing_factor{};  ///< the smearing width is multiplied by this per step (< 1)
};

}  // namespace fw::dft
