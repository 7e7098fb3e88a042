/// \file structure.cpp
/// \brief Structure queries and transformations.
#include "slabs/structure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fw::slabs {

double Structure::volume() const {
  return std::abs(determinant(cell));
}

Vec3 Structure::fractional(const Vec3& cartesian) const {
  return cartesian * inverse(cell);
}

void Structure::add_atom_fractional(const std::string& species, const Vec3& frac) {
  Atom atom;
  atom.species = species;
  atom.position = cartesian(frac);
  atoms.push_back(atom);
}

std::vector<std::string> Structure::species_order() const {
  std::vector<std::string> order;
  for (const Atom& atom : atoms) {
    if (std::find(order.begin(), order.end(), atom.species) == order.end())
      order.push_back(atom.species);
  }
  return order;
}

std::size_t Structure::count(const std::string& species) const {
  return static_cast<std::size_t>(std::count_if(
      atoms.begin(), atoms.end(), [&](const Atom& a) { return a.species == species; }));
}

void Structure::wrap() {
  const Mat3 inv = inverse(cell);
  for (Atom& atom : atoms) {
    Vec3 f = atom.position * inv;
    for (int k = 0; k < 3; ++k) {
      if (!pbc[static_cast<std::size_t>(k)]) continue;
      f[k] -= std::floor(f[k]);
      if (f[k] >= 1.0) f[k] = 0.0;  // -1e-17 wraps to 1.0 in floating point
    }
    atom.position = f * cell;
  }
}

void Structure::group_by_species() {
  const auto order = species_order();
  std::stable_sort(atoms.begin(), atoms.end(), [&](const Atom& a, const Atom& b) {
    return std::find(order.begin(), order.end(), a.species) <
           std::find(order.begin(), order.end(), b.species);
  });
}

namespace {

/// Image range per axis large enough for the minimum image in a skewed cell: the number of
/// cell widths (distance between opposite faces) that fit in the longest cell diagonal.
std::array<int, 3> image_range(const Structure& s) {
  std::array<int, 3> range{0, 0, 0};
  const Mat3 recip = reciprocal_rows(s.cell);
  double diag = 0.0;
  for (int sx = -1; sx <= 1; sx += 2)
    for (int sy = -1; sy <= 1; sy += 2)
      diag = std::max(diag, norm(s.cell[0] + sx * s.cell[1] + sy * s.cell[2]));
  for (int k = 0; k < 3; ++k) {
    if (!s.pbc[static_cast<std::size_t>(k)]) continue;
    const double width = 1.0 / norm(recip[k]);
    range[static_cast<std::size_t>(k)] = static_cast<int>(std::ceil(diag / width));
  }
  return range;
}

double min_image_distance(const Structure& s, const Vec3& d, const std::array<int, 3>& range,
                          bool skip_zero) {
  const Mat3 inv = inverse(s.cell);
  Vec3 f = d * inv;
  for (int k = 0; k < 3; ++k)
    if (s.pbc[static_cast<std::size_t>(k)]) f[k] -= std::round(f[k]);
  const Vec3 reduced = f * s.cell;
  double best = std::numeric_limits<double>::infinity();
  for (int i = -range[0]; i <= range[0]; ++i)
    for (int j = -range[1]; j <= range[1]; ++j)
      for (int k = -range[2]; k <= range[2]; ++k) {
        if (skip_zero && i == 0 && j == 0 && k == 0) continue;
        const Vec3 r = reduced + i * s.cell[0] + j * s.cell[1] + k * s.cell[2];
        best = std::min(best, norm(r));
      }
  return best;
}

}  // namespace

double Structure::distance(std::size_t i, std::size_t j) const {
  return min_image_distance(*this, atoms[j].position - atoms[i].position, image_range(*this),
                            i == j);
}

double Structure::min_distance() const {
  const auto range = image_range(*this);
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < atoms.size(); ++i)
    for (std::size_t j = i; j < atoms.size(); ++j)
      best = std::min(
          best, min_image_distance(*this, atoms[j].position - atoms[i].position, range, i == j));
  return best;
}

Structure Structure::repeated(int n0, int n1, int n2) const {
  Structure out = *this;
  out.cell = Mat3{{cell[0] * n0, cell[1] * n1, cell[2] * n2}};
  out.atoms.clear();
  out.atoms.reserve(atoms.size() * static_cast<std::size_t>(n0 * n1 * n2));
  for (int i = 0; i < n0; ++i)
    for (int j = 0; j < n1; ++j)
      for (int k = 0; k < n2; ++k) {
        const Vec3 shift = i * cell[0] + j * cell[1] + k * cell[2];
        for (Atom atom : atoms) {
          atom.position += shift;
          out.atoms.push_back(atom);
        }
      }
  return out;
}

}  // namespace fw::slabs
