/// \file cleave.cpp
/// \brief The cut-crystal construction of the paper and the exact cut area.
#include "slabs/cleave.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "slabs/fcc.hpp"
#include "slabs/input_checks.hpp"
#include "slabs/oriented.hpp"

namespace fw::slabs {

double cube_cross_section_area_A2(double edge_A, const Vec3& normal, double offset_A) {
  const Vec3 n = normalized(normal);
  // Intersections of the plane n·r = offset with the 12 edges of [0, edge]^3.
  std::vector<Vec3> points;
  for (int axis = 0; axis < 3; ++axis) {
    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
    for (int cu = 0; cu <= 1; ++cu)
      for (int cv = 0; cv <= 1; ++cv) {
        Vec3 start{};
        start[u] = cu * edge_A;
        start[v] = cv * edge_A;
        const double along = n[axis];
        if (std::abs(along) < 1e-12) continue;
        const double t = (offset_A - dot(n, start)) / along;
        if (t < -1e-9 || t > edge_A + 1e-9) continue;
        Vec3 p = start;
        p[axis] = std::clamp(t, 0.0, edge_A);
        const bool duplicate = std::any_of(points.begin(), points.end(), [&](const Vec3& q) {
          return norm(q - p) < 1e-9 * edge_A;
        });
        if (!duplicate) points.push_back(p);
      }
  }
  if (points.size() < 3) return 0.0;
  Vec3 centre{};
  for (const Vec3& p : points) centre += p;
  centre = centre / static_cast<double>(points.size());
  const Vec3 e1 = normalized(points[0] - centre);
  const Vec3 e2 = cross(n, e1);
  std::sort(points.begin(), points.end(), [&](const Vec3& a, const Vec3& b) {
    return std::atan2(dot(a - centre, e2), dot(a - centre, e1)) <
           std::atan2(dot(b - centre, e2), dot(b - centre, e1));
  });
  double twice_area = 0.0;  // shoelace formula in the plane's own (e1, e2) coordinates
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Vec3& p = points[i];
    const Vec3& q = points[(i + 1) % points.size()];
    twice_area +=
        dot(p - centre, e1) * dot(q - centre, e2) - dot(q - centre, e1) * dot(p - centre, e2);
  }
  return std::abs(twice_area) / 2.0;
}

CleavedCrystal cleave_crystal(const CleaveSpec& spec) {
  if (spec.cells < 2)
    throw InputError("--cells",
                     "need at least 2 cubic cells per edge, got " + std::to_string(spec.cells));
  check_vacuum(spec.vacuum_A);
  check_lattice_constant(spec.a_A);
  const double cells = spec.cells;
  check_atom_count(4.0 * cells * cells * cells, "--cells",
                   "4 x " + std::to_string(spec.cells) + "^3 (atoms of the cubic crystal)");
  const Structure cubic = fcc_bulk(spec.element, spec.a_A, FccCell::conventional);
  Structure crystal = cubic.repeated(spec.cells, spec.cells, spec.cells);

  // The crystal occupies the cube of edge n·a centred on the centroid of its atoms.
  const double edge = spec.cells * spec.a_A;
  Vec3 centroid{};
  for (const Atom& atom : crystal.atoms) centroid += atom.position;
  centroid = centroid / static_cast<double>(crystal.size());

  const Miller hkl = reduce_miller(spec.hkl);
  const Vec3 n = normalized(Vec3{double(hkl[0]), double(hkl[1]), double(hkl[2])});
  // Atomic planes sit at heights n·r; if one passes through the centroid, move the cut half a
  // layer spacing up so that every atom is unambiguously on one side.
  const double spacing = fcc_plane_geometry(spec.a_A, hkl).layer_spacing_A;
  double offset = 0.0;
  for (const Atom& atom : crystal.atoms) {
    if (std::abs(dot(n, atom.position - centroid)) < 1e-6) {
      offset = spacing / 2.0;
      break;
    }
  }

  // Box: the cube plus vacuum on every side; the crystal is centred in it.
  const double box = edge + spec.vacuum_A;
  const Vec3 shift = Vec3{box / 2, box / 2, box / 2} - centroid;
  crystal.cell = Mat3::diagonal(box, box, box);
  crystal.comment = spec.element + " " + std::to_string(crystal.size()) + "-atom crystal (" +
                    std::to_string(spec.cells) + "^3 cells) to cut along " + miller_label(hkl);

  CleavedCrystal out;
  out.part1.cell = out.part2.cell = crystal.cell;
  for (Atom& atom : crystal.atoms) {
    const double height = dot(n, atom.position - centroid) - offset;
    atom.part = height < 0.0 ? 1 : 2;
    atom.position += shift;
    (atom.part == 1 ? out.part1 : out.part2).atoms.push_back(atom);
  }
  out.part1.comment = crystal.comment + ": part 1";
  out.part2.comment = crystal.comment + ": part 2";
  // Cut area: the plane n·(r − centroid) = offset meets the cube [centroid ± edge/2].
  const Vec3 cube_origin = centroid - Vec3{edge / 2, edge / 2, edge / 2};
  out.cut_area_A2 = cube_cross_section_area_A2(edge, n, offset + dot(n, centroid - cube_origin));
  out.plane_offset_A = offset;
  out.crystal = std::move(crystal);
  return out;
}

}  // namespace fw::slabs
