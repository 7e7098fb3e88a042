/// \file weld_setup.hpp
/// \brief The welding set-up: Wulff-shaped fcc nanorods from a facet table, and two of them tip
/// to tip with rod 2 tilted by θ about an axis perpendicular to rod 1.
#pragma once

#include <string>
#include <vector>

#include "core/vec3.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/nanorod.hpp"
#include "slabs/structure.hpp"

namespace fw::md {

/// Shape of one rod. Facet distances follow the Wulff construction d_F = λ γ_F (Wulff, Z.
/// Kristallogr. 34, 449 (1901)), with γ_F = E_dis/2 from the facet table.
struct RodShapeSettings {
  slabs::Miller axis{1, 0, 0};  ///< rod axis [uvw] (cubic)
  /// Inscribed radius of the cross-section: the distance from the axis of the nearest side
  /// facet (the side family of lowest γ), Å. Sets the Wulff scale λ.
  double radius_A = 10.0;
  /// Distance between the two end faces (the prism length, caps included), Å.
  double length_A = 50.0;
  /// Cut the tips with the remaining families as a Wulff cap centred a distance d_end below each
  /// end face. Off by default: the caps of a ~2 nm rod leave an end face of a few atoms, while the
  /// paper's rods meet on extended {100} end facets.
  bool wulff_tips = false;
};

/// Facet families and their γ as used for the shape (one entry per family).
struct WulffFacet {
  slabs::Miller family;
  double gamma_J_per_m2;
  double distance_A;   ///< from the Wulff centre
  std::string role;    ///< "side", "end" or "tip"
  std::string source;  ///< which facet-table entry gave γ, e.g. "(100) slab relaxed"
};

struct RodShape {
  slabs::NanorodSpec spec;  ///< what build_nanorod gets
  std::vector<WulffFacet> facets;
  double layer_spacing_A = 0.0;  ///< of the lattice planes ⟂ axis
};

/// Picks γ per family from `table` (relaxed before unrelaxed, slab before cut-crystal), puts
/// the families with members ⟂ axis on the sides, the family holding the axis on the ends and the
/// rest on the tips. Throws InputError(source) when the table has no side family, no end family
/// for Wulff tips, or a tip facet would cut the end face away.
RodShape wulff_rod_shape(const slabs::FacetTable& table, const RodShapeSettings& settings,
                         const std::string& source);

/// Rotation matrix of the nanorod builder: r_lab = R r_cubic, third row = the rod axis.
Mat3 rod_lattice_rotation(const slabs::Miller& axis);

/// Rotation by `angle_rad` about the unit vector `axis` (Rodrigues), acting on column vectors.
Mat3 rotation_about(const Vec3& axis, double angle_rad);

struct WeldPairSettings {
  double angle_deg = 0.0;  ///< initial angle between the rod axes, [0, 90]
  /// Tilt axis [uvw] in cubic axes, ⟂ the rod axis; [011] is the ⟨110⟩ zone axis the paper views
  /// its rods along.
  slabs::Miller tilt_axis{0, 1, 1};
  /// Closest distance between an atom of rod 1 and one of rod 2 at the start, Å: above the
  /// nearest-neighbour distance, inside the EAM cutoff, so the rods attract at once.
  double contact_distance_A = 3.2;
  double vacuum_A = 12.0;
};

/// Two rods ready to weld (atoms of rod 1 then rod 2, rod tags 1/2, open boundaries).
struct WeldPair {
  slabs::Structure structure;
  Vec3 rod1_axis, rod2_axis;  ///< unit, lab frame; rod 2's points away from rod 1
  Vec3 tilt_axis;             ///< lab frame
  Vec3 contact_point_A;       ///< midpoint of the closest inter-rod pair
  double min_distance_A = 0.0;
  /// Lateral shift added to rod 2 so that at θ = 0 it continues rod 1's lattice (Å).
  Vec3 registry_shift_A;
};

/// Places `rod` (as built by build_nanorod, axis along z) as rod 1 with its top end face at
/// z = 0, and a copy as rod 2: first translated by the fcc lattice vector that stacks its bottom
/// layer one layer spacing above rod 1's top layer (so θ = 0 is a perfect crystal), then rotated
/// by θ about the tilt axis through the point midway between the end faces, then lifted along z
/// until the closest inter-rod distance equals contact_distance_A. `positions_A` (same order as
/// rod.atoms) replaces the lattice positions, e.g. with the relaxed rod; empty: use rod.atoms.
WeldPair make_weld_pair(const slabs::Structure& rod, const RodShape& shape,
                        const WeldPairSettings& settings,
                        const std::vector<Vec3>& positions_A = {});

}  // namespace fw::md
