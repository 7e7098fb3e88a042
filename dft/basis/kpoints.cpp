/// \file kpoints.cpp
/// \brief Irreducible Monkhorst–Pack meshes via spglib.
#include "dft/basis/kpoints.hpp"

#include <cmath>

extern "C" {
#include <spglib.h>
}

#include <map>
#include <set>
#include <stdexcept>

namespace fw::dft {

std::vector<SymmetryOperation> mesh_preserving_symmetry(const std::vector<SymmetryOperation>& ops,
                                                        const std::array<int, 3>& mesh,
                                                        const std::array<int, 3>& shift) {
  // The mesh is o + L, L the lattice spanned by b_j/n_j and o the shift (s_j/2n_j). Rᵀ keeps it
  // iff it maps each generator of L into L and moves o by a vector of L; v ∈ L iff n_i·v_i ∈ ℤ.
  const auto in_lattice = [&](const double v[3]) {
    for (std::size_t i = 0; i < 3; ++i) {
      const double x = v[i] * mesh[i];
      if (std::abs(x - std::round(x)) > 1e-9) return false;
    }
    return true;
  };
  const auto transpose_times = [](const SymmetryOperation& op, const double k[3], double out[3]) {
    for (std::size_t i = 0; i < 3; ++i) {
      out[i] = 0.0;
      for (std::size_t j = 0; j < 3; ++j) out[i] += op.rotation[j][i] * k[j];
    }
  };
  std::vector<SymmetryOperation> kept;
  for (const auto& op : ops) {
    bool keeps = true;
    double v[3];
    for (std::size_t j = 0; j < 3 && keeps; ++j) {
      double generator[3] = {0.0, 0.0, 0.0};
      generator[j] = 1.0 / mesh[j];
      transpose_times(op, generator, v);
      keeps = in_lattice(v);
    }
    const double origin[3] = {0.5 * shift[0] / mesh[0], 0.5 * shift[1] / mesh[1],
                              0.5 * shift[2] / mesh[2]};
    transpose_times(op, origin, v);
    for (std::size_t i = 0; i < 3; ++i) v[i] -= origin[i];
    if (keeps && in_lattice(v)) kept.push_back(op);
  }
  return kept;
}

std::vector<KPoint> irreducible_monkhorst_pack(const std::array<int, 3>& mesh,
                                               const std::array<int, 3>& shift,
                                               const std::vector<SymmetryOperation>& ops,
                                               bool time_reversal) {
  for (int d = 0; d < 3; ++d)
    if (mesh[static_cast<std::size_t>(d)] < 1)
      throw std::invalid_argument("k-point mesh sizes must be >= 1");
  // Point group = distinct rotations of the space group.
  std::set<std::array<std::array<int, 3>, 3>> unique;
  for (const auto& op : mesh_preserving_symmetry(ops, mesh, shift)) unique.insert(op.rotation);
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
