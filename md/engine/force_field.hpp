/// \file force_field.hpp
/// \brief The sum of the interactions, with the neighbour list they share.
#pragma once

#include <memory>
#include <vector>

#include "md/engine/interaction.hpp"
#include "md/engine/neighbor_list.hpp"

namespace fw::md {

/// Owns the interactions and one neighbour list per interaction (its own cutoff plus the skin,
/// and only the type pairs it acts on), so a long-ranged Au–C term does not lengthen the EAM list.
class ForceField {
 public:
  explicit ForceField(double skin_A = 1.0) : skin_A_(skin_A) {}

  void add(std::unique_ptr<Interaction> interaction);
  const std::vector<std::unique_ptr<Interaction>>& interactions() const { return interactions_; }
  double cutoff_A() const;
  double skin_A() const { return skin_A_; }

  /// Zeroes the forces and sums every interaction; rebuilds the neighbour list when an atom has
  /// moved more than skin/2 (and, with `allow_sort`, reorders atoms spatially on rebuild).
  /// Without `need_energy` only forces are computed; last() then holds stale energy/virial.
  const ForceResult& compute(System& system, bool allow_sort = false, bool need_energy = true);
  const ForceResult& last() const { return result_; }
  /// The list of the first interaction.
  const NeighborList& neighbor_list() const { return *lists_.front(); }
  /// Forces the next compute to rebuild the list and re-bind the interactions.
  void invalidate() { bound_size_ = static_cast<std::size_t>(-1); }

 private:
  double skin_A_;
  std::vector<std::unique_ptr<Interaction>> interactions_;
  std::vector<std::unique_ptr<NeighborList>> lists_;
  ForceResult result_;
  std::size_t bound_size_ = static_cast<std::size_t>(-1);
  long computes_ = 0;
};

}  // namespace fw::md
