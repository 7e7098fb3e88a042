/// \file wulff_rod.cpp
/// \brief Wulff rod shapes from the facet table.
#include "slabs/wulff_rod.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/error.hpp"
#include "slabs/oriented.hpp"

namespace fw::slabs {
namespace {

/// {hkl} as its canonical member: absolute values, reduced, sorted descending.
Miller family_key(const Miller& hkl) {
  Miller f = reduce_miller(hkl);
  for (int& c : f) c = std::abs(c);
  std::sort(f.begin(), f.end(), std::greater<>());
  return f;
}

std::string family_label(const Miller& f) {
  std::string out = "{";  // appended piecewise: GCC 12 warns falsely on chained operator+
  for (int c : f) out.append(std::to_string(c));
  return out.append("}");
}

Vec3 as_vec(const Miller& m) {
  return Vec3{double(m[0]), double(m[1]), double(m[2])};
}

}  // namespace

RodShape wulff_rod_shape(const FacetTable& table, const RodShapeSettings& settings,
                         const std::string& source) {
  if (!(table.a_A > 0)) throw InputError(source, "a_A must be > 0 Å in the facet table");
  if (!(settings.radius_A > 0)) throw InputError("--radius", "rod radius must be > 0 Å");
  if (!(settings.length_A > 0)) throw InputError("--length", "rod length must be > 0 Å");
  const Vec3 axis = normalized(as_vec(settings.axis));

  // One entry per family: relaxed before unrelaxed, slab before cut-crystal.
  struct Choice {
    FacetEntry entry;
    int rank;
  };
  std::vector<std::pair<Miller, Choice>> chosen;
  for (const FacetEntry& e : table.facets) {
    if (!(e.e_dis_eV_per_A2 > 0))
      throw InputError(source, "E_dis of " + miller_label(e.hkl) + " must be > 0");
    const int rank = (e.relaxed ? 0 : 2) + (e.method == "slab" ? 0 : 1);
    const Miller key = family_key(e.hkl);
    auto it = std::find_if(chosen.begin(), chosen.end(), [&](auto& c) { return c.first == key; });
    if (it == chosen.end())
      chosen.push_back({key, {e, rank}});
    else if (rank < it->second.rank)
      it->second = {e, rank};
  }

  RodShape shape;
  double gamma_side_min = std::numeric_limits<double>::infinity();
  for (const auto& [key, c] : chosen) {
    for (const Vec3& n : family_normals(key))
      if (std::abs(dot(n, axis)) < 1e-9) {
        gamma_side_min = std::min(gamma_side_min, c.entry.gamma_J_per_m2());
        break;
      }
  }
  if (!std::isfinite(gamma_side_min))
    throw InputError(source,
                     "no facet family in the table has members parallel to the rod axis "
                     "(needed for the side facets)");
  const double lambda = settings.radius_A / gamma_side_min;  // Å per (J/m²)

  double d_end = -1.0;
  for (const auto& [key, c] : chosen)
    for (const Vec3& n : family_normals(key))
      if (std::abs(dot(n, axis)) > 1 - 1e-9) d_end = lambda * c.entry.gamma_J_per_m2();

  NanorodSpec& spec = shape.spec;
  spec.element = table.element;
  spec.a_A = table.a_A;
  spec.axis = settings.axis;
  spec.length_A = settings.length_A;
  spec.vacuum_A = 10.0;
  for (const auto& [key, c] : chosen) {
    const double gamma = c.entry.gamma_J_per_m2();
    const double d = lambda * gamma;
    const std::string from = miller_label(c.entry.hkl) + " " + c.entry.method + " " +
                             (c.entry.relaxed ? "relaxed" : "unrelaxed");
    std::vector<double> alongs;
    bool side = false, end = false;
    for (const Vec3& n : family_normals(key)) {
      const double along = std::abs(dot(n, axis));
      if (along < 1e-9)
        side = true;
      else if (along > 1 - 1e-9)
        end = true;
      else if (std::none_of(alongs.begin(), alongs.end(),
                            [&](double x) { return std::abs(x - along) < 1e-9; }))
        alongs.push_back(along);
    }
    if (side) {
      spec.sides.push_back({key, d});
      shape.facets.push_back({key, gamma, d, "side", from});
    }
    if (end) shape.facets.push_back({key, gamma, d, "end", from});
    if (!settings.wulff_tips || alongs.empty()) continue;
    if (d_end < 0)
      throw InputError(source,
                       "Wulff tips need the family of the end face (the one holding the "
                       "rod axis) in the facet table; add it or use flat tips");
    if (alongs.size() > 1)
      throw InputError(source, family_label(key) +
                                   " meets the rod axis at several angles; its "
                                   "Wulff tip cannot be expressed by one distance (use flat tips)");
    // Wulff cap centred d_end below the end face: the plane n̂·r = d_F about that centre lies
    // d_F − cos(n̂, â)·d_end from the end-face centre.
    const double tip = d - alongs[0] * d_end;
    if (!(tip > 0)) {
      std::ostringstream msg;
      msg << family_label(key) << " (γ = " << gamma << " J/m²) would cut the whole end face off "
          << "the Wulff tip; use flat tips";
      throw InputError(source, msg.str());
    }
    spec.tips.push_back({key, tip});
    shape.facets.push_back({key, gamma, d, "tip", from});
  }
  shape.layer_spacing_A = fcc_plane_geometry(table.a_A, settings.axis).layer_spacing_A;
  return shape;
}

}  // namespace fw::slabs
