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

/// The operations of `ops` whose rotation maps the mesh (with its shift) onto itself: a k-point
/// k (fractional, reciprocal basis) goes to (R⁻¹)ᵀk, and over a group that is the same as asking
/// Rᵀ to keep the mesh. A tilted cell with a non-uniform mesh (an oriented fcc cell with n×n×m)
/// has rotations that mix its axes and do not; reducing the mesh or symmetrising the density with
/// them changes the answer (ABINIT refuses such a mesh unless chksymbreak 0). The result is a
/// subgroup (the stabiliser of the mesh), so it can replace `ops` everywhere.
std::vector<SymmetryOperation> mesh_preserving_symmetry(const std::vector<SymmetryOperation>& ops,
                                                        const std::array<int, 3>& mesh,
                                                        const std::array<int, 3>& shift);

/// Γ-centred (shift 0) or shifted (shift 1 = half a step) Monkhorst–Pack mesh, reduced with the
/// rotations of `ops` that keep the mesh (mesh_preserving_symmetry) and, when `time_reversal`,
/// k → −k (spg_get_stabilized_reciprocal_mesh).
std::vector<KPoint> irreducible_monkhorst_pack(const std::array<int, 3>& mesh,
                                               const std::array<int, 3>& shift,
                                               const std::vector<SymmetryOperation>& ops,
                                               bool time_reversal);

}  // namespace fw::dft
