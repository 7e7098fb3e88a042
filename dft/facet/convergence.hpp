/// \file convergence.hpp
/// \brief E_dis converged in cut-off, vacuum, in-plane k, smearing and layers, with an error bar:
/// the cheap axes walked on the thin starting slab, then the layers at those settings, and the
/// relaxation energy added from relaxed slabs at the converged settings.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dft/facet/cell_cache.hpp"
#include "dft/facet/layer_fit.hpp"
#include "dft/facet/relaxation_correction.hpp"
#include "dft/facet_energy.hpp"

namespace fw::dft {

struct ConvergencePoint {
  std::string axis;  ///< "start", "ecut", "vacuum", "kpts", "smearing", "layers"
  int layers = 0;
  double vacuum_A = 0.0;
  double ecut_hartree = 0.0;
  double smearing_hartree = 0.0;  ///< width of the occupation smearing
  std::array<int, 3> kpts{};
  double e_dis_eV_per_A2 = 0.0;
  double e_dis_free_energy_eV_per_A2 = 0.0;
  double e_slab_eV = 0.0;  ///< E(σ→0) of the slab (the layer fit's input)
  bool converged = false;  ///< both SCFs
  int scf_steps_slab = 0, scf_steps_bulk = 0;
  double wall_s = 0.0;      ///< slab + bulk SCF wall time when computed (as stored when cached)
  bool from_cache = false;  ///< both cells finished in an earlier (killed) run
};

struct AxisConvergence {
  std::string axis;
  bool converged = false;    ///< the last step moved E_dis less than the per-axis tolerance
  double last_change = 0.0;  ///< |ΔE_dis| of its last step, eV/Å²
};

struct FacetConvergence {
  slabs::Miller hkl{};
  std::vector<ConvergencePoint> points;  ///< every point, in the order computed
  std::vector<AxisConvergence> axes;
  DftFacetResult final;       ///< the last point: the converged settings (unrelaxed)
  DftFacetSettings settings;  ///< those settings
  /// The starting slab at the converged settings, then every point of the layers axis: the
  /// thickness series, plotted and fitted.
  std::vector<ConvergencePoint> thickness_series;
  std::optional<LayerFit> layer_fit;  ///< Fiorentini–Methfessel over the thickness series
  std::optional<RelaxationCorrection> relaxation;
  double tolerance_per_axis_eV_per_A2 = 0.0;
  /// Each axis was stopped after a step of |Δ|; the error left by stopping is taken as that step
  /// (the remainder of a series that converges at least geometrically with ratio ≤ ½), the axes
  /// as independent: sqrt(Σ Δ² + relaxation error²).
  double error_eV_per_A2 = 0.0;
  double e_dis_eV_per_A2() const;  ///< final unrelaxed + relaxation correction (if any)
  bool converged() const;
};

/// The per-axis tolerance: the error target over the square root of the number of error terms
/// (5 axes, 6 with a relaxation), so that the combined error meets the target.
double per_axis_tolerance(const ConvergenceSettings& c, bool relax);

/// The series for one facet, starting from `settings`: on the starting (thin) slab the cut-off
/// (+ecut_step), the vacuum (+vacuum_step), the in-plane k (+kpts_step) and the smearing width
/// (× smearing_factor) in turn, each until one step moves E_dis less than the per-axis tolerance
/// or after max_points; then the layers (+layers_step) at those settings. Along the smearing axis
/// E_dis from F and from E(σ→0) meet as σ → 0 (both are in every point), and E_dis(σ→0) must
/// stay put: its last step is the smearing error. With settings.relax the slab is then relaxed at
/// the final settings, walking the thickness from the starting layers until the relaxation energy
/// stops changing, and the thickest one's added (relaxation_correction). Every unrelaxed SCF cell
/// goes through `cache`. `log` gets the SCF lines ("label: ...") and one "E_dis" line per point.
FacetConvergence converge_facet(const Pseudopotential& psp, const slabs::Miller& hkl,
                                const DftFacetSettings& settings,
                                const ConvergenceSettings& convergence, CellCache& cache,
                                const std::function<void(const std::string&)>& log = {});

/// The start of the next facet's series from the previous facet's converged settings: its
/// cut-off, vacuum and smearing width (where they are beyond `start`'s) and its in-plane k-point
/// density (points per Å⁻¹ of |b| on the previous mesh's densest axis, the same on both axes of
/// `next`'s surface cell, rounded up: a hexagonal cell keeps its symmetry); the layers stay
/// `start`'s. Each axis of the next series still takes its own step, so its convergence is checked
/// on that facet; only the walk up to a setting already found necessary is saved.
DftFacetSettings settings_carried_to(const FacetConvergence& previous, const slabs::Miller& next,
                                     const DftFacetSettings& start);

/// The facets.json entry of the final point with "convergence": tolerance, E_dis ± error, axes,
/// the layer fit, the relaxation correction and the table of every point.
nlohmann::json to_json(const FacetConvergence& c, const ConvergenceSettings& settings);

}  // namespace fw::dft
