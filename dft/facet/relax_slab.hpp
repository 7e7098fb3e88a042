/// \file relax_slab.hpp
/// \brief Ionic relaxation of a slab with the native solver's forces (BFGS), symmetric or with
/// the middle planes fixed.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "dft/facet/cell_energy.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "slabs/structure.hpp"

namespace fw::dft {

/// Defaults, units and ranges: dft/settings.cpp (the relax_* keys and fmax of the [dft] table).
struct SlabRelaxSettings {
  /// "symmetric": every plane moves along the surface normal with the force made antisymmetric
  /// about the centre plane (f_i ← (f_i − f_mirror(i))/2), so both faces relax alike.
  /// "fixed-middle": the central `fixed_layers` planes stay at bulk positions; the others move
  /// in 3-D with the raw forces.
  std::string mode;
  int fixed_layers{};
  double fmax_eV_per_A{};  ///< stop when every (moving) force is below this
  int max_steps{};         ///< ionic steps
  double max_step_A{};     ///< BFGS: no atom moves further than this in one step
  /// Each ionic step's SCF starts from the previous step's ScfState (wavefunctions, density with
  /// the atomic densities moved along); a step read from the cell cache leaves the next one cold.
  bool warm_start{};
};

struct SlabRelaxation {
  slabs::Structure structure;  ///< the relaxed slab
  CellEnergy unrelaxed;        ///< the first SCF: the input geometry, with forces
  CellEnergy relaxed;          ///< the last SCF
  int ionic_steps = 0;         ///< geometry updates taken
  int scf_steps_total = 0;     ///< SCF steps of every ionic step together
  /// Largest |F| (full 3-D vector, unsymmetrised) on an atom allowed to move, at the end.
  double max_residual_force_eV_per_A = 0.0;
  bool converged = false;  ///< forces below fmax within max_steps, every SCF converged
  std::vector<double> energy_eV_per_step;  ///< E(σ→0) of each geometry, first = unrelaxed
  std::vector<double> max_force_eV_per_A_per_step;
};

/// The planes of a slab along the normal of its first two cell vectors: atom indices from the
/// lowest plane to the highest. Throws InputError("--relax-mode") if two atoms share a height.
std::vector<std::size_t> atoms_by_height(const slabs::Structure& slab);

/// `thick` (an unrelaxed slab of the same facet, more planes) with the outer planes moved as in a
/// relaxed thinner slab: plane k from each face by the displacement of plane k from the same face
/// of `thin_relaxed` relative to `thin_unrelaxed` (the middle plane of an odd thin slab excluded).
/// The thicker slab's relaxation then starts near its end: fewer ionic steps.
slabs::Structure transfer_surface_relaxation(const slabs::Structure& thin_unrelaxed,
                                             const slabs::Structure& thin_relaxed,
                                             const slabs::Structure& thick);

/// Relaxes `slab` (one species) on the Γ-centred `mesh` by BFGS (dft/facet/bfgs.hpp), one SCF
/// with forces per ionic step (with settings.warm_start, each from the previous step's ScfState).
/// `log` gets one line per ionic step and the SCF lines. With a `cache`, every ionic step's SCF
/// (energies and forces) is stored; a rerun replays the steps already done — the same forces give
/// the same BFGS steps and positions — and goes on from the first one not stored.
SlabRelaxation relax_slab(const slabs::Structure& slab, const Pseudopotential& psp,
                          const ScfSettings& scf, const std::array<int, 3>& mesh,
                          const SlabRelaxSettings& settings, const std::string& label,
                          const std::function<void(const std::string&)>& log = {},
                          CellCache* cache = nullptr);

}  // namespace fw::dft
