/// \file rod_pair.cpp
/// \brief The end-to-end two-rod geometry, the pair's box and the placement checks.
#include "slabs/rod_pair.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

#include "core/error.hpp"
#include "slabs/oriented.hpp"

namespace fw::slabs {
namespace {

Vec3 as_vec(const Miller& m) {
  return Vec3{double(m[0]), double(m[1]), double(m[2])};
}

/// Smallest distance between an atom of `a` and one of `b` lifted by dz; indices of the pair.
double min_distance(const std::vector<Vec3>& a, const std::vector<Vec3>& b, double dz,
                    std::size_t& ia, std::size_t& ib) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) {
      const Vec3 d = b[j] + Vec3{0, 0, dz} - a[i];
      const double r2 = dot(d, d);
      if (r2 < best) best = r2, ia = i, ib = j;
    }
  return std::sqrt(best);
}

[[noreturn]] void throw_rods_never_meet(double contact_distance_A) {
  std::ostringstream msg;
  msg << "the two rods never come within the contact distance (" << contact_distance_A
      << " Å) of each other: too few atoms for the radius and lattice constant";
  throw InputError("weld", msg.str());
}

}  // namespace

Mat3 rotation_about(const Vec3& axis, double angle_rad) {
  const Vec3 u = normalized(axis);
  const double c = std::cos(angle_rad), s = std::sin(angle_rad), t = 1.0 - c;
  return Mat3{{Vec3{c + u.x * u.x * t, u.x * u.y * t - u.z * s, u.x * u.z * t + u.y * s},
               Vec3{u.y * u.x * t + u.z * s, c + u.y * u.y * t, u.y * u.z * t - u.x * s},
               Vec3{u.z * u.x * t - u.y * s, u.z * u.y * t + u.x * s, c + u.z * u.z * t}}};
}

void place_rods_in_box(const std::vector<Vec3>& rod1, const std::vector<Vec3>& rod2,
                       const std::string& element, double vacuum_A, double periodic_multiple_x_A,
                       double periodic_multiple_y_A, const std::string& comment, WeldPair& pair) {
  Vec3 bmin{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity()};
  Vec3 bmax = -bmin;
  for (const auto* set : {&rod1, &rod2})
    for (const Vec3& p : *set)
      for (int c = 0; c < 3; ++c)
        bmin[c] = std::min(bmin[c], p[c]), bmax[c] = std::max(bmax[c], p[c]);
  Vec3 length = bmax - bmin + Vec3{vacuum_A, vacuum_A, vacuum_A};
  Structure& s = pair.structure;
  s.pbc = {false, false, false};
  if (periodic_multiple_x_A > 0 && periodic_multiple_y_A > 0) {
    length.x = std::ceil(length.x / periodic_multiple_x_A) * periodic_multiple_x_A;
    length.y = std::ceil(length.y / periodic_multiple_y_A) * periodic_multiple_y_A;
    s.pbc = {true, true, false};
  }
  s.cell = Mat3::diagonal(length.x, length.y, length.z);
  const Vec3 shift = 0.5 * (length - (bmax - bmin)) - bmin;
  for (int r = 1; r <= 2; ++r)
    for (const Vec3& p : r == 1 ? rod1 : rod2) {
      Atom atom;
      atom.species = element;
      atom.position = p + shift;
      atom.rod = r;
      s.atoms.push_back(atom);
    }
  pair.contact_point_A += shift;
  s.comment = comment;
}

void check_pair_placement(const Structure& rod, double angle_deg, double contact_distance_A,
                          const std::vector<Vec3>& positions_A) {
  if (rod.atoms.empty()) throw InputError("weld", "the rod has no atoms");
  if (!(angle_deg >= 0 && angle_deg <= 90))
    throw InputError("--angles", "angles must lie in [0, 90] degrees");
  if (!(contact_distance_A > 1.0))
    throw InputError("--contact-distance", "contact distance must be > 1 Å");
  if (!positions_A.empty() && positions_A.size() != rod.atoms.size())
    throw InputError("weld", "relaxed positions do not match the rod's atoms");
}

