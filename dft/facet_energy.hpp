/// \file facet_energy.hpp
/// \brief Native-PBE facet cleavage energy E_dis(hkl) by the slab method, as a facet-table entry.
#pragma once

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dft/facet/cell_energy.hpp"
#include "dft/facet/convergence_settings.hpp"
#include "dft/facet/eos_settings.hpp"
#include "dft/facet/relax_slab.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {

/// Defaults, units and ranges: dft/settings.cpp (`facet_settings_table()`); element and a_A come
/// from the crystal settings (slabs/settings.hpp).
struct DftFacetSettings {
  std::string element;
  double a_A{};
  std::string pseudopotential;  ///< file path
  std::string method;           ///< "slab" | "cut-crystal" (slabs::facet_method_spec)
  int layers{};                 ///< atomic planes of the slab (and of its bulk reference)
  double vacuum_A{};
  std::array<int, 3> kpts{};       ///< slab mesh on the 1×1 surface cell (n×m×1)
  std::array<int, 3> kpts_bulk{};  ///< N-layer bulk mesh; 0x0x0: in-plane of kpts, kz by density
  double kdensity_per_A{};  ///< > 0: both meshes from this density (slabs::kmesh_from_density)
  std::string bulk_cell;    ///< "primitive" (folded mesh) | "supercell" (the N-layer cell)
  int cut_cells{};          ///< cut-crystal method: n×n×n conventional cells
  double cut_vacuum_A{};    ///< cut-crystal method: vacuum around the crystal
  bool relax{};             ///< also relax the slab (the bulk reference stays unrelaxed)
  SlabRelaxSettings relaxation;
  /// "crystal": a_A as given; "eos": the functional's own a0 (dft/facet/lattice_constant) first;
  /// "auto": eos for a relaxed or converged study, crystal otherwise.
  std::string lattice_constant;
  EosSettings eos;
  bool converge{};  ///< run the series of dft/facet/convergence.hpp instead of one point
  ConvergenceSettings convergence;
  ScfSettings scf;  ///< cut-off, smearing, tolerances (k-mesh is set per cell here)
};

/// The one-layer oriented cell (a1, a2, t): the slab's in-plane cell and the stacking vector t
/// (slabs::oriented_bulk with one layer).
slabs::Structure one_layer_cell(const DftFacetSettings& settings, const slabs::Miller& hkl);

/// The N-layer bulk reference (a1, a2, N·t), N = settings.layers. Same lattice and atoms as
/// slabs::oriented_bulk with N layers (which reduces the third vector by in-plane vectors); the
/// bulk k-mesh is defined on THIS basis, so that it folds into the one-layer cell exactly.
slabs::Structure stacked_bulk_cell(const DftFacetSettings& settings, const slabs::Miller& hkl);

/// The k-point meshes of one facet calculation.
struct FacetMeshes {
  std::array<int, 3> slab{};
  std::array<int, 3> bulk_supercell{};  ///< on the N-layer cell (a1, a2, N·t), stacked_bulk_cell
  std::array<int, 3> bulk_primitive{};  ///< the same k-points folded into (a1, a2, t)
};

/// Meshes from kpts / kpts_bulk / kdensity. The N-layer cell's third vector is N·t, so its
/// Γ-centred n1×n2×n3 mesh plus its reciprocal vectors b3/N is exactly the Γ-centred
/// n1×n2×(N·n3) mesh of the one-layer cell (a1, a2, t): ABINIT's kptrlatt diag(n1, n2, N·n3).
FacetMeshes facet_meshes(const slabs::PlaneGeometry& plane, const DftFacetSettings& settings);

/// One facet: the entry of the shared schema (e_dis_eV_per_A2 from E(σ→0)) and the details the
/// native engine adds to it.
struct DftFacetResult {
  slabs::FacetEntry entry;
  double e_dis_free_energy_eV_per_A2 = 0.0;  ///< from F = E − TS of slab and bulk
  CellEnergy slab;
  CellEnergy bulk;                     ///< as computed (primitive or N-layer cell)
  double e_bulk_free_energy_eV = 0.0;  ///< F of the N-layer reference (scaled from `bulk`)
  FacetMeshes meshes;
  std::string bulk_cell;
  std::optional<SlabRelaxation> relaxation;          ///< with settings.relax
  double e_dis_relaxed_eV_per_A2 = 0.0;              ///< (E_slab,relaxed − E_bulk)/A, E(σ→0)
  double e_dis_relaxed_free_energy_eV_per_A2 = 0.0;  ///< the same from F

  /// The relaxed entry of the shared schema (relaxed: true), as --engine eam writes it beside
  /// the unrelaxed one. Only with a relaxation.
  slabs::FacetEntry relaxed_entry() const;
};

/// E_dis = (E_slab − E_bulk)/A, unrelaxed, per area of ONE cut face (= 2γ), with E_bulk the
/// oriented bulk cell of the slab's N layers and in-plane cell (computed in the one-layer
/// primitive cell with the folded mesh unless bulk_cell = "supercell"), so that k-point errors
/// cancel. With settings.relax the slab is then relaxed (dft/facet/relax_slab.hpp; its first SCF
/// is the unrelaxed slab, unless `relax_from` is given). `log` receives one line per SCF step and
/// per ionic step. With `cache`, cells finished earlier are read from it and new ones stored
/// (dft/facet/cell_cache.hpp). With `relax_from` (the slab's atoms elsewhere:
/// transfer_surface_relaxation) the relaxation starts there, and the unrelaxed slab is an SCF of
/// its own (through `cache`).
DftFacetResult dft_facet_energy(const Pseudopotential& pseudopotential, const slabs::Miller& hkl,
                                const DftFacetSettings& settings,
                                const std::function<void(const std::string&)>& log = {},
                                CellCache* cache = nullptr,
                                const slabs::Structure* relax_from = nullptr);

/// One facets.json entry: the shared keys plus e_dis_free_energy_eV_per_A2, SCF steps and meshes
/// (and the relaxed values, ionic steps and residual force with a relaxation).
nlohmann::json to_json(const DftFacetResult& result);

/// The entries of one facet in facets.json: the unrelaxed one, and with a relaxation the relaxed
/// one (relaxed: true, e_dis_eV_per_A2 = the relaxed value) after it.
std::vector<nlohmann::json> facet_entries_json(const DftFacetResult& result);

/// facets.json of `table` (engine, element, settings) with the entries of `results`.
nlohmann::json facet_table_json(const slabs::FacetTable& table,
                                const std::vector<DftFacetResult>& results);

}  // namespace fw::dft
