/// \file nanorod.cpp
/// \brief Faceted fcc nanorods carved from the lattice (a Wulff-style intersection of half-spaces).
#include "slabs/nanorod.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "slabs/elements.hpp"
#include "slabs/fcc.hpp"
#include "slabs/input_checks.hpp"

namespace fw::slabs {

std::vector<Vec3> family_normals(const Miller& family) {
  const Miller f = reduce_miller(family);
  std::array<int, 3> perm{0, 1, 2};
  std::vector<Vec3> normals;
  do {
    for (int signs = 0; signs < 8; ++signs) {
      Vec3 v{};
      for (int i = 0; i < 3; ++i)
        v[i] = ((signs >> i) & 1 ? -1.0 : 1.0) *
               f[static_cast<std::size_t>(perm[static_cast<std::size_t>(i)])];
      const Vec3 u = normalized(v);
      const bool seen = std::any_of(normals.begin(), normals.end(),
                                    [&](const Vec3& w) { return norm(w - u) < 1e-9; });
      if (!seen) normals.push_back(u);
    }
  } while (std::next_permutation(perm.begin(), perm.end()));
  return normals;
}

namespace {

struct HalfSpace {
  Vec3 normal;
  double distance_A;
};

/// Rotation whose third row is the axis, so that r' = R·r has the axis along z.
Mat3 axis_to_z(const Vec3& axis) {
  const Vec3 e3 = normalized(axis);
  const Vec3 trial = std::abs(e3.x) < 0.9 ? Vec3{1, 0, 0} : Vec3{0, 1, 0};
  const Vec3 e1 = normalized(trial - dot(trial, e3) * e3);
  return Mat3{{e1, cross(e3, e1), e3}};
}

}  // namespace

Mat3 nanorod_rotation(const Miller& axis) {
  return axis_to_z(Vec3{double(axis[0]), double(axis[1]), double(axis[2])});
}

void check_nanorod_size(const NanorodSpec& spec) {
  check_lattice_constant(spec.a_A);
  if (spec.sides.empty() || !(spec.length_A > 0)) return;  // build_nanorod names these
  // Every side plane lies at least d_min from the axis, so the circle of radius d_min is inside
  // the cross-section and π d_min² L · 4/a³ atoms is a lower bound of the rod's count.
  double d_min = spec.sides.front().distance_A;
  for (const FacetDistance& side : spec.sides) d_min = std::min(d_min, side.distance_A);
  if (!(d_min > 0)) return;
  const double at_least =
      std::numbers::pi * d_min * d_min * spec.length_A * 4.0 / (spec.a_A * spec.a_A * spec.a_A);
  check_atom_count(
      at_least, "--radius",
      format("a rod %g Å long with its nearest side facet %g Å from the axis: at least",
             spec.length_A, d_min));
}

Structure build_nanorod(const NanorodSpec& spec) {
  element(spec.element, "--element");
  check_lattice_constant(spec.a_A);
  if (spec.axis[0] == 0 && spec.axis[1] == 0 && spec.axis[2] == 0)
    throw InputError("--axis", "rod axis [000] has no direction");
  if (spec.sides.empty()) throw InputError("--sides", "need at least one side facet family");
  if (!(spec.length_A > 0)) throw InputError("--length", "rod length must be > 0 Å");
  check_vacuum(spec.vacuum_A);

  const Vec3 axis =
      normalized(Vec3{double(spec.axis[0]), double(spec.axis[1]), double(spec.axis[2])});
  const double half_length = spec.length_A / 2.0;
  std::vector<HalfSpace> bounds;
  double radius = 0.0;  // largest side distance, for the search box
  for (const FacetDistance& side : spec.sides) {
    if (!(side.distance_A > 0)) throw InputError("--sides", "side facet distances must be > 0 Å");
    int members = 0;
    for (const Vec3& n : family_normals(side.family)) {
      if (std::abs(dot(n, axis)) > 1e-9) continue;
      bounds.push_back({n, side.distance_A});
      ++members;
    }
    if (members == 0)
      throw InputError("--sides", "no member of family {" + std::to_string(side.family[0]) +
                                      std::to_string(side.family[1]) +
                                      std::to_string(side.family[2]) +
                                      "} is parallel to the rod axis");
    radius = std::max(radius, side.distance_A);
  }
  for (const FacetDistance& tip : spec.tips) {
    if (!(tip.distance_A > 0)) throw InputError("--tips", "tip facet distances must be > 0 Å");
    for (const Vec3& n : family_normals(tip.family)) {
      const double along = dot(n, axis);
      if (std::abs(along) < 1e-9 || std::abs(along) > 1 - 1e-9) continue;
      // Plane at distance d (along n) from the end-face centre (sign(along)·L/2)·â.
      bounds.push_back({n, tip.distance_A + std::abs(along) * half_length});
    }
  }

  check_nanorod_size(spec);

  // Lattice points near the rod: cubic cells covering a sphere that holds the whole rod.
  const double extent = std::sqrt(half_length * half_length + 4 * radius * radius) + spec.a_A;
  const int cells = static_cast<int>(std::ceil(extent / spec.a_A));
  const Structure cubic = fcc_bulk(spec.element, spec.a_A, FccCell::conventional);
  // Centre the rod on an atom so that symmetric facets hold the same number of atoms.
  Structure rod;
  const Mat3 rot = axis_to_z(axis);  // = nanorod_rotation(spec.axis)
  for (int i = -cells; i <= cells; ++i)
    for (int j = -cells; j <= cells; ++j)
      for (int k = -cells; k <= cells; ++k)
        for (const Atom& basis : cubic.atoms) {
          const Vec3 r = basis.position + spec.a_A * Vec3{double(i), double(j), double(k)};
          if (std::abs(dot(r, axis)) > half_length + 1e-9) continue;
          const bool inside = std::all_of(bounds.begin(), bounds.end(), [&](const HalfSpace& h) {
            return dot(h.normal, r) <= h.distance_A + 1e-9;
          });
          if (!inside) continue;
          Atom atom;
          atom.species = spec.element;
          atom.position = rot * r;
          rod.atoms.push_back(atom);
        }
  if (rod.atoms.empty())
    throw InputError("--sides", "the facet distances leave no atom inside the rod");

  Vec3 lo{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
          std::numeric_limits<double>::infinity()};
  Vec3 hi = -lo;
  for (const Atom& atom : rod.atoms)
    for (int c = 0; c < 3; ++c)
      lo[c] = std::min(lo[c], atom.position[c]), hi[c] = std::max(hi[c], atom.position[c]);
  const Vec3 size = hi - lo;
  rod.cell = Mat3::diagonal(size.x + spec.vacuum_A, size.y + spec.vacuum_A, size.z + spec.vacuum_A);
  const Vec3 shift = Vec3{spec.vacuum_A / 2, spec.vacuum_A / 2, spec.vacuum_A / 2} - lo;
  for (Atom& atom : rod.atoms) atom.position += shift;
  rod.pbc = {false, false, false};
  rod.comment = spec.element + " nanorod along [" + std::to_string(spec.axis[0]) +
                std::to_string(spec.axis[1]) + std::to_string(spec.axis[2]) + "], " +
                std::to_string(rod.size()) + " atoms";
  return rod;
}

}  // namespace fw::slabs
