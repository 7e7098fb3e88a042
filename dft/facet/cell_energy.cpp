/// \file cell_energy.cpp
/// \brief SCF energies of one cell for a facet calculation.
#include "dft/facet/cell_energy.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <utility>

#include "core/units.hpp"
#include "dft/facet/cell_cache.hpp"
#include "dft/structure_adapter.hpp"

namespace fw::dft {

CellEnergy run_cell_energy(const slabs::Structure& cell, const Pseudopotential& psp,
                           ScfSettings scf, const std::array<int, 3>& mesh,
                           const std::string& label,
                           const std::function<void(const std::string&)>& log,
                           const CellRunOptions& options) {
  const std::map<std::string, Pseudopotential> pseudos{{cell.atoms.front().species, psp}};
  const Crystal crystal = crystal_from_structure(cell, pseudos, label);
  scf.kpoint_mesh = mesh;
  scf.kpoint_shift = {0, 0, 0};
  scf.compute_forces = options.forces;
  if (options.fft_grid) scf.fft_grid = options.fft_grid;

  std::string cache_key;
  if (options.cache) {
    cache_key = CellCache::key(cell, mesh, scf, psp.source_path);
    if (auto cached = options.cache->find(cache_key)) {
      cached->from_cache = true;
      if (options.warm_state) *options.warm_state = ScfState{};
      if (log) log(label + ": finished earlier, read from " + options.cache->path().string());
      return *cached;
    }
  }
  if (log)
    scf.log = [&](const std::string& line) { log(label + ": " + line); };
  else
    scf.log = nullptr;
  const auto start = std::chrono::steady_clock::now();
  scf.keep_final_state = options.warm_state != nullptr;
  std::optional<ScfState> warm;
  if (options.warm_state && !options.warm_state->kohn_sham.psi.empty())
    warm = std::exchange(*options.warm_state, ScfState{});
  ScfResult r = run_scf(crystal, scf, std::move(warm));
  if (options.warm_state && r.final_state) *options.warm_state = std::move(*r.final_state);
  CellEnergy e;
  e.energy_eV = units::hartree_to_eV(r.energy_zero_smearing_hartree);
  e.free_energy_eV = units::hartree_to_eV(r.free_energy_hartree);
  e.scf_steps = r.iterations;
  e.converged = r.converged;
  e.warm_started = r.warm_started;
  e.kpts = mesh;
  e.symmetry_operations = r.n_symmetry_operations;
  e.n_atoms = cell.size();
  if (const auto& sigma = r.stress_hartree_per_bohr3)
    e.pressure_GPa =
        -((*sigma)[0][0] + (*sigma)[1][1] + (*sigma)[2][2]) / 3.0 * units::kHartreePerBohr3InGPa;
  for (const Vec3& f : r.forces_hartree_per_bohr)
    e.forces_eV_per_A.push_back(f * (units::kHartreeInEV / units::kBohrInAngstrom));
  e.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!cache_key.empty() && e.converged) options.cache->store(cache_key, e);
  return e;
}

}  // namespace fw::dft
