/// \file rod_pair.hpp
/// \brief Two rods to weld, end to end: two Wulff-shaped rods (slabs/wulff_rod.hpp) tip to tip
/// with rod 2 tilted by θ about an axis perpendicular to rod 1; and what every rod-pair placement
/// shares (the box, the checks). Pure geometry, no dynamics.
#pragma once

#include <string>
#include <vector>

#include "core/vec3.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/nanorod.hpp"
#include "slabs/structure.hpp"
#include "slabs/wulff_rod.hpp"

namespace fw::slabs {

/// Rotation matrix of the nanorod builder: r_lab = R r_cubic, third row = the rod axis.
inline Mat3 rod_lattice_rotation(const Miller& axis) {
  return nanorod_rotation(axis);
}

/// Rotation by `angle_rad` about the unit vector `axis` (Rodrigues), acting on column vectors.
Mat3 rotation_about(const Vec3& axis, double angle_rad);

struct WeldPairSettings {
  double angle_deg = 0.0;  ///< initial angle between the rod axes, [0, 90]
  /// Tilt axis [uvw] in cubic axes, ⟂ the rod axis; [011] is the ⟨110⟩ zone axis the paper views
  /// its rods along.
  Miller tilt_axis{0, 1, 1};
  /// Closest distance between an atom of rod 1 and one of rod 2 at the start, Å: above the
  /// nearest-neighbour distance, inside the EAM cutoff, so the rods attract at once.
  double contact_distance_A = 3.2;
  double vacuum_A = 12.0;
};

/// Two rods ready to weld (atoms of rod 1 then rod 2, rod tags 1/2, open boundaries).
struct WeldPair {
  Structure structure;
  Vec3 rod1_axis, rod2_axis;  ///< unit, lab frame; rod 2's points away from rod 1
  Vec3 tilt_axis;             ///< lab frame
  Vec3 contact_point_A;       ///< midpoint of the closest inter-rod pair
  double min_distance_A = 0.0;
  /// Lateral shift added to rod 2 so that at θ = 0 it continues rod 1's lattice (Å).
  Vec3 registry_shift_A;
};

/// Puts rod 1's then rod 2's atoms (rod tags 1/2) into pair.structure, centred in a box `vacuum_A`
/// wider than their extent on every axis and open; with both periodic multiples > 0 the box is
/// rounded up to them along x and y and periodic there (a substrate's period). Moves
/// pair.contact_point_A with the atoms; `comment` becomes the structure's comment.
void place_rods_in_box(const std::vector<Vec3>& rod1, const std::vector<Vec3>& rod2,
                       const std::string& element, double vacuum_A, double periodic_multiple_x_A,
                       double periodic_multiple_y_A, const std::string& comment, WeldPair& pair);

/// The checks every rod placement makes before it moves an atom: the rod has atoms, the angle
/// lies in [0, 90]°, the contact distance exceeds 1 Å, and `positions_A` (when given) has one
/// position per atom of `rod`. Throws InputError naming the option at fault.
void check_pair_placement(const Structure& rod, double angle_deg, double contact_distance_A,
                          const std::vector<Vec3>& positions_A);

/// Places `rod` (as built by build_nanorod, axis along z) as rod 1 with its top end face at
/// z = 0, and a copy as rod 2: first translated by the fcc lattice vector that stacks its bottom
/// layer one layer spacing above rod 1's top layer (so θ = 0 is a perfect crystal), then rotated
/// by θ about the tilt axis through the point midway between the end faces, then lifted along z
/// until the closest inter-rod distance equals contact_distance_A. `positions_A` (same order as
/// rod.atoms) replaces the lattice positions, e.g. with the relaxed rod; empty: use rod.atoms.
WeldPair make_weld_pair(const Structure& rod, const RodShape& shape,
                        const WeldPairSettings& settings,
                        const std::vector<Vec3>& positions_A = {});

}  // namespace fw::slabs
