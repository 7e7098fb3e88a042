/// \file kpoint_distribution.hpp
/// \brief Which MPI ranks work on which irreducible k-point: ranks form min(ranks, k-points)
/// groups; each k-point belongs to one group (balanced by plane-wave count) and every rank of a
/// group works on it, the group sharing its dense subspace problems through ScaLAPACK.
#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "dft/parallel/communicator.hpp"

namespace fw::dft {

struct KPointDistribution {
  int n_groups = 1;
  int group = 0;                ///< this rank's group, rank % n_groups
  std::vector<int> group_of_k;  ///< per irreducible k-point
  bool group_root = true;       ///< this rank is its group's first (the one whose sums count)
  int band_rank = 0;            ///< this rank's place in its group (world rank / n_groups)
  int band_ranks = 1;           ///< ranks in this rank's group, which share its k-points' bands

  bool computes(std::size_t k) const { return group_of_k[k] == group; }
  /// This rank adds k's terms to sums over the world (each k counted once).
  bool contributes(std::size_t k) const { return computes(k) && group_root; }
  std::size_t n_computed() const;
};

/// Longest-processing-time assignment of k-points (cost: plane waves) to groups; the same on every
/// rank. `world_rank`, `world_size` from the world communicator.
KPointDistribution distribute_kpoints(const std::vector<std::size_t>& cost, int world_size,
                                      int world_rank);

/// Sends the coefficients of every k-point to world rank 0 (for a checkpoint): on rank 0, psi[k]
/// afterwards holds `sizes[k]` numbers for every k. Other ranks are unchanged.
void gather_wavefunctions_to_root(std::vector<std::vector<std::complex<double>>>& psi,
                                  const std::vector<std::size_t>& sizes,
                                  const KPointDistribution& distribution,
                                  const Communicator& world);

}  // namespace fw::dft
