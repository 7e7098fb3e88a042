/// \file kpoints.hpp
/// \brief Monkhorst–Pack meshes reduced to the irreducible wedge (spglib) with weights.
#pragma once

#include <array>
#include <vector>

#include "dft/basis/symmetry.hpp"

namespace fw::dft {

struct KPoint {
  Vec3 frac;            ///< in the reciprocal basis b_i
  double weight = 0.0;  ///< the weights of all k-points sum to 1
};

/// Γ-centred (shift 0) or shifted (shift 1 = half a step) Monkhorst–Pack mesh, reduced with the
/// rotations of `ops` and, when `time_reversal`, k → −k (spg_get_stabilized_reciprocal_mesh).
std::vector<KPoint> irreducible_monkhorst_pack(const std::array<int, 3>& mesh,
                                               const std::array<int, 3>& shift,
                                               const std::vector<SymmetryOperation>& ops,
                                               bool time_reversal);

}  // namespace fw::dft
