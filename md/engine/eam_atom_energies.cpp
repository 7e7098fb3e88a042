/// \file eam_atom_energies.cpp
/// \brief Per-atom EAM energies from the last compute's densities and one pass over the half list.
#include "md/engine/eam_atom_energies.hpp"

#include <cmath>

namespace fw::md {

std::vector<double> eam_atom_energies(const EamForce& eam, const System& system,
                                      const NeighborList& list) {
  const EamPotential& potential = eam.potential();
  const std::size_t n = system.size();
  std::vector<int> potential_type(system.type_names.size());
  for (std::size_t t = 0; t < potential_type.size(); ++t)
    potential_type[t] = potential.type_of(system.type_names[t]);
  auto type_of_atom = [&](std::size_t i) {
    return potential_type[static_cast<std::size_t>(system.type[i])];
  };

  std::vector<double> energy(n, 0.0);
  const std::vector<double>& rho = eam.densities();
  for (std::size_t i = 0; i < n; ++i)
    if (const int ti = type_of_atom(i); ti >= 0) energy[i] = potential.embedding_eV(ti, rho[i]);

  const double cutoff = potential.cutoff_A();
  const std::uint32_t* neighbors = list.neighbors();
  const std::uint16_t* shift_index = list.shift_indices();
  const std::vector<Vec3>& shifts = list.shift_vectors();
  for (std::size_t i = 0; i < n; ++i) {
    const int ti = type_of_atom(i);
    if (ti < 0) continue;
    const Vec3 xi = system.position(i);
    for (std::uint32_t k = list.begin(i); k < list.end(i); ++k) {
      const std::uint32_t j = neighbors[k];
      const int tj = type_of_atom(j);
      if (tj < 0) continue;
      Vec3 d = xi - system.position(j);
      if (k >= list.shifted_begin(i)) d = d - shifts[shift_index[k]];
      const double r = norm(d);
      if (!(r < cutoff)) continue;
      const double half_pair = 0.5 * potential.pair_eV(ti, tj, r);
      energy[i] += half_pair;
      energy[j] += half_pair;
    }
  }
  return energy;
}

}  // namespace fw::md
