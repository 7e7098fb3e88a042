/// \file lennard_jones.cpp
/// \brief Lennard-Jones pair forces over a type-filtered half list.
#include "md/engine/lennard_jones.hpp"

#include <cmath>

#include "core/error.hpp"

namespace fw::md {

LjPair default_au_c_pair() {
  return {"Au", "C", 0.01273, 2.9943};
}

LennardJonesForce::LennardJonesForce(std::vector<LjPair> pairs, double cutoff_A)
    : pairs_(std::move(pairs)), cutoff_A_(cutoff_A) {
  if (!(cutoff_A > 0.0)) throw InputError("lj cutoff", "must be > 0 A");
  for (const auto& p : pairs_) {
    if (!(p.epsilon_eV >= 0.0) || !(p.sigma_A > 0.0)) {
      throw InputError(
          "lj", "epsilon must be >= 0 eV and sigma > 0 A for " + p.species_a + "-" + p.species_b);
    }
  }
}

void LennardJonesForce::bind(const System& system) {
  types_ = system.type_names.size();
  lj1_.assign(types_ * types_, 0.0);
  lj2_ = lj3_ = lj4_ = lj1_;
  for (const auto& p : pairs_) {
    for (std::size_t a = 0; a < types_; ++a) {
      for (std::size_t b = 0; b < types_; ++b) {
        const bool match =
            (system.type_names[a] == p.species_a && system.type_names[b] == p.species_b) ||
            (system.type_names[a] == p.species_b && system.type_names[b] == p.species_a);
        if (!match) continue;
        const double s6 = std::pow(p.sigma_A, 6), s12 = s6 * s6;
        lj1_[a * types_ + b] = 48.0 * p.epsilon_eV * s12;
        lj2_[a * types_ + b] = 24.0 * p.epsilon_eV * s6;
        lj3_[a * types_ + b] = 4.0 * p.epsilon_eV * s12;
        lj4_[a * types_ + b] = 4.0 * p.epsilon_eV * s6;
      }
    }
  }
}

bool LennardJonesForce::pair_included(int type_a, int type_b) const {
  const std::size_t k =
      static_cast<std::size_t>(type_a) * types_ + static_cast<std::size_t>(type_b);
  return k < lj1_.size() && lj1_[k] != 0.0;
}

void LennardJonesForce::add_forces(System& system, const NeighborList& list, ForceResult& result,
                                   bool need_energy) {
  const double cut_sq = cutoff_A_ * cutoff_A_;
  const double* x = system.x.data();
  double* f = system.f.data();
  double energy = 0.0;
  std::array<double, 6> w{};
  for (std::size_t i = 0; i < system.size(); ++i) {
    for (std::uint32_t k = list.begin(i); k < list.end(i); ++k) {
      const std::uint32_t j = list.neighbors()[k];
      double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1],
             dz = x[3 * i + 2] - x[3 * j + 2];
      if (k >= list.shifted_begin(i)) {
        const Vec3& s = list.shift_vectors()[list.shift_indices()[k]];
        dx -= s.x;
        dy -= s.y;
        dz -= s.z;
      }
      const double rsq = dx * dx + dy * dy + dz * dz;
      if (rsq >= cut_sq) continue;
      const std::size_t t = static_cast<std::size_t>(system.type[i]) * types_ +
                            static_cast<std::size_t>(system.type[j]);
      const double r2inv = 1.0 / rsq, r6inv = r2inv * r2inv * r2inv;
      const double fpair = r6inv * (lj1_[t] * r6inv - lj2_[t]) * r2inv;
      f[3 * i] += dx * fpair;
      f[3 * i + 1] += dy * fpair;
      f[3 * i + 2] += dz * fpair;
      f[3 * j] -= dx * fpair;
      f[3 * j + 1] -= dy * fpair;
      f[3 * j + 2] -= dz * fpair;
      if (need_energy) {
        energy += r6inv * (lj3_[t] * r6inv - lj4_[t]);
        w[0] += dx * dx * fpair;
        w[1] += dy * dy * fpair;
        w[2] += dz * dz * fpair;
        w[3] += dy * dz * fpair;
        w[4] += dx * dz * fpair;
        w[5] += dx * dy * fpair;
      }
    }
  }
  if (need_energy) {
    result.energy_eV += energy;
    for (std::size_t c = 0; c < 6; ++c) result.virial_eV[c] += w[c];
  }
}

}  // namespace fw::md
