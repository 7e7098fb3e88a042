/// \file kpoint_distribution.cpp
/// \brief k-point groups and the gather of wavefunctions for checkpoints.
#include "dft/parallel/kpoint_distribution.hpp"

#include <algorithm>
#include <numeric>

namespace fw::dft {

std::size_t KPointDistribution::n_computed() const {
  return static_cast<std::size_t>(std::count(group_of_k.begin(), group_of_k.end(), group));
}

KPointDistribution distribute_kpoints(const std::vector<std::size_t>& cost, int world_size,
                                      int world_rank) {
  KPointDistribution d;
  d.n_groups = std::max(1, std::min(world_size, static_cast<int>(cost.size())));
  d.group = world_rank % d.n_groups;
  d.group_root = world_rank < d.n_groups;
  d.band_rank = world_rank / d.n_groups;
  d.band_ranks = (world_size - d.group + d.n_groups - 1) / d.n_groups;
  std::vector<std::size_t> order(cost.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  std::vector<double> load(static_cast<std::size_t>(d.n_groups), 0.0);
  d.group_of_k.assign(cost.size(), 0);
  for (std::size_t k : order) {
    const auto lightest =
        static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    d.group_of_k[k] = static_cast<int>(lightest);
    load[lightest] += static_cast<double>(cost[k]);
  }
  return d;
}

void gather_wavefunctions_to_root(std::vector<std::vector<std::complex<double>>>& psi,
                                  const std::vector<std::size_t>& sizes,
                                  const KPointDistribution& distribution,
                                  const Communicator& world) {
  if (!world.uses_mpi() || world.size() == 1) return;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    const int owner = distribution.group_of_k[k];  // world rank of the group's root
    if (owner == 0) continue;
    const int tag = static_cast<int>(k % 32768);
    if (world.rank() == owner)
      MPI_Send(psi[k].data(), static_cast<int>(sizes[k]), MPI_C_DOUBLE_COMPLEX, 0, tag,
               world.handle());
    else if (world.rank() == 0) {
      psi[k].resize(sizes[k]);
      MPI_Recv(psi[k].data(), static_cast<int>(sizes[k]), MPI_C_DOUBLE_COMPLEX, owner, tag,
               world.handle(), MPI_STATUS_IGNORE);
    }
  }
}

}  // namespace fw::dft
