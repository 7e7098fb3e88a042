/// \file oriented.hpp
/// \brief fcc crystals oriented so that the (hkl) planes lie in xy and stack along z; slabs.
#pragma once

#include <string>
#include <vector>

#include "slabs/defaults.hpp"
#include "slabs/miller.hpp"
#include "slabs/structure.hpp"

namespace fw::slabs {

/// Geometry of the (hkl) lattice planes of an fcc crystal.
struct PlaneGeometry {
  Miller hkl;              ///< reduced Miller indices (conventional cubic axes)
  double area_A2;          ///< area of the smallest (1x1) in-plane cell, one atom per layer
  double layer_spacing_A;  ///< distance between consecutive atomic planes
  int stacking_period;     ///< layers after which the stacking repeats (2 for (100), 3 for (111))
};

PlaneGeometry fcc_plane_geometry(double a_A, const Miller& hkl);

struct OrientedSpec {
  std::string element = default_element();
  double a_A = default_lattice_constant_A();
  Miller hkl{1, 0, 0};
  int layers = default_slab_layers();  ///< number of atomic planes
  int repeat_a = 1;                    ///< in-plane repetition of the 1x1 surface cell
  int repeat_b = 1;
};

/// Periodic bulk crystal: in-plane 1x1 cell (times repeat) in the xy-plane, `layers` planes
/// stacked along +z. The third cell vector is layers × the stacking vector; it is tilted unless
/// `layers` is a multiple of the stacking period. This is the bulk reference of the slab method:
/// E_dis = (E_slab − E_bulk_same_cell)/A.
/// Atoms are tagged with their layer index (0 = bottom).
Structure oriented_bulk(const OrientedSpec& spec);

/// The same atoms with `vacuum_A` of empty space added along z (the third vector becomes
/// (0, 0, thickness + vacuum)) and centred; pbc stays true on all axes (a slab in a periodic box,
/// as plane-wave codes and VASP want). `vacuum_A` = 0 means no vacuum: the planes stay periodic
/// along the normal, one layer spacing between the top plane and the bottom one's image (the
/// crystal itself when the layers are a whole number of stacking periods). Throws
/// InputError("--vacuum") for 0 < vacuum < min_slab_vacuum_A (refused, never silently raised).
Structure slab_with_vacuum(const OrientedSpec& spec, double vacuum_A);

/// The least vacuum of a slab: one layer spacing of (hkl) at `a_A`. A smaller gap would put the
/// two faces closer than the crystal's own planes (and zero leaves a degenerate box).
double min_slab_vacuum_A(double a_A, const Miller& hkl);

/// InputError(source) naming `option` when `vacuum_A` is below min_slab_vacuum_A for any of
/// `facets` (the message gives the minimum and the facet that sets it).
/// With `zero_is_periodic`, 0 is accepted as "no vacuum" (slab_with_vacuum); surface-energy
/// callers leave it false, since a slab without vacuum has no surface.
void check_slab_vacuum(double vacuum_A, double a_A, const std::vector<Miller>& facets,
                       const std::string& source, const std::string& option = "--vacuum",
                       bool zero_is_periodic = false);

/// Thickness of the slab: distance between the outermost atomic planes.
double slab_thickness_A(const Structure& slab);

}  // namespace fw::slabs
