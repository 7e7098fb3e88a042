/// \file system.hpp
/// \brief The MD state: cell, periodicity, per-atom positions/velocities/forces in metal units.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/vec3.hpp"

namespace fw::md {

/// Atoms in metal units (Å, Å/ps, eV/Å, amu). Per-atom vectors are flat xyz triples so that the
/// force loops stream through memory; atoms may be reordered (spatial sort), `id` keeps the
/// original index so output stays in input order.
struct System {
  Mat3 cell = Mat3::identity();  ///< lattice vectors as rows, Å
  std::array<bool, 3> pbc{true, true, true};

  std::vector<std::string> type_names;  ///< species of each type, e.g. {"Au", "C"}
  std::vector<double> type_mass_amu;    ///< mass of each type

  std::vector<double> x;                  ///< positions, Å (3 per atom)
  std::vector<double> v;                  ///< velocities, Å/ps
  std::vector<double> f;                  ///< forces, eV/Å
  std::vector<int> type;                  ///< index into type_names
  std::vector<std::uint8_t> frozen;       ///< 1: the atom never moves (substrate, fixed layers)
  std::vector<int> id;                    ///< original index of the atom (0-based)
  std::vector<std::array<int, 3>> image;  ///< periodic image counts, for unwrapped output

  std::size_t size() const { return type.size(); }
  double volume_A3() const;

  /// Appends an atom of type `t` at Cartesian `position_A`, at rest.
  void add_atom(int t, const Vec3& position_A, bool is_frozen = false);
  /// Index of `species`, adding it (with `mass_amu`) when new.
  int type_index(const std::string& species, double mass_amu);

  Vec3 position(std::size_t i) const { return {x[3 * i], x[3 * i + 1], x[3 * i + 2]}; }
  Vec3 velocity(std::size_t i) const { return {v[3 * i], v[3 * i + 1], v[3 * i + 2]}; }
  Vec3 force(std::size_t i) const { return {f[3 * i], f[3 * i + 1], f[3 * i + 2]}; }
  double mass_amu(std::size_t i) const { return type_mass_amu[static_cast<std::size_t>(type[i])]; }
  /// Position with the periodic images undone (continuous trajectory).
  Vec3 unwrapped_position(std::size_t i) const;

  std::size_t moving_count() const;
  /// Reorders every per-atom array so that new atom k is old atom order[k].
  void permute(const std::vector<std::uint32_t>& order);
  /// Atom indices sorted by `id` (the input order).
  std::vector<std::size_t> indices_in_input_order() const;
};

}  // namespace fw::md
