/// \file relaxation_correction.cpp
/// \brief ΔE_relax walked in thickness: each relaxed slab started from the previous one's planes.
#include "dft/facet/relaxation_correction.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/printf_format.hpp"
#include "dft/facet/relax_slab.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {

RelaxationCorrection relaxation_correction(const Pseudopotential& psp, const slabs::Miller& hkl,
                                           DftFacetSettings s, int thin_layers,
                                           const ConvergenceSettings& c, double tolerance,
                                           CellCache& cache,
                                           const std::function<void(const std::string&)>& log) {
  RelaxationCorrection rc;
  rc.converged = true;
  s.relax = true;
  const auto unrelaxed_slab = [&](int layers) {
    const slabs::Miller plane = slabs::fcc_plane_geometry(s.a_A, hkl).hkl;
    return slabs::slab_with_vacuum({s.element, s.a_A, plane, layers, 1, 1}, s.vacuum_A);
  };
  const auto delta = [](const DftFacetResult& r) {
    return r.e_dis_relaxed_eV_per_A2 - r.entry.e_dis_eV_per_A2;
  };
  const int max_slabs = std::max(2, c.max_points);
  for (int layers = thin_layers;; layers += c.layers_step) {
    s.layers = layers;
    // A thicker slab starts from the previous one's relaxed surface planes.
    std::optional<slabs::Structure> start;
    if (!rc.slabs.empty())
      start = transfer_surface_relaxation(unrelaxed_slab(rc.slabs.back().entry.layers),
                                          rc.slabs.back().relaxation->structure,
                                          unrelaxed_slab(layers));
    DftFacetResult r = dft_facet_energy(psp, hkl, s, log, &cache, start ? &*start : nullptr);
    rc.converged = rc.converged && r.relaxation && r.relaxation->converged;
    if (log)
      log(format("%s relaxation layers %2d: E_dis %.6f -> %.6f eV/A2 (%+.6f), %d ionic steps",
                 slabs::miller_label(hkl).c_str(), layers, r.entry.e_dis_eV_per_A2,
                 r.e_dis_relaxed_eV_per_A2, delta(r),
                 r.relaxation ? r.relaxation->ionic_steps : 0));
    rc.slabs.push_back(std::move(r));
    if (rc.slabs.size() < 2) continue;
    rc.correction_eV_per_A2 = delta(rc.slabs.back());
    rc.error_eV_per_A2 = std::abs(delta(rc.slabs.back()) - delta(rc.slabs[rc.slabs.size() - 2]));
    if (rc.error_eV_per_A2 < tolerance || static_cast<int>(rc.slabs.size()) >= max_slabs) break;
  }
  return rc;
}

}  // namespace fw::dft
