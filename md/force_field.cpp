/// \file force_field.cpp
/// \brief Summing interactions; neighbour-list upkeep.
#include "md/force_field.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace fw::md {

void ForceField::add(std::unique_ptr<Interaction> interaction) {
  interactions_.push_back(std::move(interaction));
  list_.reset();
  invalidate();
}

double ForceField::cutoff_A() const {
  double cutoff = 0.0;
  for (const auto& term : interactions_) cutoff = std::max(cutoff, term->cutoff_A());
  return cutoff;
}

const ForceResult& ForceField::compute(System& system, bool allow_sort, bool need_energy) {
  if (interactions_.empty()) throw InputError("potential", "no interaction defined");
  if (!list_) list_ = std::make_unique<NeighborList>(cutoff_A(), skin_A_);
  if (bound_size_ != system.size()) {
    list_->build(system, allow_sort);
    for (auto& term : interactions_) term->bind(system);
    bound_size_ = system.size();
  } else {
    // Sorting every 20th build keeps memory order close to space order as atoms diffuse.
    const bool sort_now = allow_sort && list_->build_count() % 20 == 0;
    list_->update(system, sort_now);
  }
  std::fill(system.f.begin(), system.f.end(), 0.0);
  if (need_energy) result_.clear();
  for (auto& term : interactions_) term->add_forces(system, *list_, result_, need_energy);
  ++computes_;
  return result_;
}

}  // namespace fw::md
