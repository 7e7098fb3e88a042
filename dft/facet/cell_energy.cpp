/// \file cell_energy.cpp
/// \brief SCF energies of one cell with a symmetry reduction only where the mesh allows it.
#include "dft/facet/cell_energy.hpp"

#include <chrono>
#include <map>

#include "core/units.hpp"
#include "dft/basis/fft_grid.hpp"
#include "dft/basis/symmetry.hpp"
#include "dft/facet/cell_cache.hpp"
#include "dft/structure_adapter.hpp"

namespace fw::dft {

namespace {

/// k → M k (fractional reciprocal coordinates) keeps the mesh n_i iff M_ij·n_i/n_j ∈ ℤ.
bool keeps_mesh(const std::array<std::array<int, 3>, 3>& m, const std::array<int, 3>& n,
                bool transpose) {
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      const int mij = transpose ? m[j][i] : m[i][j];
      if ((mij * n[i]) % n[j] != 0) return false;
    }
  return true;
}

}  // namespace

bool mesh_respects_symmetry(const Crystal& crystal, const std::array<int, 3>& mesh,
                            double ecut_hartree) {
  const FftGrid grid = choose_fft_grid(crystal.cell_bohr, ecut_hartree);
  // k transforms with (R⁻¹)ᵀ; over the whole group that is the set of Rᵀ, and both R and Rᵀ are
  // checked so that the test does not depend on the convention.
  for (const auto& op : grid_compatible_symmetry(crystal, grid, true))
    if (!keeps_mesh(op.rotation, mesh, false) || !keeps_mesh(op.rotation, mesh, true)) return false;
  return true;
}

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

  scf.use_symmetry = scf.use_symmetry && mesh_respects_symmetry(crystal, mesh, scf.ecut_hartree);
  std::string cache_key;
  if (options.cache && !options.forces) {
    cache_key = CellCache::key(cell, mesh, scf, psp.source_path);
    if (auto cached = options.cache->find(cache_key)) {
      cached->from_cache = true;
      if (log) log(label + ": finished earlier, read from " + options.cache->path().string());
      return *cached;
    }
  }
  if (log)
    scf.log = [&](const std::string& line) { log(label + ": " + line); };
  else
    scf.log = nullptr;
  const auto start = std::chrono::steady_clock::now();
  const ScfResult r = run_scf(crystal, scf);
  CellEnergy e;
  e.energy_eV = units::hartree_to_eV(r.energy_zero_smearing_hartree);
  e.free_energy_eV = units::hartree_to_eV(r.free_energy_hartree);
  e.scf_steps = r.iterations;
  e.converged = r.converged;
  e.kpts = mesh;
  e.symmetry_used = scf.use_symmetry;
  e.n_atoms = cell.size();
  for (const Vec3& f : r.forces_hartree_per_bohr)
    e.forces_eV_per_A.push_back(f * (units::kHartreeInEV / units::kBohrInAngstrom));
  e.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!cache_key.empty() && e.converged) options.cache->store(cache_key, e);
  return e;
}

}  // namespace fw::dft