WeldPair make_weld_pair(const Structure& rod, const RodShape& shape,
                        const WeldPairSettings& settings, const std::vector<Vec3>& positions_A) {
  check_pair_placement(rod, settings.angle_deg, settings.contact_distance_A, positions_A);
  const Mat3 rot = rod_lattice_rotation(shape.spec.axis);
  const Vec3 axis_cubic = normalized(as_vec(shape.spec.axis));
  if (std::abs(dot(normalized(as_vec(settings.tilt_axis)), axis_cubic)) > 1e-9)
    throw InputError("--tilt-axis", "the tilt axis must be perpendicular to the rod axis");
  const Vec3 tilt = normalized(rot * as_vec(settings.tilt_axis));

  // Lattice extent along z and laterally.
  double z_top = -std::numeric_limits<double>::infinity(), z_bot = -z_top;
  Vec3 lo{z_bot, z_bot, z_bot}, hi{z_top, z_top, z_top};
  for (const auto& atom : rod.atoms) {
    z_top = std::max(z_top, atom.position.z);
    z_bot = std::min(z_bot, atom.position.z);
    for (int c = 0; c < 3; ++c)
      lo[c] = std::min(lo[c], atom.position[c]), hi[c] = std::max(hi[c], atom.position[c]);
  }
  const double spacing = shape.layer_spacing_A;
  const double t_z = z_top - z_bot + spacing;

  // The fcc lattice vector T = R (a/2)(i, j, k), i + j + k even, with T_z = t_z and the
  // smallest lateral part: rod 2 then continues rod 1's crystal at θ = 0.
  const double half_a = shape.spec.a_A / 2.0;
  const int n_max = static_cast<int>(std::ceil(t_z / half_a)) + 2;
  Vec3 translation{};
  double best_lateral = std::numeric_limits<double>::infinity();
  for (int i = -n_max; i <= n_max; ++i)
    for (int j = -n_max; j <= n_max; ++j)
      for (int k = -n_max; k <= n_max; ++k) {
        if ((i + j + k) % 2 != 0) continue;
        const Vec3 cubic = half_a * Vec3{double(i), double(j), double(k)};
        const Vec3 lab = rot * cubic;
        if (std::abs(lab.z - t_z) > 1e-6) continue;
        const double lateral = std::hypot(lab.x, lab.y);
        if (lateral < best_lateral - 1e-9) best_lateral = lateral, translation = lab;
      }
  if (!std::isfinite(best_lateral))
    throw InputError("weld", "no lattice vector stacks rod 2 on rod 1 (internal geometry error)");

  const auto& placed = positions_A;
  std::vector<Vec3> rod1, rod2;
  const Vec3 top{0, 0, z_top};
  for (std::size_t i = 0; i < rod.atoms.size(); ++i) {
    const Vec3 p = placed.empty() ? rod.atoms[i].position : placed[i];
    rod1.push_back(p - top);
    rod2.push_back(p - top + translation);
  }
  // Rotate rod 2 about the tilt axis through its bottom-face centre, half a layer below it.
  const Vec3 centre{0.5 * (lo.x + hi.x), 0.5 * (lo.y + hi.y), 0.0};
  const Vec3 pivot = centre + Vec3{translation.x, translation.y, 0.5 * spacing};
  const Mat3 r_theta = rotation_about(tilt, settings.angle_deg * std::numbers::pi / 180.0);
  for (Vec3& p : rod2) p = pivot + r_theta * (p - pivot);

  // Lift rod 2 along z until the closest pair is at the contact distance (bisection).
  std::size_t ia = 0, ib = 0;
  const double target = settings.contact_distance_A;
  double dz_lo = -spacing, dz_hi = 0.0;
  // Rods too sparse to meet never reach the contact distance: stop once rod 2 is past rod 1.
  double top2 = -std::numeric_limits<double>::infinity();
  double bottom1 = std::numeric_limits<double>::infinity();
  for (const Vec3& p : rod2) top2 = std::max(top2, p.z);
  for (const Vec3& p : rod1) bottom1 = std::min(bottom1, p.z);
  const double pass_through = top2 - bottom1 + target + spacing;
  while (min_distance(rod1, rod2, dz_lo, ia, ib) >= target) {
    dz_lo -= spacing;
    if (!(-dz_lo <= pass_through)) throw_rods_never_meet(target);
  }
  while (min_distance(rod1, rod2, dz_hi, ia, ib) < target) dz_hi += spacing;
  for (int it = 0; it < 60 && dz_hi - dz_lo > 1e-10; ++it) {
    const double mid = 0.5 * (dz_lo + dz_hi);
    (min_distance(rod1, rod2, mid, ia, ib) < target ? dz_lo : dz_hi) = mid;
  }
  for (Vec3& p : rod2) p.z += dz_hi;

  WeldPair pair;
  pair.min_distance_A = min_distance(rod1, rod2, 0.0, ia, ib);
  pair.contact_point_A = 0.5 * (rod1[ia] + rod2[ib]);
  pair.rod1_axis = Vec3{0, 0, 1};
  pair.rod2_axis = r_theta * Vec3{0, 0, 1};
  pair.tilt_axis = tilt;
  pair.registry_shift_A = Vec3{translation.x, translation.y, 0.0};

  std::ostringstream comment;
  comment << "two " << shape.spec.element << " nanorods, " << rod.atoms.size()
          << " atoms each, initial angle " << settings.angle_deg << " deg";
  place_rods_in_box(rod1, rod2, shape.spec.element, settings.vacuum_A, 0.0, 0.0, comment.str(),
                    pair);
  return pair;
}

}  // namespace fw::slabs
