/// \file lennard_jones.hpp
/// \brief 12-6 Lennard-Jones between chosen species pairs (Au–C substrate coupling), as LAMMPS
/// `lj/cut` (unshifted, truncated at the cutoff).
#pragma once

#include <string>
#include <vector>

#include "md/engine/interaction.hpp"

namespace fw::md {

struct LjPair {
  std::string species_a, species_b;
  double epsilon_eV;
  double sigma_A;
};

/// Default Au–C pair for gold on graphene/graphite: ε = 0.01273 eV, σ = 2.9943 Å, the values of
/// Lewis, Jensen, Combe and Barrat, "Diffusion of gold nanoclusters on graphite", PRB 61, 16084
/// (2000) (arXiv cond-mat/9911275), used widely since for Au on graphite/graphene. (PRB 56, 2248
/// (1997), cited here before, is the same group's free-cluster melting paper, without carbon.)
LjPair default_au_c_pair();

/// E = Σ 4ε[(σ/r)^12 − (σ/r)^6] over the listed species pairs only (pairs not listed, e.g. C–C
/// of a rigid sheet, contribute nothing), r < cutoff.
class LennardJonesForce : public Interaction {
 public:
  LennardJonesForce(std::vector<LjPair> pairs, double cutoff_A);
  std::string name() const override { return "lj/cut"; }
  double cutoff_A() const override { return cutoff_A_; }
  void bind(const System& system) override;
  bool pair_included(int type_a, int type_b) const override;
  void add_forces(System& system, const NeighborList& list, ForceResult& result,
                  bool need_energy) override;
  const std::vector<LjPair>& pairs() const { return pairs_; }

 private:
  std::vector<LjPair> pairs_;
  double cutoff_A_;
  std::size_t types_ = 0;
  std::vector<double> lj1_, lj2_;  ///< 48εσ^12, 24εσ^6 per type pair (force); 0: not included
  std::vector<double> lj3_, lj4_;  ///< 4εσ^12, 4εσ^6 (energy)
};

}  // namespace fw::md
