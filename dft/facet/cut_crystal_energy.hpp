/// \file cut_crystal_energy.hpp
/// \brief The paper's cut-crystal E_dis with the native solver: a finite fcc crystal in vacuum, Γ
/// only, split by the (hkl) plane into two parts (Adv. Sci. 2025, Eq. 1), with the cost of its
/// three SCFs estimated and checked before the first one starts.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "dft/facet/cell_energy.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "slabs/cleave.hpp"
#include "slabs/facet_table.hpp"

namespace fw::dft {

/// What one Γ-only SCF of a cell will need, estimated before it runs.
struct CellCost {
  std::size_t atoms = 0;
  double electrons = 0.0;
  std::size_t bands = 0;
  double plane_waves = 0.0;  ///< Ω Gmax³/(6π²)
  std::array<int, 3> fft_grid{};
  double memory_bytes = 0.0;      ///< dft/solver/memory_estimate's total for one rank
  double seconds_per_step = 0.0;  ///< the flop model below at the calibrated rate
};

/// Memory from estimate_memory (the solver's own estimate); time per SCF step from the flops of
/// one step — Davidson applies H ~4 times per band (2 FFTs of 5 N log₂N flops each, shared by two
/// bands with real Γ vectors) and does ~3 dense products of npw × (3 n_bands)² (8 flops per
/// complex multiply-add, 2 per real one) — at
/// kFlopsPerSecondPerThread per thread. The cell is Γ-only: the threads share its bands' FFTs,
/// while the dense products run on one thread (dft/solver/hamiltonian, davidson).
CellCost estimate_cell_cost(const slabs::Structure& cell, const Pseudopotential& psp,
                            const ScfSettings& scf);

/// Sustained rate of the solver assumed by the time model: a round number of the right size for
/// one core of this machine (an estimate within a factor ~2–3, not a promise; docs/dft.md compares
/// it with measured runs).
inline constexpr double kFlopsPerSecondPerThread = 2.0e9;
/// SCF steps assumed for a metal cluster in vacuum (16–32 measured with the 1-electron HGH Au).
inline constexpr int kAssumedScfSteps = 25;

struct DftCutCrystalResult {
  slabs::FacetEntry entry;  ///< method "cut-crystal"; e_slab_eV = E1 + E2, e_bulk_eV = E_crystal
  double e_dis_free_energy_eV_per_A2 = 0.0;
  CellEnergy crystal, part1, part2;
  std::size_t atoms_crystal = 0, atoms_part1 = 0, atoms_part2 = 0;
  int cells = 0;
  double vacuum_A = 0.0;
  double box_A = 0.0;
};

/// The three cells of the cut (slabs::cleave_crystal: n×n×n cubic cells in a cubic box with
/// `vacuum_A` around them, cut through the centre), all periodic for the solver.
slabs::CleavedCrystal cut_crystal_cells(const std::string& element, double a_A,
                                        const slabs::Miller& hkl, int cells, double vacuum_A);

/// The estimate of the three SCFs as one line (atoms, bands, plane waves, grid, memory of the
/// largest against the memory available, time of all three). Throws InputError("--cells") when
/// the crystal's SCF would not fit in memory, before any SCF has started.
std::string check_cut_crystal_fits(const slabs::CleavedCrystal& cut, const Pseudopotential& psp,
                                   const ScfSettings& scf);

/// E_dis = (E_part1 + E_part2 − E_crystal)/A, unrelaxed, Γ only, A the cut's area inside the
/// cube. E(σ→0) for e_dis_eV_per_A2 and F beside it, as the slab method. The whole crystal does
/// not depend on (hkl) (slabs::cleave_crystal builds the same cube in the same box and only tags
/// the parts), so `whole` may pass its energy from another facet's run instead of a fourth SCF.
/// `log` receives every SCF line of the three cells ("(100) cut crystal (part 1): <line>");
/// `options.cache` keeps each converged cell, so a killed run resumes per cell.
DftCutCrystalResult dft_cut_crystal_energy(const Pseudopotential& psp, const slabs::Miller& hkl,
                                           const std::string& element, double a_A, int cells,
                                           double vacuum_A, const ScfSettings& scf,
                                           const std::function<void(const std::string&)>& log = {},
                                           const std::optional<CellEnergy>& whole = std::nullopt,
                                           const CellRunOptions& options = {});

/// One facets.json entry: the shared keys plus F-based E_dis, atom counts, SCF steps, walls.
nlohmann::json to_json(const DftCutCrystalResult& result);

}  // namespace fw::dft
