/// \file memory_estimate.hpp
/// \brief Bytes one rank will hold during the SCF, estimated before anything large is allocated,
/// and the refusal, naming the setting to change, of a run that cannot fit.
#pragma once

#include <cstddef>
#include <string>

#include "core/memory_limit.hpp"
#include "dft/basis/fft_grid.hpp"
#include "dft/crystal.hpp"

namespace fw::dft {

struct MemoryEstimate {
  double plane_waves_per_k = 0.0;  ///< Ω Gmax³/(6π²), the volume of the cut-off sphere
  double kpoints_on_rank = 0.0;    ///< irreducible k-points this rank holds
  double wavefunctions_bytes = 0.0;
  double bases_bytes = 0.0;       ///< Miller indices, FFT indices, k+G, kinetic energies
  double projectors_bytes = 0.0;  ///< Kleinman–Bylander tables <k+G|β>
  double eigensolver_bytes =
      0.0;                   ///< Davidson blocks (3·n_bands basis, H·basis, residuals) per thread
  double grids_bytes = 0.0;  ///< densities, potentials, mixer history, one FFT buffer per thread
  double kmesh_bytes = 0.0;  ///< the full Monkhorst–Pack mesh while it is reduced
  double total_bytes() const;
  /// "memory estimate per rank: 1.2 GiB (wavefunctions 0.4, projectors 0.6, …) of 31 GiB"
  std::string summary(double available_bytes) const;
};

struct MemoryInputs {
  double ecut_hartree = 0.0;
  FftGrid grid;
  double full_mesh_points = 1.0;     ///< n1·n2·n3 of the Monkhorst–Pack mesh
  double irreducible_kpoints = 1.0;  ///< exact, or a lower bound before the mesh is reduced
  std::size_t n_bands = 0;
  int mixing_history = 8;
  int ranks = 1;
  int threads = 1;
  bool real_gamma_only = false;  ///< one k-point, Γ, real wavefunctions
};

MemoryEstimate estimate_memory(const Crystal& crystal, const MemoryInputs& in);

/// The installed memory, the cgroup limit or what `ulimit -v` leaves (fw::memory_limit), whichever
/// is smallest, divided among the ranks of a node.
MemoryLimit memory_per_rank(int ranks_on_node);

/// Throws fw::InputError naming the setting that dominates (--kpts, --ecut, --fft-grid or
/// --nbands) when the estimate exceeds `available` (the message names what limits it).
void check_memory_fits(const MemoryEstimate& estimate, const MemoryInputs& in,
                       const MemoryLimit& available, bool fft_grid_overridden);

}  // namespace fw::dft
