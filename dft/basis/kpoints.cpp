/// \file kpoints.cpp
/// \brief Irreducible Monkhorst–Pack meshes via spglib.
#include "dft/basis/kpoints.hpp"

extern "C" {
#include <spglib.h>
}

#include <map>
#include <set>
#include <stdexcept>

namespace fw::dft {

std::vector<KPoint> irreducible_monkhorst_pack(const std::array<int, 3>& mesh,
                                               const std::array<int, 3>& shift,
                                               const std::vector<SymmetryOperation>& ops,
                                               bool time_reversal) {
  for (int d = 0; d < 3; ++d)
    if (mesh[static_cast<std::size_t>(d)] < 1)
      throw std::invalid_argument("k-point mesh sizes must be >= 1");
  // Point group = distinct rotations of the space group.
  std::set<std::array<std::array<int, 3>, 3>> unique;
  for (const auto& op : ops) unique.insert(op.rotation);
  std::vector<int> rotations;
  for (const auto& r : unique)
    for (const auto& row : r)
      for (int v : row) rotations.push_back(v);
  const int n_total = mesh[0] * mesh[1] * mesh[2];
  std::vector<int> address(3 * static_cast<std::size_t>(n_total)),
      map(static_cast<std::size_t>(n_total));
  double q[1][3] = {{0.0, 0.0, 0.0}};
  spg_get_stabilized_reciprocal_mesh(reinterpret_cast<int(*)[3]>(address.data()), map.data(),
                                     mesh.data(), shift.data(), time_reversal ? 1 : 0,
                                     static_cast<int>(unique.size()),
                                     reinterpret_cast<int(*)[3][3]>(rotations.data()), 1, q);
  std::map<int, int> count;
  for (int m : map) ++count[m];
  std::vector<KPoint> kpoints;
  for (const auto& [index, n] : count) {
    KPoint k;
    for (int d = 0; d < 3; ++d) {
      const std::size_t i = 3 * static_cast<std::size_t>(index) + static_cast<std::size_t>(d);
      k.frac[d] = (address[i] + 0.5 * shift[static_cast<std::size_t>(d)]) /
                  mesh[static_cast<std::size_t>(d)];
    }
    k.weight = static_cast<double>(n) / n_total;
    kpoints.push_back(k);
  }
  return kpoints;
}

}  // namespace fw::dft
