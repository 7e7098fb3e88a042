/// \file cut_crystal_energy.cpp
/// \brief Cut-crystal E_dis: three Γ-only SCFs (crystal, part 1, part 2) after a cost check.
#include "dft/facet/cut_crystal_energy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "core/units.hpp"
#include "dft/basis/fft_grid.hpp"
#include "dft/solver/memory_estimate.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace fw::dft {

namespace {

int solver_threads(const ScfSettings& scf) {
  if (scf.threads > 0) return scf.threads;
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

}  // namespace

CellCost estimate_cell_cost(const slabs::Structure& cell, const Pseudopotential& psp,
                            const ScfSettings& scf) {
  // The Crystal the solver will see, built directly: crystal_from_structure's pair-distance check
  // is O(N²) and would make refusing a cell far too large for memory slow.
  Crystal crystal;
  for (int i = 0; i < 3; ++i) crystal.cell_bohr[i] = cell.cell[i] * units::kAngstromInBohr;
  crystal.species.push_back(psp);
  for (const auto& atom : cell.atoms) {
    crystal.positions_frac.push_back(cell.fractional(atom.position));
    crystal.species_of_atom.push_back(0);
  }
  CellCost c;
  c.atoms = cell.size();
  c.electrons = psp.z_valence * static_cast<double>(cell.size());
  // The solver's default band count (dft/solver/scf.cpp): N/2 + max(4, 20 % of N/2).
  const double half = 0.5 * c.electrons;
  c.bands = scf.n_bands > 0 ? static_cast<std::size_t>(scf.n_bands)
                            : static_cast<std::size_t>(std::ceil(half + std::max(4.0, 0.2 * half)));
  const FftGrid grid =
      scf.fft_grid ? FftGrid{*scf.fft_grid} : choose_fft_grid(crystal.cell_bohr, scf.ecut_hartree);
  c.fft_grid = grid.n;
  MemoryInputs in;
  in.ecut_hartree = scf.ecut_hartree;
  in.grid = grid;
  in.n_bands = c.bands;
  in.mixing_history = scf.mixing_history;
  in.threads = solver_threads(scf);
  in.real_gamma_only = scf.real_gamma;
  const MemoryEstimate m = estimate_memory(crystal, in);
  c.plane_waves = m.plane_waves_per_k;
  c.memory_bytes = m.total_bytes();
  const double n_grid = static_cast<double>(grid.n[0]) * grid.n[1] * grid.n[2];
  const double nb = static_cast<double>(c.bands);
  // Real Γ vectors (gamma_real.hpp): two bands per FFT pair, 2 flops per real multiply-add.
  const double bands_per_fft = scf.real_gamma ? 2.0 : 1.0;
  const double flops_per_multiply_add = scf.real_gamma ? 2.0 : 8.0;
  const double fft_flops = 4.0 * nb / bands_per_fft * 2.0 * 5.0 * n_grid * std::log2(n_grid);
  const double dense_flops = 3.0 * flops_per_multiply_add * c.plane_waves * (3.0 * nb) * (3.0 * nb);
  c.seconds_per_step = (fft_flops / in.threads + dense_flops) / kFlopsPerSecondPerThread;
  return c;
}

slabs::CleavedCrystal cut_crystal_cells(const std::string& element, double a_A,
                                        const slabs::Miller& hkl, int cells, double vacuum_A) {
  slabs::CleaveSpec spec;
  spec.element = element;
  spec.a_A = a_A;
  spec.cells = cells;
  spec.hkl = hkl;
  spec.vacuum_A = vacuum_A;
  return slabs::cleave_crystal(spec);
}

std::string check_cut_crystal_fits(const slabs::CleavedCrystal& cut, const Pseudopotential& psp,
                                   const ScfSettings& scf) {
  const CellCost crystal = estimate_cell_cost(cut.crystal, psp, scf);
  const CellCost part1 = estimate_cell_cost(cut.part1, psp, scf);
  const CellCost part2 = estimate_cell_cost(cut.part2, psp, scf);
  const double available = memory_per_rank(1).bytes;
  const double seconds = kAssumedScfSteps * (crystal.seconds_per_step + part1.seconds_per_step +
                                             part2.seconds_per_step);
  char line[400];
  std::snprintf(line, sizeof line,
                "%zu atoms (%zu + %zu), %zu bands, %.0f plane waves, grid %dx%dx%d: %.2f GiB of "
                "%.1f GiB available; ~%.0f min for the 3 SCFs (%d steps each assumed)",
                crystal.atoms, part1.atoms, part2.atoms, crystal.bands, crystal.plane_waves,
                crystal.fft_grid[0], crystal.fft_grid[1], crystal.fft_grid[2],
                crystal.memory_bytes / kGiB, available / kGiB, seconds / 60.0, kAssumedScfSteps);
  if (crystal.memory_bytes > available)
    throw InputError("--cells", std::string("the cut crystal does not fit in memory: ") + line +
                                    "; use fewer --cells, a lower --ecut or less --vacuum");
  return line;
}

DftCutCrystalResult dft_cut_crystal_energy(const Pseudopotential& psp, const slabs::Miller& hkl,
                                           const std::string& element, double a_A, int cells,
                                           double vacuum_A, const ScfSettings& scf,
                                           const std::function<void(const std::string&)>& log,
                                           const std::optional<CellEnergy>& whole,
                                           const CellRunOptions& options) {
  const slabs::CleavedCrystal cut = cut_crystal_cells(element, a_A, hkl, cells, vacuum_A);
  const std::string label = slabs::miller_label(slabs::reduce_miller(hkl)) + " cut crystal";
  check_cut_crystal_fits(cut, psp, scf);
  DftCutCrystalResult r;
  const std::array<int, 3> gamma{1, 1, 1};
  r.crystal = whole
                  ? *whole
                  : run_cell_energy(cut.crystal, psp, scf, gamma, label + " (whole)", log, options);
  r.part1 = run_cell_energy(cut.part1, psp, scf, gamma, label + " (part 1)", log, options);
  r.part2 = run_cell_energy(cut.part2, psp, scf, gamma, label + " (part 2)", log, options);
  r.atoms_crystal = cut.crystal.size();
  r.atoms_part1 = cut.part1.size();
  r.atoms_part2 = cut.part2.size();
  r.cells = cells;
  r.vacuum_A = vacuum_A;
  r.box_A = cut.crystal.cell[0][0];

  slabs::FacetEntry& e = r.entry;
  e.hkl = slabs::reduce_miller(hkl);
  e.method = "cut-crystal";
  e.relaxed = false;
  e.layers = 0;
  e.area_A2 = cut.cut_area_A2;
  e.e_slab_eV = r.part1.energy_eV + r.part2.energy_eV;
  e.e_bulk_eV = r.crystal.energy_eV;
  e.e_dis_eV_per_A2 = (e.e_slab_eV - e.e_bulk_eV) / e.area_A2;
  r.e_dis_free_energy_eV_per_A2 =
      (r.part1.free_energy_eV + r.part2.free_energy_eV - r.crystal.free_energy_eV) / e.area_A2;
  e.converged = r.crystal.converged && r.part1.converged && r.part2.converged;
  return r;
}

nlohmann::json to_json(const DftCutCrystalResult& r) {
  slabs::FacetTable one;
  one.facets = {r.entry};
  nlohmann::json j = slabs::to_json(one)["facets"][0];
  j["e_dis_free_energy_eV_per_A2"] = r.e_dis_free_energy_eV_per_A2;
  j["e_dis_definition"] =
      "(E_part1 + E_part2 - E_crystal)/A; e_dis_eV_per_A2 from E(sigma->0) = (U+F)/2, "
      "e_dis_free_energy_eV_per_A2 from F = U - TS";
  j["e_crystal_eV"] = r.crystal.energy_eV;
  j["e_part1_eV"] = r.part1.energy_eV;
  j["e_part2_eV"] = r.part2.energy_eV;
  j["e_crystal_free_energy_eV"] = r.crystal.free_energy_eV;
  j["e_part1_free_energy_eV"] = r.part1.free_energy_eV;
  j["e_part2_free_energy_eV"] = r.part2.free_energy_eV;
  j["atoms_crystal"] = r.atoms_crystal;
  j["atoms_part1"] = r.atoms_part1;
  j["atoms_part2"] = r.atoms_part2;
  j["cells"] = r.cells;
  j["vacuum_A"] = r.vacuum_A;
  j["box_A"] = r.box_A;
  j["kpts"] = std::array<int, 3>{1, 1, 1};
  j["scf_steps_crystal"] = r.crystal.scf_steps;
  j["scf_steps_part1"] = r.part1.scf_steps;
  j["scf_steps_part2"] = r.part2.scf_steps;
  j["wall_s_crystal"] = r.crystal.wall_s;
  j["wall_s_part1"] = r.part1.wall_s;
  j["wall_s_part2"] = r.part2.wall_s;
  return j;
}

}  // namespace fw::dft
