/// \file cleave.hpp
/// \brief The paper's cut: a finite fcc crystal of n×n×n cubic cells split by an (hkl) plane
/// through its centre into two parts (Adv. Sci. 2025, Eq. 1 and Fig. S10a).
#pragma once

#include <string>

#include "slabs/defaults.hpp"
#include "slabs/miller.hpp"
#include "slabs/structure.hpp"

namespace fw::slabs {

struct CleaveSpec {
  std::string element = default_element();
  double a_A = default_lattice_constant_A();
  int cells = default_cut_crystal_cells();  ///< n: n×n×n conventional cells, 4n³ atoms (paper: 5,
                                            ///< 500 atoms)
  Miller hkl{1, 0, 0};
  double vacuum_A = default_cut_crystal_vacuum_A();  ///< empty space around the crystal in the
                                                     ///< periodic box (0 = bulk-periodic)
};

struct CleavedCrystal {
  Structure crystal;      ///< whole crystal, atoms tagged part 1 / part 2
  Structure part1;        ///< atoms on the negative side of the cut plane, same box
  Structure part2;        ///< atoms on the positive side
  double cut_area_A2;     ///< area of the cut plane inside the crystal: the A of E_dis
  double plane_offset_A;  ///< distance of the cut plane from the crystal's centre along n̂
};

/// Builds the n×n×n crystal (edge n·a; the paper's 20.4 Å = 5 × 4.08 Å), places the cut plane
/// with normal (hkl) through the centre — shifted by half a layer spacing when an atomic plane
/// passes through the centre, so that no atom lies on the cut — and splits the atoms.
/// The cut area is the exact area of the polygon in which the plane meets the cube.
CleavedCrystal cleave_crystal(const CleaveSpec& spec);

/// Area of the cross-section of the axis-aligned cube [0, edge]^3 by the plane n̂·r = d.
double cube_cross_section_area_A2(double edge_A, const Vec3& normal, double offset_A);

}  // namespace fw::slabs
