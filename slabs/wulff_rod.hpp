/// \file wulff_rod.hpp
/// \brief The Wulff shape of a nanorod from a facet table: which families bound the sides and
/// tips, and at which distances (γ_F = E_dis/2, d_F = λ γ_F).
#pragma once

#include <string>
#include <vector>

#include "slabs/facet_table.hpp"
#include "slabs/nanorod.hpp"

namespace fw::slabs {

/// Shape of one rod. Facet distances follow the Wulff construction d_F = λ γ_F (Wulff, Z.
/// Kristallogr. 34, 449 (1901)), with γ_F = E_dis/2 from the facet table.
struct RodShapeSettings {
  Miller axis{1, 0, 0};  ///< rod axis [uvw] (cubic)
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
  Miller family;
  double gamma_J_per_m2;
  double distance_A;   ///< from the Wulff centre
  std::string role;    ///< "side", "end" or "tip"
  std::string source;  ///< which facet-table entry gave γ, e.g. "(100) slab relaxed"
};

struct RodShape {
  NanorodSpec spec;  ///< what build_nanorod gets
  std::vector<WulffFacet> facets;
  double layer_spacing_A = 0.0;  ///< of the lattice planes ⟂ axis
};

/// Picks γ per family from `table` (relaxed before unrelaxed, slab before cut-crystal), puts
/// the families with members ⟂ axis on the sides, the family holding the axis on the ends and the
/// rest on the tips. Throws InputError(source) when the table has no side family, no end family
/// for Wulff tips, or a tip facet would cut the end face away.
RodShape wulff_rod_shape(const FacetTable& table, const RodShapeSettings& settings,
                         const std::string& source);

}  // namespace fw::slabs
