/// \file force_field.cpp
/// \brief Summing interactions; neighbour-list upkeep.
#include "md/engine/force_field.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace fw::md {

void ForceField::add(std::unique_ptr<Interaction> interaction) {
  interactions_.push_back(std::move(interaction));
  lists_.clear();
  invalidate();
}

double ForceField::cutoff_A() const {
  double cutoff = 0.0;
  for (const auto& term : interactions_) cutoff = std::max(cutoff, term->cutoff_A());
  return cutoff;
}

const ForceResult& ForceField::compute(System& system, bool allow_sort, bool need_energy) {
  if (interactions_.empty()) throw InputError("potential", "no interaction defined");
  if (lists_.size() != interactions_.size()) {
    lists_.clear();
    for (const auto& term : interactions_)
      lists_.push_back(std::make_unique<NeighborList>(term->cutoff_A(), skin_A_));
    bound_size_ = static_cast<std::size_t>(-1);
  }
  if (bound_size_ != system.size()) {
    for (auto& term : interactions_) term->bind(system);
    const std::size_t types = system.type_names.size();
    for (std::size_t k = 0; k < interactions_.size(); ++k) {
      std::vector<std::uint8_t> mask(types * types, 1);
      bool all = true;
      for (std::size_t a = 0; a < types; ++a) {
        for (std::size_t b = 0; b < types; ++b) {
          mask[a * types + b] =
              interactions_[k]->pair_included(static_cast<int>(a), static_cast<int>(b)) ? 1 : 0;
          all = all && mask[a * types + b];
        }
      }
      lists_[k]->set_type_pair_mask(all ? std::vector<std::uint8_t>{} : std::move(mask), types);
    }
    // Only the first list may reorder atoms; the others are built afterwards on the new order.
    lists_[0]->build(system, allow_sort);
    for (std::size_t k = 1; k < lists_.size(); ++k) lists_[k]->build(system, false);
    bound_size_ = system.size();
  } else {
    // Sorting every 20th build keeps memory order close to space order as atoms diffuse.
    const bool sort_now = allow_sort && lists_[0]->build_count() % 20 == 0;
    const bool rebuilt = lists_[0]->update(system, sort_now);
    for (std::size_t k = 1; k < lists_.size(); ++k) {
      if (rebuilt && sort_now) {
        lists_[k]->build(system, false);
      } else {
        lists_[k]->update(system, false);
      }
    }
  }
  std::fill(system.f.begin(), system.f.end(), 0.0);
  if (need_energy) result_.clear();
  for (std::size_t k = 0; k < interactions_.size(); ++k) {
    interactions_[k]->add_forces(system, *lists_[k], result_, need_energy);
  }
  ++computes_;
  return result_;
}

}  // namespace fw::md
