/// \file convergence.hpp
/// \brief E_dis converged in layers, vacuum, cut-off and in-plane k: a series per axis that stops
/// when E_dis moves less than a tolerance, with the error estimated from the last changes.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dft/facet/cell_cache.hpp"
#include "dft/facet_energy.hpp"

namespace fw::dft {

struct ConvergencePoint {
  std::string axis;  ///< "start", "layers", "vacuum", "ecut", "kpts", "smearing"
  int layers = 0;
  double vacuum_A = 0.0;
  double ecut_hartree = 0.0;
  double smearing_hartree = 0.0;  ///< width of the occupation smearing
  std::array<int, 3> kpts{};
  double e_dis_eV_per_A2 = 0.0;
  double e_dis_free_energy_eV_per_A2 = 0.0;
  bool converged = false;  ///< both SCFs
  int scf_steps_slab = 0, scf_steps_bulk = 0;
  bool from_cache = false;  ///< both cells finished in an earlier (killed) run
};

struct AxisConvergence {
  std::string axis;
  bool converged = false;    ///< the last step moved E_dis less than the tolerance
  double last_change = 0.0;  ///< |ΔE_dis| of its last step, eV/Å²
};

struct FacetConvergence {
  slabs::Miller hkl{};
  std::vector<ConvergencePoint> points;  ///< every point, in the order computed
  std::vector<AxisConvergence> axes;
  DftFacetResult final;  ///< the last point: the converged settings
  /// Each axis was stopped after a step of |Δ| (below the tolerance when converged); the error
  /// left by stopping is taken as that step, and the axes as independent: sqrt(Σ Δ²).
  double error_eV_per_A2 = 0.0;
  bool converged() const;
};

/// The series for one facet, starting from `settings` (unrelaxed slab method): layers +
/// layers_step until converged (or max_points), then vacuum, cut-off, in-plane k and the
/// smearing width (× smearing_factor per step) the same way, each axis starting where the
/// previous one stopped. Along the smearing axis E_dis from F and from E(σ→0) meet as σ → 0
/// (both are in every point), and E_dis(σ→0) must stay put: its last step is the smearing error.
/// Every SCF cell goes through `cache`. `log` gets the SCF lines ("label: ...") and one "E_dis"
/// line per point.
FacetConvergence converge_facet(const Pseudopotential& psp, const slabs::Miller& hkl,
                                const DftFacetSettings& settings,
                                const ConvergenceSettings& convergence, CellCache& cache,
                                const std::function<void(const std::string&)>& log = {});

/// The facets.json entry of the final point with "convergence": tolerance, E_dis ± error, axes
/// and the table of every point.
nlohmann::json to_json(const FacetConvergence& c, const ConvergenceSettings& settings);

}  // namespace fw::dft
