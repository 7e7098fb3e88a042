/// \file relaxation_correction.hpp
/// \brief The relaxation energy of a facet: relaxed slabs at the converged settings, walked in
/// thickness until ΔE_relax = E_dis,relaxed − E_dis,unrelaxed stops changing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dft/facet/cell_cache.hpp"
#include "dft/facet_energy.hpp"

namespace fw::dft {

/// E_dis,relaxed − E_dis,unrelaxed of the slab at the converged settings, at increasing
/// thicknesses: the thickest one is added to the converged E_dis, its change from the one before is
/// its error.
struct RelaxationCorrection {
  std::vector<DftFacetResult> slabs;  ///< relaxed facet results, thinner first
  double correction_eV_per_A2 = 0.0;
  double error_eV_per_A2 = 0.0;
  bool converged = false;  ///< every relaxation reached fmax
};

/// Relaxed slabs at the settings `s`: `thin_layers`, then one `c.layers_step` more at a time until
/// ΔE_relax changes by less than `tolerance` between two thicknesses (as every other axis of the
/// series walks), or max(2, `c.max_points`) slabs. A thicker slab starts from the previous one's
/// relaxed surface planes (`transfer_surface_relaxation`: fewer ionic steps). Every SCF cell and
/// ionic step goes through `cache`; `log` gets the SCF lines and one line per relaxed slab.
RelaxationCorrection relaxation_correction(const Pseudopotential& psp, const slabs::Miller& hkl,
                                           DftFacetSettings s, int thin_layers,
                                           const ConvergenceSettings& c, double tolerance,
                                           CellCache& cache,
                                           const std::function<void(const std::string&)>& log = {});

}  // namespace fw::dft
