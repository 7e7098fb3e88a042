/// \file cell_energy.hpp
/// \brief One periodic cell's SCF energies for a facet calculation (E(σ→0), F = E − TS, steps).
#pragma once

#include <array>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "dft/crystal.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "slabs/structure.hpp"

namespace fw::dft {

class CellCache;

/// What a facet energy needs from one SCF run, in eV.
struct CellEnergy {
  double energy_eV = 0.0;       ///< E(σ → 0) (ScfResult::energy_zero_smearing_hartree)
  double free_energy_eV = 0.0;  ///< F = E − TS, ABINIT's etotal
  int scf_steps = 0;
  bool converged = false;
  std::array<int, 3> kpts{};    ///< Γ-centred mesh of this cell
  int symmetry_operations = 0;  ///< space-group operations that keep the mesh (1: none used)
  std::size_t n_atoms = 0;
  double wall_s = 0.0;
  std::vector<Vec3> forces_eV_per_A;  ///< Cartesian, per atom; empty unless asked for
  /// −Tr σ/3 at a fixed set of plane waves (GPa); NaN unless the SCF settings ask for the stress.
  double pressure_GPa = std::numeric_limits<double>::quiet_NaN();
  bool from_cache = false;    ///< found in a CellCache instead of computed
  bool warm_started = false;  ///< the SCF started from CellRunOptions::warm_state
};

/// How to run one cell beyond its mesh.
struct CellRunOptions {
  std::optional<std::array<int, 3>> fft_grid;  ///< override the automatic grid
  bool forces = false;
  /// Non-null: a cell already in the cache is not computed again, and a converged new one is
  /// stored (with its forces when asked for: a relaxation then replays its ionic steps).
  CellCache* cache = nullptr;
  /// Non-null: the SCF starts from *warm_state where it fits (an earlier geometry of this cell:
  /// ScfState), and *warm_state becomes this run's final state — empty after a cell read from the
  /// cache, so the next run starts cold.
  ScfState* warm_state = nullptr;
};

/// Runs the SCF of `cell` (one species, `psp`) on the Γ-centred `mesh`, reduced by the
/// operations that keep the mesh (dft/basis/kpoints: mesh_preserving_symmetry). `log` receives
/// "label: <scf line>" per step.
CellEnergy run_cell_energy(const slabs::Structure& cell, const Pseudopotential& psp,
                           ScfSettings scf, const std::array<int, 3>& mesh,
                           const std::string& label,
                           const std::function<void(const std::string&)>& log = {},
                           const CellRunOptions& options = {});

}  // namespace fw::dft
