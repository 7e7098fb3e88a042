/// \file nanorod.hpp
/// \brief fcc nanorods: a prism bounded by facet families around an axis, with faceted tips.
#pragma once

#include <string>
#include <vector>

#include "slabs/defaults.hpp"
#include "slabs/miller.hpp"
#include "slabs/structure.hpp"

namespace fw::slabs {

/// One facet family {hkl} and the distance of its planes from the rod axis (sides) or from the
/// centre of the end face (tips), in Å. In a Wulff construction the distance is proportional to
/// the facet's surface energy.
struct FacetDistance {
  Miller family;
  double distance_A;
};

struct NanorodSpec {
  std::string element = default_element();
  double a_A = default_lattice_constant_A();
  Miller axis{1, 0, 0};              ///< rod axis direction [uvw] in cubic axes
  std::vector<FacetDistance> sides;  ///< families whose members ⟂ axis bound the cross-section
  double length_A = 60.0;            ///< distance between the two end planes (⟂ axis)
  /// Optional tip facets: members of these families making an acute angle with ±axis cut the
  /// tip corners; the plane passes at `distance_A` from the centre of the end face, measured
  /// along the member's normal. Empty: flat ends.
  std::vector<FacetDistance> tips;
  double vacuum_A = 10.0;  ///< empty space around the rod in the box
};

/// All cubic-symmetry members (±permutations) of a family, as unit normals.
std::vector<Vec3> family_normals(const Miller& family);

/// The builder's rotation: r_rod = R r_cubic, rows e1, e2 = axis × e1, e3 = axis (unit), with e1
/// from x (or from y when the axis is within ~25° of x).
Mat3 nanorod_rotation(const Miller& axis);

/// InputError("--radius") when even a lower bound of the rod's atom count (the circle of its
/// nearest side facet times its length) exceeds what a structure may have or the memory allows;
/// instant, so callers can refuse before they write anything. build_nanorod calls it too.
void check_nanorod_size(const NanorodSpec& spec);

/// Carves the rod out of the fcc lattice: atom r is kept when, relative to the rod centre,
/// |r·â| <= L/2, n̂·r <= d for every side member n̂ ⟂ â, and every tip constraint holds.
/// The axis is rotated onto z; the box is orthogonal with vacuum, pbc false on all axes.
/// Throws InputError for a zero axis, no side facets, or non-positive distances/length.
Structure build_nanorod(const NanorodSpec& spec);

}  // namespace fw::slabs
