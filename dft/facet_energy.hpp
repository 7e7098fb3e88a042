/// \file facet_energy.hpp
/// \brief Native-PBE facet cleavage energy E_dis(hkl) by the slab method, as a facet-table entry.
#pragma once

#include <functional>
#include <string>

#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "slabs/facet_table.hpp"

namespace fw::dft {

/// Defaults, units and ranges: dft/settings.cpp (`facet_settings_table()`); element and a_A come
/// from the crystal settings (slabs/settings.hpp).
struct DftFacetSettings {
  std::string element;
  double a_A{};
  std::string pseudopotential;  ///< file path
  int layers{};                 ///< atomic planes of the slab
  double vacuum_A{};
  int kpoints_in_plane{};  ///< Γ-centred n × n × 1 on the 1x1 surface cell
  ScfSettings scf;         ///< cutoff, smearing, tolerances (k-mesh is set per cell here)
};

/// E_dis = (E_slab − N·ε_bulk)/A, unrelaxed, with ε_bulk the energy per atom of the oriented
/// bulk cell of one stacking period (same in-plane cell and in-plane k-mesh, kz matched to the
/// same k-point density), so that k-point errors largely cancel between slab and bulk.
/// Energies are the σ → 0 extrapolations. `log` receives one line per SCF step.
slabs::FacetEntry dft_facet_energy(const Pseudopotential& pseudopotential, const slabs::Miller& hkl,
                                   const DftFacetSettings& settings,
                                   const std::function<void(const std::string&)>& log = {});

}  // namespace fw::dft
