/// \file lying_rod_pair.cpp
/// \brief Lying two-rod geometries (side, top, tip) in the substrate plane.
#include "slabs/lying_rod_pair.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

#include "core/error.hpp"

namespace fw::slabs {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Builder frame (axis on z) → lab frame (axis on x, builder x on y, builder y on z): a cyclic
/// permutation, hence a proper rotation.
Vec3 to_lab(const Vec3& b) {
  return Vec3{b.z, b.x, b.y};
}

double min_distance(const std::vector<Vec3>& a, const std::vector<Vec3>& b, const Vec3& shift,
                    std::size_t& ia, std::size_t& ib) {
  double best = kInf;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) {
      const Vec3 d = b[j] + shift - a[i];
      const double r2 = dot(d, d);
      if (r2 < best) best = r2, ia = i, ib = j;
    }
  return std::sqrt(best);
}

double extreme(const std::vector<Vec3>& points, const Vec3& direction, bool largest) {
  double best = largest ? -kInf : kInf;
  for (const Vec3& p : points)
    best = largest ? std::max(best, dot(p, direction)) : std::min(best, dot(p, direction));
  return best;
}

double mean_along(const std::vector<Vec3>& points, const Vec3& direction) {
  double sum = 0.0;
  for (const Vec3& p : points) sum += dot(p, direction);
  return sum / static_cast<double>(points.size());
}

/// fcc lattice vectors (a/2)(i, j, k), i + j + k even, |i|,|j|,|k| ≤ n, in the lab frame.
std::vector<Vec3> lattice_vectors(const RodShape& shape, int n) {
  const Mat3 rot = rod_lattice_rotation(shape.spec.axis);
  const double half_a = shape.spec.a_A / 2.0;
  std::vector<Vec3> out;
  for (int i = -n; i <= n; ++i)
    for (int j = -n; j <= n; ++j)
      for (int k = -n; k <= n; ++k)
        if ((i + j + k) % 2 == 0)
          out.push_back(to_lab(rot * (half_a * Vec3{double(i), double(j), double(k)})));
  return out;
}

}  // namespace

WeldMode parse_weld_mode(const std::string& text, const std::string& option) {
  if (text == "side") return WeldMode::side;
  if (text == "top") return WeldMode::top;
  if (text == "tip") return WeldMode::tip;
  throw InputError(option, "must be side, top or tip, got '" + text + "'");
}

std::string weld_mode_name(WeldMode mode) {
  switch (mode) {
    case WeldMode::side:
      return "side";
    case WeldMode::top:
      return "top";
    case WeldMode::tip:
      return "tip";
  }
  return "side";
}

