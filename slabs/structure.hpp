/// \file structure.hpp
/// \brief A periodic (or partly periodic) arrangement of atoms: the data every module exchanges.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/vec3.hpp"

namespace fw::slabs {

/// One atom. Positions are Cartesian, in Å.
struct Atom {
  std::string species;
  Vec3 position;
  /// Selective dynamics: which Cartesian components may move (VASP's T/F flags).
  std::array<bool, 3> movable{true, true, true};
  /// Tags used by the cleave, slab and nanorod builders; -1 / 0 mean "untagged".
  int layer = -1;  ///< index of the atomic layer along the surface normal, from the bottom
  int part = 0;    ///< 1 or 2 after cleaving a crystal into two parts
  int rod = 0;     ///< 1 or 2 for the two nanorods of a welding set-up
};

/// Cell (lattice vectors as rows, Å), periodicity per axis, atoms.
struct Structure {
  Mat3 cell = Mat3::identity();
  std::array<bool, 3> pbc{true, true, true};
  std::vector<Atom> atoms;
  /// True when the selective-dynamics flags carry information that must be written out.
  bool selective_dynamics = false;
  /// Free text written as the POSCAR title / extxyz comment.
  std::string comment;

  std::size_t size() const { return atoms.size(); }
  double volume() const;

  Vec3 fractional(const Vec3& cartesian) const;
  Vec3 cartesian(const Vec3& fractional) const { return fractional * cell; }
  void add_atom_fractional(const std::string& species, const Vec3& frac);

  /// Species in order of first appearance (the POSCAR/POTCAR order).
  std::vector<std::string> species_order() const;
  std::size_t count(const std::string& species) const;

  /// Puts every atom inside the cell along the periodic axes (fractional coordinate in [0, 1)).
  void wrap();
  /// Stable reorder so that atoms of one species are contiguous, in species_order().
  void group_by_species();

  /// Distance between atoms i and j with the minimum-image convention along periodic axes
  /// (searches neighbouring images, so it is exact for skewed cells too).
  double distance(std::size_t i, std::size_t j) const;
  /// Shortest interatomic distance in the structure, images included; +inf for < 2 atoms and
  /// no periodic images.
  double min_distance() const;

  /// Replicates the cell n0 x n1 x n2 times (layer/part/rod tags are kept).
  Structure repeated(int n0, int n1, int n2) const;
};

}  // namespace fw::slabs
