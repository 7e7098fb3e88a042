/// \file rods.hpp
/// \brief Two-rod geometry during a weld: principal axes (rotation), the neck between the rods
/// and the atoms of the interface slab.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/vec3.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// Principal axes of a set of atoms from the gyration tensor
/// S = (1/N) Σ (x_i − x̄)(x_i − x̄)ᵀ; for a rod the long axis is the eigenvector of the largest
/// eigenvalue.
struct PrincipalAxes {
  Vec3 centroid_A;
  std::array<double, 3> eigenvalues_A2{};  ///< descending
  std::array<Vec3, 3> axes;                ///< unit eigenvectors, same order
  Vec3 long_axis() const { return axes[0]; }
};

/// Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (Golub and Van Loan,
/// Matrix Computations, §8.5); eigenvalues descending, eigenvectors as unit vectors.
void symmetric_eigen_3x3(const Mat3& matrix, std::array<double, 3>& values,
                         std::array<Vec3, 3>& vectors);

/// Principal axes of `atoms` (indices into the current order), from unwrapped positions.
PrincipalAxes principal_axes(const System& system, const std::vector<std::size_t>& atoms);

/// Angle between two rod axes in degrees, in [0, 90] (a rod has no head or tail).
double axis_angle_deg(const Vec3& a, const Vec3& b);

/// Per current atom index, its rod (1 or 2) from `rod_by_id` (indexed by System::id).
std::vector<int> rods_in_current_order(const System& system, const std::vector<int>& rod_by_id);

/// Atoms bonding the two rods and the disc they form.
struct NeckState {
  long bridge_atoms = 0;       ///< atoms with a neighbour of the other rod within the bond cutoff
  long bridge_atoms_rod1 = 0;  ///< of those, in rod 1
  long bridge_atoms_rod2 = 0;
  long cross_bonds = 0;  ///< rod-1–rod-2 pairs within the bond cutoff
  /// Radius of the neck: the bridge atoms projected onto the interface plane, treated as a
  /// uniform disc, r = √(2⟨ρ²⟩) with ρ the in-plane distance from their centroid (Å); 0 with
  /// fewer than three bridge atoms.
  double radius_A = 0.0;
  Vec3 centre_A;  ///< centroid of the bridge atoms (the contact point)
  Vec3 normal;    ///< interface-plane normal, from rod 1 towards rod 2
};

inline constexpr int kInteriorCoordination = 11;

/// Everything the welding analysis measures at one instant.
struct WeldSnapshot {
  double time_ps = 0.0;
  PrincipalAxes rod1, rod2;
  double angle_deg = 0.0;  ///< between the long axes
  NeckState neck;
  /// Atoms within `interface_half_width_A` of the interface plane (current order).
  std::vector<std::size_t> interface_atoms;
  /// Coordination of every atom within the bond cutoff (12 inside an fcc crystal).
  std::vector<int> coordination;
  /// 1 for atoms away from any free surface: the atom and all its neighbours have at least
  /// kInteriorCoordination neighbours (low-index Au surface atoms have at most 9, so surface and
  /// subsurface atoms, whose CNA signatures the surface spoils, are excluded; boundary atoms with
  /// 11–13 neighbours are kept).
  std::vector<std::uint8_t> interior;
};

/// How the interface plane is oriented.
enum class InterfaceNormal {
  /// Bisector of the two long axes, each oriented towards the other rod's side (the
  /// symmetric-tilt boundary of rods meeting end to end).
  axis_bisector,
  /// From the centroid of rod 1's bridge atoms to that of rod 2's (rods meeting side to side or
  /// end on side, where the axes lie in the boundary plane).
  bridge_centroids,
};

/// Measures rods, neck and interface. Without a usable normal of the chosen kind (ill-defined
/// axes, no bridge atoms) the normal is the centroid-to-centroid direction (for
/// bridge_centroids: its part ⟂ rod 1's axis). `bond_cutoff_A` lies between the first and second
/// neighbour shells (0.854 a for fcc). Atoms with rod tag 0 are ignored.
WeldSnapshot analyse_weld(const System& system, const std::vector<int>& rod_of_atom,
                          double bond_cutoff_A, double interface_half_width_A,
                          InterfaceNormal normal_kind = InterfaceNormal::axis_bisector);

}  // namespace fw::md