WeldPair make_lying_pair(const Structure& rod, const RodShape& shape,
                         const LyingPairSettings& settings, const std::vector<Vec3>& positions_A) {
  check_pair_placement(rod, settings.angle_deg, settings.contact_distance_A, positions_A);

  std::vector<Vec3> lattice1, rod1;
  for (std::size_t i = 0; i < rod.atoms.size(); ++i) {
    lattice1.push_back(to_lab(rod.atoms[i].position));
    rod1.push_back(to_lab(positions_A.empty() ? rod.atoms[i].position : positions_A[i]));
  }
  // Rod 2 before the lattice translation: the same rod, or (top) turned 90° about z through a
  // lattice site, a symmetry of the cubic lattice whenever z is a cubic ⟨100⟩ direction.
  std::vector<Vec3> lattice2 = lattice1, rod2 = rod1;
  const Vec3 up{0, 0, 1};
  if (settings.mode == WeldMode::top) {
    const Mat3 q = rotation_about(up, std::numbers::pi / 2.0);
    const Vec3 site = lattice1.front();
    for (Vec3& p : lattice2) p = site + q * (p - site);
    for (Vec3& p : rod2) p = site + q * (p - site);
  }
  const Vec3 approach = settings.mode == WeldMode::tip ? Vec3{1, 0, 0} : Vec3{0, 1, 0};
  const Vec3 lateral = cross(up, approach);  // in-plane, ⟂ approach

  // The lattice vector that stacks rod 2's facing layer one plane spacing beyond rod 1's, level
  // with it, and (laterally) as centred as the lattice allows.
  const double reach = extreme(lattice1, approach, true) - extreme(lattice2, approach, false);
  const double centre_offset = mean_along(lattice1, lateral) - mean_along(lattice2, lateral);
  const int n = static_cast<int>(std::ceil((std::abs(reach) + std::abs(centre_offset)) /
                                           (shape.spec.a_A / 2.0))) +
                3;
  const std::vector<Vec3> vectors = lattice_vectors(shape, n);
  double spacing = kInf;
  for (const Vec3& v : vectors) {
    const double along = dot(v, approach);
    if (along > 1e-6) spacing = std::min(spacing, along);
  }
  // The nearest level vector at or beyond one spacing: exactly one spacing for [100] rods; for
  // rods whose facing planes alternate in height (ABAB, e.g. (110) planes of a [110] rod) a level
  // registry may need two, and the slide to the contact distance closes the gap.
  const double target = reach + spacing;
  Vec3 translation{};
  double best_along = kInf, best = kInf;
  for (const Vec3& v : vectors) {
    const double along = dot(v, approach);
    if (along < target - 1e-6 || std::abs(v.z) > 1e-6) continue;
    const double miss = std::abs(dot(v, lateral) - centre_offset);
    if (along < best_along - 1e-6 || (std::abs(along - best_along) <= 1e-6 && miss < best - 1e-9))
      best_along = along, best = miss, translation = v;
  }
  if (!std::isfinite(best))
    throw InputError("weld", "no lattice vector places rod 2 level with rod 1 (geometry error)");
  for (Vec3& p : lattice2) p += translation;
  for (Vec3& p : rod2) p += translation;

  // Turn rod 2 about the substrate normal through the contact.
  const double gap_mid =
      0.5 * (extreme(lattice1, approach, true) + extreme(lattice2, approach, false));
  Vec3 pivot = gap_mid * approach;
  switch (settings.mode) {
    case WeldMode::side:
      pivot += extreme(lattice1, lateral, false) * lateral;  // the −x end: vertex of the V
      break;
    case WeldMode::top:
      pivot += mean_along(lattice2, lateral) * lateral;  // centre of rod 2's end face
      break;
    case WeldMode::tip:
      pivot += mean_along(lattice1, lateral) * lateral;
      break;
  }
  const Mat3 r_theta = rotation_about(up, settings.angle_deg * std::numbers::pi / 180.0);
  for (Vec3& p : rod2) p = pivot + r_theta * (p - pivot);

  // Slide rod 2 along the approach direction to the contact distance (bisection).
  std::size_t ia = 0, ib = 0;
  const double want = settings.contact_distance_A;
  double lo = -spacing, hi = 0.0;
  // Rods too sparse to meet never reach the contact distance: stop once rod 2 is past rod 1.
  const double pass_through =
      extreme(rod2, approach, true) - extreme(rod1, approach, false) + want + spacing;
  while (min_distance(rod1, rod2, lo * approach, ia, ib) >= want) {
    lo -= spacing;
    if (!(-lo <= pass_through)) {
      std::ostringstream msg;
      msg << "the two rods never come within the contact distance (" << want
          << " Å) of each other: too few atoms for the radius and lattice constant";
      throw InputError("weld", msg.str());
    }
  }
  while (min_distance(rod1, rod2, hi * approach, ia, ib) < want) hi += spacing;
  for (int it = 0; it < 60 && hi - lo > 1e-10; ++it) {
    const double mid = 0.5 * (lo + hi);
    (min_distance(rod1, rod2, mid * approach, ia, ib) < want ? lo : hi) = mid;
  }
  for (Vec3& p : rod2) p += hi * approach;

  WeldPair pair;
  pair.min_distance_A = min_distance(rod1, rod2, Vec3{}, ia, ib);
  pair.contact_point_A = 0.5 * (rod1[ia] + rod2[ib]);
  pair.rod1_axis = Vec3{1, 0, 0};
  pair.rod2_axis = r_theta * (settings.mode == WeldMode::top ? Vec3{0, 1, 0} : Vec3{1, 0, 0});
  pair.tilt_axis = up;
  pair.registry_shift_A = translation;

  std::ostringstream comment;
  comment << "two " << shape.spec.element << " nanorods (" << weld_mode_name(settings.mode)
          << " mode), " << rod.atoms.size() << " atoms each, angle " << settings.angle_deg
          << " deg";
  place_rods_in_box(rod1, rod2, shape.spec.element, settings.vacuum_A,
                    settings.periodic_multiple_x_A, settings.periodic_multiple_y_A, comment.str(),
                    pair);
  return pair;
}

}  // namespace fw::slabs
