/// \file eam_force.cpp
/// \brief The EAM kernels: density pass, embedding, force pass (LAMMPS pair_eam.cpp arithmetic).
#include "md/engine/eam_force.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "md/engine/threads.hpp"

namespace fw::md {

EamForce::EamForce(std::shared_ptr<const EamPotential> potential)
    : potential_(std::move(potential)) {
  pot_types_ = static_cast<int>(potential_->type_count());
  const SplineTable& any = potential_->density(0, 0);
  nr_ = static_cast<int>(any.knots.size());
  inv_dr_ = 1.0 / any.delta;
  cutoff_sq_ = potential_->cutoff_A() * potential_->cutoff_A();
  for (int ti = 0; ti < pot_types_; ++ti) {
    for (int tj = 0; tj < pot_types_; ++tj) {
      const auto& rho_at_i = potential_->density(ti, tj).knots;  // density at i from j
      const auto& rho_at_j = potential_->density(tj, ti).knots;
      const auto& z2 = potential_->r_phi(ti, tj).knots;
      std::vector<DensityKnot> dens(static_cast<std::size_t>(nr_));
      std::vector<ForceKnot> force(static_cast<std::size_t>(nr_));
      for (std::size_t m = 0; m < static_cast<std::size_t>(nr_); ++m) {
        for (int c = 0; c < 4; ++c) {
          dens[m].at_i[c] = rho_at_i[m][static_cast<std::size_t>(3 + c)];
          dens[m].at_j[c] = rho_at_j[m][static_cast<std::size_t>(3 + c)];
          force[m].z2[c] = z2[m][static_cast<std::size_t>(3 + c)];
        }
        for (int c = 0; c < 3; ++c) {
          // LAMMPS: rhoip (slope of the density at j due to i) uses the table of i's density.
          force[m].d_at_i[c] = rho_at_j[m][static_cast<std::size_t>(c)];
          force[m].d_at_j[c] = rho_at_i[m][static_cast<std::size_t>(c)];
          force[m].d_z2[c] = z2[m][static_cast<std::size_t>(c)];
        }
      }
      density_table_.push_back(std::move(dens));
      force_table_.push_back(std::move(force));
    }
  }
}

void EamForce::bind(const System& system) {
  potential_type_.clear();
  bool any_eam = false;
  for (const auto& species : system.type_names) {
    potential_type_.push_back(potential_->type_of(species));
    any_eam = any_eam || potential_type_.back() >= 0;
  }
  if (!any_eam && system.size() > 0) {
    std::string have;
    for (const auto& e : potential_->elements()) have += (have.empty() ? "" : " ") + e;
    throw InputError("potential",
                     "the EAM potential describes " + have + ", none of the species present");
  }
  single_type_ = pot_types_ == 1 && std::all_of(potential_type_.begin(), potential_type_.end(),
                                                [](int t) { return t == 0; });
  const std::size_t n = system.size();
  const auto threads = static_cast<std::size_t>(omp_get_max_threads());
  rho_.assign(n, 0.0);
  fp_.assign(n, 0.0);
  thread_rho_.assign(threads, std::vector<double>(n, 0.0));
  thread_f_.assign(threads, std::vector<double>(3 * n, 0.0));
}

void EamForce::add_forces(System& system, const NeighborList& list, ForceResult& result,
                          bool need_energy) {
  if (rho_.size() != system.size() ||
      thread_rho_.size() != static_cast<std::size_t>(omp_get_max_threads())) {
    bind(system);
  }
  if (single_type_) {
    need_energy ? compute<true, true>(system, list, result)
                : compute<true, false>(system, list, result);
  } else {
    need_energy ? compute<false, true>(system, list, result)
                : compute<false, false>(system, list, result);
  }
}

template <bool kSingleType, bool kEnergy>
void EamForce::compute(System& system, const NeighborList& list, ForceResult& result) {
  const std::size_t n = system.size();
  const double* x = system.x.data();
  const int* type = system.type.data();
  const int* pot_type = potential_type_.data();
  const std::uint32_t* nb = list.neighbors();
  const std::uint16_t* nb_shift = list.shift_indices();
  const Vec3* shifts = list.shift_vectors().data();
  const int nr_last = nr_ - 1;
  const double inv_dr = inv_dr_;
  const double cut_sq = cutoff_sq_;
  const int ntypes = pot_types_;
  const double rho_max = potential_->rho_max();
  const int threads = threads_for_atoms(n);

  double energy = 0.0, w0 = 0.0, w1 = 0.0, w2 = 0.0, w3 = 0.0, w4 = 0.0, w5 = 0.0;
#pragma omp parallel num_threads(threads) reduction(+ : energy, w0, w1, w2, w3, w4, w5)
  {
    const int t = omp_get_thread_num();
    double* rho = t == 0 ? rho_.data() : thread_rho_[static_cast<std::size_t>(t)].data();
    std::fill(rho, rho + n, 0.0);

    // Pass 1: densities. Static blocks of the spatially sorted atoms keep each thread's
    // neighbour writes in its own region of memory (dynamic chunks scattered them and cost 30%
    // on 2 threads); each thread writes only its own buffers.
#pragma omp for schedule(static) nowait
    for (std::size_t i = 0; i < n; ++i) {
      int ti = 0;
      if constexpr (!kSingleType) {
        ti = pot_type[type[i]];
        if (ti < 0) continue;
      }
      const double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      double rho_i = 0.0;
      const auto pair = [&](std::uint32_t j, double dx, double dy, double dz) {
        const double rsq = dx * dx + dy * dy + dz * dz;
        // Written so that NaN fails too: a NaN distance would index the tables at INT_MIN.
        if (!(rsq < cut_sq)) return;
        int tj = 0;
        if constexpr (!kSingleType) {
          tj = pot_type[type[j]];
          if (tj < 0) return;
        }
        double p = std::sqrt(rsq) * inv_dr + 1.0;
        int m = std::min(static_cast<int>(p), nr_last);
        p = std::min(p - m, 1.0);
        const DensityKnot& c =
            density_table_[kSingleType ? 0 : static_cast<std::size_t>(ti * ntypes + tj)]
                          [static_cast<std::size_t>(m - 1)];
        const double rho_from_j = ((c.at_i[0] * p + c.at_i[1]) * p + c.at_i[2]) * p + c.at_i[3];
        rho_i += rho_from_j;
        if constexpr (kSingleType) {
          rho[j] += rho_from_j;  // one species: the density functions of i and j coincide
        } else {
          rho[j] += ((c.at_j[0] * p + c.at_j[1]) * p + c.at_j[2]) * p + c.at_j[3];
        }
      };
      std::uint32_t k = list.begin(i);
      for (const std::uint32_t ks = list.shifted_begin(i); k < ks; ++k) {
        const std::uint32_t j = nb[k];
        pair(j, xi - x[3 * j], yi - x[3 * j + 1], zi - x[3 * j + 2]);
      }
      for (const std::uint32_t ke = list.end(i); k < ke; ++k) {
        const std::uint32_t j = nb[k];
        const Vec3& s = shifts[nb_shift[k]];
        pair(j, xi - x[3 * j] - s.x, yi - x[3 * j + 1] - s.y, zi - x[3 * j + 2] - s.z);
      }
      rho[i] += rho_i;
    }
    double* f = t == 0 ? system.f.data() : thread_f_[static_cast<std::size_t>(t)].data();
    if (t != 0) std::fill(f, f + 3 * n, 0.0);
#pragma omp barrier

      // Embedding energies and F'(rho); LAMMPS extrapolates F linearly beyond the table.
#pragma omp for schedule(static)
    for (std::size_t i = 0; i < n; ++i) {
      double total = rho_[i];
      for (int u = 1; u < threads; ++u) total += thread_rho_[static_cast<std::size_t>(u)][i];
      rho_[i] = total;
      int ti = 0;
      if constexpr (!kSingleType) {
        ti = pot_type[type[i]];
        if (ti < 0) {
          fp_[i] = 0.0;
          continue;
        }
      }
      const SplinePoint e = evaluate(potential_->embedding(ti), total);
      fp_[i] = e.derivative;
      if constexpr (kEnergy)
        energy += total > rho_max ? e.value + e.derivative * (total - rho_max) : e.value;
    }

    // Pass 2: pair forces.
    const double* fp = fp_.data();
#pragma omp for schedule(static) nowait
    for (std::size_t i = 0; i < n; ++i) {
      int ti = 0;
      if constexpr (!kSingleType) {
        ti = pot_type[type[i]];
        if (ti < 0) continue;
      }
      const double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      const double fp_i = fp[i];
      double fxi = 0.0, fyi = 0.0, fzi = 0.0;
      const auto pair = [&](std::uint32_t j, double dx, double dy, double dz) {
        const double rsq = dx * dx + dy * dy + dz * dz;
        if (!(rsq < cut_sq)) return;  // NaN-safe, as in pass 1
        int tj = 0;
        if constexpr (!kSingleType) {
          tj = pot_type[type[j]];
          if (tj < 0) return;
        }
        const double r = std::sqrt(rsq);
        double p = r * inv_dr + 1.0;
        int m = std::min(static_cast<int>(p), nr_last);
        p = std::min(p - m, 1.0);
        const ForceKnot& c =
            force_table_[kSingleType ? 0 : static_cast<std::size_t>(ti * ntypes + tj)]
                        [static_cast<std::size_t>(m - 1)];
        const double rhojp = (c.d_at_j[0] * p + c.d_at_j[1]) * p + c.d_at_j[2];
        const double z2p = (c.d_z2[0] * p + c.d_z2[1]) * p + c.d_z2[2];
        const double z2 = ((c.z2[0] * p + c.z2[1]) * p + c.z2[2]) * p + c.z2[3];
        const double recip = 1.0 / r;
        const double phi = z2 * recip;
        const double phip = z2p * recip - phi * recip;
        double psip;
        if constexpr (kSingleType) {
          psip = (fp_i + fp[j]) * rhojp + phip;  // rho_i' = rho_j' for one species
        } else {
          const double rhoip = (c.d_at_i[0] * p + c.d_at_i[1]) * p + c.d_at_i[2];
          psip = fp_i * rhojp + fp[j] * rhoip + phip;
        }
        const double fpair = -psip * recip;
        fxi += dx * fpair;
        fyi += dy * fpair;
        fzi += dz * fpair;
        f[3 * j] -= dx * fpair;
        f[3 * j + 1] -= dy * fpair;
        f[3 * j + 2] -= dz * fpair;
        if constexpr (kEnergy) {
          energy += phi;
          w0 += dx * dx * fpair;
          w1 += dy * dy * fpair;
          w2 += dz * dz * fpair;
          w3 += dy * dz * fpair;
          w4 += dx * dz * fpair;
          w5 += dx * dy * fpair;
        }
      };
      std::uint32_t k = list.begin(i);
      for (const std::uint32_t ks = list.shifted_begin(i); k < ks; ++k) {
        const std::uint32_t j = nb[k];
        pair(j, xi - x[3 * j], yi - x[3 * j + 1], zi - x[3 * j + 2]);
      }
      for (const std::uint32_t ke = list.end(i); k < ke; ++k) {
        const std::uint32_t j = nb[k];
        const Vec3& s = shifts[nb_shift[k]];
        pair(j, xi - x[3 * j] - s.x, yi - x[3 * j + 1] - s.y, zi - x[3 * j + 2] - s.z);
      }
      f[3 * i] += fxi;
      f[3 * i + 1] += fyi;
      f[3 * i + 2] += fzi;
    }
    if (threads > 1) {
#pragma omp barrier
#pragma omp for schedule(static)
      for (std::size_t k = 0; k < 3 * n; ++k) {
        double total = 0.0;
        for (int u = 1; u < threads; ++u) total += thread_f_[static_cast<std::size_t>(u)][k];
        system.f[k] += total;
      }
    }
  }
  result.energy_eV += energy;
  result.virial_eV[0] += w0;
  result.virial_eV[1] += w1;
  result.virial_eV[2] += w2;
  result.virial_eV[3] += w3;
  result.virial_eV[4] += w4;
  result.virial_eV[5] += w5;
}

}  // namespace fw::md
