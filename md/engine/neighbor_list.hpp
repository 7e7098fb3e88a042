/// \file neighbor_list.hpp
/// \brief Half Verlet list with a skin, built from cell (bin) lists; periodic or open per axis,
/// orthogonal or triclinic cells, of any size (several images per atom in small cells).
#pragma once

#include <cstdint>
#include <vector>

#include "core/vec3.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// Overlap distance for a species that is not a chemical element (a bare type name), Å.
inline constexpr double kOverlapDistanceUnknownSpeciesA = 0.5;

/// Every pair within cutoff + skin appears once. A pair with atom j's periodic image is stored as
/// (j, shift s) and its separation is x_j + T_s - x_i, T_s = n_s·cell; within each atom's list the
/// unshifted neighbours come first so the common case needs no shift at all. Positions are wrapped
/// into the cell at each build (image counters keep track); the list stays valid until an atom has
/// moved more than skin/2 (checked by needs_rebuild), as in LAMMPS's `neigh_modify check yes`.
class NeighborList {
 public:
  NeighborList(double cutoff_A, double skin_A);

  double cutoff_A() const { return cutoff_A_; }
  double skin_A() const { return skin_A_; }

  /// Periodic cells of any size: an atom meets as many images of every atom (itself included) as
  /// lie within cutoff + skin, as LAMMPS's ghost atoms and ASE's neighbour list do. Throws
  /// InputError when atoms overlap (closer than `min_distance_A`, checked on the pairs found) or
  /// a cell is so thin that one atom would need more than 65535 images.
  void build(System& system, bool sort_atoms = false);
  bool needs_rebuild(const System& system) const;
  /// Rebuilds when needed; returns true if it did.
  bool update(System& system, bool sort_atoms = false);

  std::size_t atom_count() const { return begin_.empty() ? 0 : begin_.size() - 1; }
  std::size_t pair_count() const { return neighbors_.size(); }
  long build_count() const { return builds_; }

  /// Neighbours of i: [begin(i), shifted_begin(i)) are unshifted, [shifted_begin(i), begin(i+1))
  /// carry a shift index.
  std::uint32_t begin(std::size_t i) const { return begin_[i]; }
  std::uint32_t shifted_begin(std::size_t i) const { return shifted_begin_[i]; }
  std::uint32_t end(std::size_t i) const { return begin_[i + 1]; }
  const std::uint32_t* neighbors() const { return neighbors_.data(); }
  const std::uint16_t* shift_indices() const { return shift_index_.data(); }
  const std::vector<Vec3>& shift_vectors() const { return shift_vectors_; }

  /// Off: overlapping atoms are listed like any pair (analyses of arbitrary snapshots); on (the
  /// default): build() refuses two atoms closer than slabs::overlap_distance_A of their species
  /// (kOverlapDistanceUnknownSpeciesA for a species that is not an element), naming them.
  void set_overlap_check(bool on) { check_overlap_ = on; }
  /// Keeps only pairs with mask[type_i * types + type_j] != 0 (empty mask: all pairs).
  void set_type_pair_mask(std::vector<std::uint8_t> mask, std::size_t types) {
    type_pair_mask_ = std::move(mask);
    mask_types_ = types;
  }

 private:
  void wrap_and_bin(System& system, bool sort_atoms);
  /// types x types table of 1 / d_overlap^2 (empty when the check is off).
  std::vector<double> inverse_squared_overlap_distances(const System& system) const;

  double cutoff_A_;
  double skin_A_;
  bool check_overlap_ = true;
  long builds_ = 0;
  std::vector<std::uint8_t> type_pair_mask_;
  std::size_t mask_types_ = 0;

  std::vector<std::uint32_t> begin_, shifted_begin_;
  std::vector<std::uint32_t> neighbors_;
  std::vector<std::uint16_t> shift_index_;
  std::vector<Vec3> shift_vectors_;
  std::vector<std::array<int, 3>> shift_counts_;
  std::vector<double> x_at_build_;

  // Build scratch, reused between builds.
  std::array<int, 3> nbins_{1, 1, 1};
  std::array<double, 3> lo_{}, bin_width_{};
  std::vector<double> frac_;
  std::vector<double> cand_x_;
  std::vector<std::uint32_t> cand_owner_;
  std::vector<std::uint16_t> cand_shift_;
  std::vector<std::uint32_t> bin_start_;
  std::vector<std::uint32_t> cand_bin_, cand_order_tmp_;
  std::vector<int> atom_bin_;
  std::vector<std::vector<std::uint32_t>> thread_neighbors_;
  std::vector<std::vector<std::uint16_t>> thread_shifts_;
};

}  // namespace fw::md
