/// \file lying_rod_pair.hpp
/// \brief Two rods lying in the substrate plane (z = normal) side by side, end on side, or end to
/// end, rod 2 turned by θ about the substrate normal through the contact; and the control pair.
#pragma once

#include <string>
#include <vector>

#include "core/vec3.hpp"
#include "slabs/rod_pair.hpp"

namespace fw::slabs {

/// How the two rods meet (the study's three welding modes).
enum class WeldMode {
  side,  ///< both rods lying side by side; θ opens a V about the contact at one end
  top,   ///< the end of rod 2 on the side of rod 1 (a T at θ = 0)
  tip,   ///< end face to end face
};

/// "side" | "top" | "tip"; InputError naming `option` otherwise.
WeldMode parse_weld_mode(const std::string& text, const std::string& option = "--mode");
std::string weld_mode_name(WeldMode mode);

struct LyingPairSettings {
  WeldMode mode = WeldMode::side;
  double angle_deg = 0.0;           ///< rotation of rod 2 about the substrate normal, [0, 90]
  double contact_distance_A = 3.2;  ///< closest inter-rod atom distance after placement
  double vacuum_A = 12.0;           ///< empty space around the pair (in-plane and along z)
  /// Periodic in x and y with lengths that are whole multiples of these (a substrate's
  /// rectangular cell); 0: open box.
  double periodic_multiple_x_A = 0.0;
  double periodic_multiple_y_A = 0.0;
};

/// Rod axis → lab x; the builder's first lateral axis → lab y (towards rod 2 in side and top
/// mode); the second → lab z (the substrate normal). For a [100] rod, (010) faces rod 2 and (001)
/// lies on the substrate. Rod 2 is the same relaxed rod (turned 90° about z for top mode, a cubic
/// symmetry), moved by the fcc lattice vector that puts its first layer one lattice-plane spacing
/// beyond rod 1's facing layer, with no vertical offset (so θ = 0 at nearest-neighbour contact
/// continues rod 1's crystal; where the facing planes alternate in height, e.g. (110) planes, the
/// nearest level registry is two spacings away and the slide closes the gap); then turned by θ
/// about z through the contact (side: at rod 1's −x end; top: rod 2's end-face centre; tip: between
/// the end faces) and moved along the approach direction until the closest distance is
/// `contact_distance_A`. `positions_A` are the relaxed positions in the order of rod.atoms (empty:
/// lattice positions).
WeldPair make_lying_pair(const Structure& rod, const RodShape& shape,
                         const LyingPairSettings& settings,
                         const std::vector<Vec3>& positions_A = {});

}  // namespace fw::slabs
