/// \file oriented.cpp
/// \brief (hkl)-oriented fcc cells and slabs.
///
/// fcc lattice points are (a/2)·(i, j, k) with i + j + k even. For the plane normal n = (h, k, l)
/// (cubic axes, so the direction [hkl] is normal to (hkl)), the in-plane lattice is the set of
/// points with h·i + k·j + l·k = 0; its two shortest non-parallel vectors form a reduced basis
/// (in 2D the successive minima are always a basis). The layer spacing is d = V_prim / A_1x1
/// with V_prim = a³/4, and the stacking vector is a lattice vector at height d.
#include "slabs/oriented.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/error.hpp"
#include "slabs/elements.hpp"
#include "slabs/input_checks.hpp"

namespace fw::slabs {

namespace {

struct PlaneBasis {
  Vec3 in_plane_1;  ///< Å, cubic axes
  Vec3 in_plane_2;  ///< Å, cubic axes
  Vec3 stacking;    ///< Å, cubic axes: lattice vector from one layer to the next
  Vec3 normal;      ///< unit normal
  double area_A2;
  double spacing_A;
  int period;
};

void check_inputs(const std::string& element_symbol, double a_A, const Miller& hkl) {
  element(element_symbol, "--element");
  check_lattice_constant(a_A);
  if (hkl[0] == 0 && hkl[1] == 0 && hkl[2] == 0)
    throw InputError("--facet", "Miller indices (000) define no plane");
}

/// In-plane fractional coordinates (f1, f2) of an in-plane vector w in the basis (v1, v2).
std::pair<double, double> in_plane_fractions(const Vec3& w, const Vec3& v1, const Vec3& v2) {
  const double g11 = dot(v1, v1), g12 = dot(v1, v2), g22 = dot(v2, v2);
  const double b1 = dot(w, v1), b2 = dot(w, v2);
  const double det = g11 * g22 - g12 * g12;
  return {(b1 * g22 - b2 * g12) / det, (b2 * g11 - b1 * g12) / det};
}

/// Subtracts in-plane lattice vectors from `w` so that its in-plane part is as short as possible.
Vec3 reduce_in_plane(const Vec3& w, const PlaneBasis& b) {
  const Vec3 in_plane = w - dot(w, b.normal) * b.normal;
  auto [f1, f2] = in_plane_fractions(in_plane, b.in_plane_1, b.in_plane_2);
  Vec3 best = w;
  double best_len = std::numeric_limits<double>::infinity();
  for (int di = -1; di <= 1; ++di)
    for (int dj = -1; dj <= 1; ++dj) {
      const Vec3 c =
          w - (std::round(f1) + di) * b.in_plane_1 - (std::round(f2) + dj) * b.in_plane_2;
      const double len = norm(c - dot(c, b.normal) * b.normal);
      if (len < best_len - 1e-9) best_len = len, best = c;
    }
  return best;
}

PlaneBasis plane_basis(double a_A, const Miller& raw_hkl) {
  const Miller hkl = reduce_miller(raw_hkl);
  PlaneBasis b{};
  b.normal = normalized(Vec3{double(hkl[0]), double(hkl[1]), double(hkl[2])});
  const int range = 2 * (std::abs(hkl[0]) + std::abs(hkl[1]) + std::abs(hkl[2])) + 2;
  std::vector<Vec3> in_plane;
  int min_height = std::numeric_limits<int>::max();
  for (int i = -range; i <= range; ++i)
    for (int j = -range; j <= range; ++j)
      for (int k = -range; k <= range; ++k) {
        if (((i + j + k) % 2) != 0 || (i == 0 && j == 0 && k == 0)) continue;
        const int height = hkl[0] * i + hkl[1] * j + hkl[2] * k;
        if (height == 0)
          in_plane.push_back(Vec3{double(i), double(j), double(k)} * (a_A / 2));
        else if (height > 0)
          min_height = std::min(min_height, height);
      }
  const auto shorter = [](const Vec3& x, const Vec3& y) { return dot(x, x) < dot(y, y) - 1e-9; };
  std::stable_sort(in_plane.begin(), in_plane.end(), shorter);
  b.in_plane_1 = in_plane.front();
  for (const Vec3& v : in_plane) {
    if (norm(cross(b.in_plane_1, v)) > 1e-6 * a_A * a_A) {
      b.in_plane_2 = v;
      break;
    }
  }
  // Right-handed (v1, v2, n) with the smaller (< 90°) or 120°-style angle as found; flip v2 so
  // that v1 × v2 points along +n.
  if (dot(cross(b.in_plane_1, b.in_plane_2), b.normal) < 0) b.in_plane_2 = -b.in_plane_2;
  b.area_A2 = norm(cross(b.in_plane_1, b.in_plane_2));
  b.spacing_A = (a_A * a_A * a_A / 4.0) / b.area_A2;

  // A stacking vector: any lattice point one layer up, reduced to the shortest in-plane offset.
  Vec3 stacking{};
  bool found = false;
  for (int i = -range; i <= range && !found; ++i)
    for (int j = -range; j <= range && !found; ++j)
      for (int k = -range; k <= range && !found; ++k) {
        if (((i + j + k) % 2) != 0) continue;
        if (hkl[0] * i + hkl[1] * j + hkl[2] * k == min_height) {
          stacking = Vec3{double(i), double(j), double(k)} * (a_A / 2);
          found = true;
        }
      }
  b.stacking = reduce_in_plane(stacking, b);

  // Stacking period: the smallest N for which N × (in-plane offset) is an in-plane lattice vector.
  const Vec3 offset = b.stacking - dot(b.stacking, b.normal) * b.normal;
  auto [f1, f2] = in_plane_fractions(offset, b.in_plane_1, b.in_plane_2);
  b.period = 1;
  while (b.period < 1000) {
    const double x = f1 * b.period, y = f2 * b.period;
    if (std::abs(x - std::round(x)) < 1e-6 && std::abs(y - std::round(y)) < 1e-6) break;
    ++b.period;
  }
  return b;
}

/// Rotation taking cubic axes to the frame (x = v1 direction, z = normal).
Mat3 frame_rotation(const PlaneBasis& b) {
  const Vec3 e1 = normalized(b.in_plane_1);
  const Vec3 e3 = b.normal;
  return Mat3{{e1, cross(e3, e1), e3}};
}

void check_layers_and_repeat(const OrientedSpec& spec) {
  if (spec.layers < 1)
    throw InputError("--layers", "need at least 1 layer, got " + std::to_string(spec.layers));
  if (spec.repeat_a < 1 || spec.repeat_b < 1)
    throw InputError("--repeat", "in-plane repetition must be >= 1 in both directions (e.g. 2x2)");
  // One atom per layer and in-plane cell (the fcc plane bases here hold one site each).
  const double n_atoms = static_cast<double>(spec.layers) * spec.repeat_a * spec.repeat_b;
  const bool repeated = static_cast<double>(spec.repeat_a) * spec.repeat_b > 1.0;
  check_atom_count(n_atoms, repeated ? "--repeat" : "--layers",
                   std::to_string(spec.layers) + " layers x " + std::to_string(spec.repeat_a) +
                       "x" + std::to_string(spec.repeat_b));
}

}  // namespace

PlaneGeometry fcc_plane_geometry(double a_A, const Miller& hkl) {
  check_inputs("Au", a_A, hkl);
  const PlaneBasis b = plane_basis(a_A, hkl);
  return {reduce_miller(hkl), b.area_A2, b.spacing_A, b.period};
}

Structure oriented_bulk(const OrientedSpec& spec) {
  check_inputs(spec.element, spec.a_A, spec.hkl);
  check_layers_and_repeat(spec);
  const PlaneBasis b = plane_basis(spec.a_A, spec.hkl);
  const Mat3 rot = frame_rotation(b);
  const Vec3 c = reduce_in_plane(spec.layers * b.stacking, b);

  Structure s;
  s.cell =
      Mat3{{rot * (b.in_plane_1 * spec.repeat_a), rot * (b.in_plane_2 * spec.repeat_b), rot * c}};
  s.comment = spec.element + " " + miller_label(reduce_miller(spec.hkl)) + " oriented bulk, " +
              std::to_string(spec.layers) + " layers";
  for (int layer = 0; layer < spec.layers; ++layer)
    for (int p = 0; p < spec.repeat_a; ++p)
      for (int q = 0; q < spec.repeat_b; ++q) {
        Atom atom;
        atom.species = spec.element;
        atom.position = rot * (layer * b.stacking + p * b.in_plane_1 + q * b.in_plane_2);
        atom.layer = layer;
        s.atoms.push_back(atom);
      }
  s.wrap();
  return s;
}

double min_slab_vacuum_A(double a_A, const Miller& hkl) {
  return fcc_plane_geometry(a_A, hkl).layer_spacing_A;
}

void check_slab_vacuum(double vacuum_A, double a_A, const std::vector<Miller>& facets,
                       const std::string& source, const std::string& option,
                       bool zero_is_periodic) {
  check_vacuum(vacuum_A, source);
  if (zero_is_periodic && vacuum_A == 0.0) return;
  double least = 0.0;
  Miller widest{};
  for (const Miller& hkl : facets)
    if (const double d = min_slab_vacuum_A(a_A, hkl); d > least) least = d, widest = hkl;
  if (vacuum_A >= least) return;
  char text[320];
  std::snprintf(text, sizeof text,
                "vacuum %.4g Å is less than one %s layer spacing (%.4f Å at a = %.4g Å): the two "
                "faces would be closer than the crystal's own planes; give %s ≥ %.4f Å",
                vacuum_A, miller_label(reduce_miller(widest)).c_str(), least, a_A, option.c_str(),
                least);
  throw InputError(source, text);
}

Structure slab_with_vacuum(const OrientedSpec& spec, double vacuum_A) {
  check_inputs(spec.element, spec.a_A, spec.hkl);
  check_slab_vacuum(vacuum_A, spec.a_A, {spec.hkl}, "--vacuum", "--vacuum", true);
  Structure s = oriented_bulk(spec);
  const double spacing = fcc_plane_geometry(spec.a_A, spec.hkl).layer_spacing_A;
  const double thickness = (spec.layers - 1) * spacing;
  // The gap between the top layer and the periodic image of the bottom layer is exactly vacuum_A;
  // no vacuum keeps one layer spacing there (the planes continue periodically).
  const double height = thickness + (vacuum_A == 0.0 ? spacing : vacuum_A);
  s.cell[2] = Vec3{0, 0, height};
  // Layers are unwrapped along z (heights j·d) and centred in the box.
  const double z0 = (height - thickness) / 2.0;
  for (Atom& atom : s.atoms) atom.position.z = z0 + atom.layer * spacing;
  s.wrap();
  s.comment = spec.element + " " + miller_label(reduce_miller(spec.hkl)) + " slab, " +
              std::to_string(spec.layers) + " layers, " +
              (vacuum_A == 0.0 ? std::string("no vacuum (periodic along the normal)")
                               : "vacuum " + std::to_string(vacuum_A) + " A");
  return s;
}

double slab_thickness_A(const Structure& slab) {
  if (slab.atoms.empty()) return 0.0;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Atom& atom : slab.atoms)
    lo = std::min(lo, atom.position.z), hi = std::max(hi, atom.position.z);
  return hi - lo;
}

}  // namespace fw::slabs
