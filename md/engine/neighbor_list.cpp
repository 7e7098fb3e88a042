/// \file neighbor_list.cpp
/// \brief Binning of atoms and their periodic images, and the half-list build over 27 bins.
#include "md/engine/neighbor_list.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/error.hpp"
#include "core/exception_guard.hpp"
#include "md/engine/threads.hpp"
#include "slabs/elements.hpp"

namespace fw::md {

namespace {

/// Below this two atoms of species `a` and `b` overlap (slabs::overlap_distance_A for elements).
double overlap_distance_A(const std::string& a, const std::string& b) {
  return slabs::is_element(a) && slabs::is_element(b)
             ? slabs::overlap_distance_A(slabs::element(a), slabs::element(b))
             : kOverlapDistanceUnknownSpeciesA;
}

/// Atoms i and j are `closeness` = r² / d_overlap² < 1 of their overlap distance.
[[noreturn]] void throw_overlap(const System& system, std::size_t i, std::size_t j,
                                double closeness) {
  const std::string &si = system.type_names[static_cast<std::size_t>(system.type[i])],
                    &sj = system.type_names[static_cast<std::size_t>(system.type[j])];
  const double limit = overlap_distance_A(si, sj);
  std::ostringstream msg;
  msg.precision(3);
  msg << "atoms " << system.id[i] + 1 << " (" << si << ") and " << system.id[j] + 1 << " (" << sj
      << ") overlap: " << std::fixed << limit * std::sqrt(closeness) << " Å apart, closer than "
      << limit << " Å (half the sum of their covalent radii); check the cell (a POSCAR scale "
      << "factor) and the positions";
  throw InputError("structure", msg.str());
}

}  // namespace

NeighborList::NeighborList(double cutoff_A, double skin_A) : cutoff_A_(cutoff_A), skin_A_(skin_A) {
  if (!(cutoff_A > 0.0)) throw InputError("cutoff", "must be positive");
  if (!(skin_A >= 0.0) || skin_A > cutoff_A) {
    throw InputError("skin", "must lie in [0, cutoff] (typical: 0.5-2 A)");
  }
}

bool NeighborList::needs_rebuild(const System& system) const {
  const std::size_t n = system.size();
  if (x_at_build_.size() != 3 * n || begin_.size() != n + 1) return true;
  const double limit_sq = 0.25 * skin_A_ * skin_A_;
  const double* x = system.x.data();
  const double* x0 = x_at_build_.data();
  // Serial on purpose: microseconds per 10^4 atoms, cheaper than a fork/join every step.
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[3 * i] - x0[3 * i], dy = x[3 * i + 1] - x0[3 * i + 1],
                 dz = x[3 * i + 2] - x0[3 * i + 2];
    // NaN-safe: a non-finite position forces the rebuild, whose check names the atom.
    if (!(dx * dx + dy * dy + dz * dz <= limit_sq)) return true;
  }
  return false;
}

bool NeighborList::update(System& system, bool sort_atoms) {
  if (!needs_rebuild(system)) return false;
  build(system, sort_atoms);
  return true;
}

void NeighborList::wrap_and_bin(System& system, bool sort_atoms) {
  const std::size_t n = system.size();
  const Mat3& h = system.cell;
  const double volume = std::abs(determinant(h));
  if (!(volume > 1e-12)) throw InputError("cell", "the cell is singular (zero volume)");
  const Mat3 h_inv = inverse(h);
  const double r_list = cutoff_A_ + skin_A_;

  std::array<double, 3> width{};
  for (int a = 0; a < 3; ++a)
    width[static_cast<std::size_t>(a)] = volume / norm(cross(h[(a + 1) % 3], h[(a + 2) % 3]));

  // Fractional coordinates; wrap periodic axes into [0, 1).
  frac_.resize(3 * n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(system.x[3 * i]) || !std::isfinite(system.x[3 * i + 1]) ||
        !std::isfinite(system.x[3 * i + 2])) {
      throw InputError("positions", "atom " + std::to_string(system.id[i] + 1) +
                                        " has a non-finite position (NaN or inf): given so, "
                                        "or the dynamics diverged");
    }
    Vec3 s = system.position(i) * h_inv;
    bool moved = false;
    for (int a = 0; a < 3; ++a) {
      if (!system.pbc[static_cast<std::size_t>(a)]) continue;
      const double k = std::floor(s[a]);
      if (k != 0.0) {
        s[a] -= k;
        system.image[i][static_cast<std::size_t>(a)] += static_cast<int>(k);
        moved = true;
      }
      if (s[a] >= 1.0) {
        s[a] = 0.0;
        system.image[i][static_cast<std::size_t>(a)] += 1;
        moved = true;
      }
    }
    if (moved) {
      const Vec3 x = s * h;
      system.x[3 * i] = x.x;
      system.x[3 * i + 1] = x.y;
      system.x[3 * i + 2] = x.z;
    }
    frac_[3 * i] = s.x;
    frac_[3 * i + 1] = s.y;
    frac_[3 * i + 2] = s.z;
  }

  // Bin grid over the cell plus a margin of r_list on periodic axes, over the atoms on open ones.
  std::array<int, 3> image_range{0, 0, 0};
  std::array<double, 3> hi{};
  for (std::size_t a = 0; a < 3; ++a) {
    const double pad = r_list / width[a];
    if (system.pbc[a]) {
      image_range[a] = static_cast<int>(std::ceil(pad));
      lo_[a] = -pad;
      hi[a] = 1.0 + pad;
    } else {
      double mn = std::numeric_limits<double>::max(), mx = std::numeric_limits<double>::lowest();
      for (std::size_t i = 0; i < n; ++i) {
        mn = std::min(mn, frac_[3 * i + a]);
        mx = std::max(mx, frac_[3 * i + a]);
      }
      if (n == 0) mn = mx = 0.0;
      lo_[a] = mn - 1e-9;
      hi[a] = mx + 1e-9;
    }
    const int bins = static_cast<int>(std::floor((hi[a] - lo_[a]) / pad));
    nbins_[a] = std::clamp(bins, 1, 1 << 10);
    bin_width_[a] = (hi[a] - lo_[a]) / nbins_[a];
  }
  const auto bin_of = [&](const double* s) {
    int idx[3];
    for (std::size_t a = 0; a < 3; ++a) {
      idx[a] = std::clamp(static_cast<int>((s[a] - lo_[a]) / bin_width_[a]), 0, nbins_[a] - 1);
    }
    return (idx[2] * nbins_[1] + idx[1]) * nbins_[0] + idx[0];
  };
  const std::size_t total_bins = static_cast<std::size_t>(nbins_[0]) * nbins_[1] * nbins_[2];

  // Spatial sort: atoms close in space become close in memory (better cache use in force loops).
  if (sort_atoms && n > 1) {
    atom_bin_.resize(n);
    bin_start_.assign(total_bins + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      atom_bin_[i] = bin_of(&frac_[3 * i]);
      ++bin_start_[static_cast<std::size_t>(atom_bin_[i]) + 1];
    }
    for (std::size_t b = 0; b < total_bins; ++b) bin_start_[b + 1] += bin_start_[b];
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
      order[bin_start_[static_cast<std::size_t>(atom_bin_[i])]++] = static_cast<std::uint32_t>(i);
    system.permute(order);
    std::vector<double> frac_sorted(3 * n);
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t c = 0; c < 3; ++c) frac_sorted[3 * k + c] = frac_[3 * order[k] + c];
    }
    frac_.swap(frac_sorted);
  }

  // Shift table: n_s in [-K, K]^3, enumerated with axis c most significant, so that
  // "index > centre" is the lexicographic "positive image" rule that keeps each pair once.
  const int n0 = 2 * image_range[0] + 1, n1 = 2 * image_range[1] + 1, n2 = 2 * image_range[2] + 1;
  if (static_cast<long>(n0) * n1 * n2 > 65535)
    throw InputError("cell",
                     "the periodic cell is too thin: an atom would meet more than 65535 "
                     "images of itself; use a larger cell");
  shift_vectors_.clear();
  shift_counts_.clear();
  for (int k2 = -image_range[2]; k2 <= image_range[2]; ++k2) {
    for (int k1 = -image_range[1]; k1 <= image_range[1]; ++k1) {
      for (int k0 = -image_range[0]; k0 <= image_range[0]; ++k0) {
        shift_counts_.push_back({k0, k1, k2});
        shift_vectors_.push_back(
            Vec3{static_cast<double>(k0), static_cast<double>(k1), static_cast<double>(k2)} * h);
      }
    }
  }
  const std::size_t centre = shift_vectors_.size() / 2;

  // Candidates: the atoms themselves and every image that falls inside the padded grid.
  cand_owner_.clear();
  cand_shift_.clear();
  cand_bin_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t s = 0; s < shift_counts_.size(); ++s) {
      double sf[3];
      bool inside = true;
      for (std::size_t a = 0; a < 3; ++a) {
        sf[a] = frac_[3 * i + a] + shift_counts_[s][a];
        if (sf[a] < lo_[a] || sf[a] > hi[a]) inside = false;
      }
      if (!inside && s != centre) continue;
      cand_owner_.push_back(static_cast<std::uint32_t>(i));
      cand_shift_.push_back(static_cast<std::uint16_t>(s));
      cand_bin_.push_back(static_cast<std::uint32_t>(bin_of(sf)));
    }
  }
  // Counting sort of the candidates by bin.
  const std::size_t nc = cand_owner_.size();
  bin_start_.assign(total_bins + 1, 0);
  for (std::size_t c = 0; c < nc; ++c) ++bin_start_[cand_bin_[c] + 1];
  for (std::size_t b = 0; b < total_bins; ++b) bin_start_[b + 1] += bin_start_[b];
  cand_order_tmp_.resize(nc);
  {
    std::vector<std::uint32_t> fill(bin_start_.begin(), bin_start_.end() - 1);
    for (std::size_t c = 0; c < nc; ++c)
      cand_order_tmp_[fill[cand_bin_[c]]++] = static_cast<std::uint32_t>(c);
  }
  std::vector<std::uint32_t> owner_sorted(nc);
  std::vector<std::uint16_t> shift_sorted(nc);
  cand_x_.resize(3 * nc);
  for (std::size_t k = 0; k < nc; ++k) {
    const std::uint32_t c = cand_order_tmp_[k];
    owner_sorted[k] = cand_owner_[c];
    shift_sorted[k] = cand_shift_[c];
    const Vec3& t = shift_vectors_[cand_shift_[c]];
    const std::size_t j = cand_owner_[c];
    cand_x_[3 * k] = system.x[3 * j] + t.x;
    cand_x_[3 * k + 1] = system.x[3 * j + 1] + t.y;
    cand_x_[3 * k + 2] = system.x[3 * j + 2] + t.z;
  }
  cand_owner_.swap(owner_sorted);
  cand_shift_.swap(shift_sorted);
  atom_bin_.resize(n);
  for (std::size_t i = 0; i < n; ++i) atom_bin_[i] = bin_of(&frac_[3 * i]);
}

void NeighborList::build(System& system, bool sort_atoms) {
  wrap_and_bin(system, sort_atoms);
  const std::size_t n = system.size();
  if (n >= (1u << 31)) throw InputError("structure", "too many atoms for one neighbour list");
  const double r_list_sq = (cutoff_A_ + skin_A_) * (cutoff_A_ + skin_A_);
  const double cutoff_sq = cutoff_A_ * cutoff_A_;
  const std::uint16_t centre = static_cast<std::uint16_t>(shift_vectors_.size() / 2);
  const int threads = threads_for_atoms(n);
  thread_neighbors_.resize(static_cast<std::size_t>(threads));
  thread_shifts_.resize(static_cast<std::size_t>(threads));
  begin_.assign(n + 1, 0);
  shifted_begin_.assign(n, 0);
  std::vector<std::uint32_t> plain_count(n), shifted_count(n);
  // The pair most inside its overlap distance: min over pairs of r^2 / d_overlap^2 (< 1: overlap).
  const std::vector<double> inv_overlap_sq = inverse_squared_overlap_distances(system);
  const std::size_t types = system.type_names.size();
  double closeness = std::numeric_limits<double>::max();
  std::size_t closest_i = 0, closest_j = 0;

  const bool masked = !type_pair_mask_.empty();
  const std::uint8_t* mask = type_pair_mask_.data();
  // Nothing may leave the parallel region (std::terminate): bad_alloc and the rest are held here
  // and rethrown after it.
  ExceptionGuard guard;
#pragma omp parallel num_threads(threads)
  {
    const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
    auto& out = thread_neighbors_[t];
    auto& out_shift = thread_shifts_[t];
    out.clear();
    out_shift.clear();
    // Within each part, pairs inside the cutoff at build time come first and the skin shell
    // after: the kernels' "r < cutoff" branch then stays predictable between rebuilds.
    std::vector<std::uint32_t> skin_j, shifted_j, shifted_skin_j;
    std::vector<std::uint16_t> shifted_s, shifted_skin_s;
    double my_closeness = std::numeric_limits<double>::max();
    std::size_t my_i = 0, my_j = 0;
    const auto collect = [&](std::size_t i) {
      const double xi = system.x[3 * i], yi = system.x[3 * i + 1], zi = system.x[3 * i + 2];
      const int type_i = system.type[i];
      const int b = atom_bin_[i];
      const int bx = b % nbins_[0], by = (b / nbins_[0]) % nbins_[1],
                bz = b / (nbins_[0] * nbins_[1]);
      skin_j.clear();
      shifted_j.clear();
      shifted_s.clear();
      shifted_skin_j.clear();
      shifted_skin_s.clear();
      std::uint32_t plain = 0;
      for (int dz = std::max(bz - 1, 0); dz <= std::min(bz + 1, nbins_[2] - 1); ++dz) {
        for (int dy = std::max(by - 1, 0); dy <= std::min(by + 1, nbins_[1] - 1); ++dy) {
          for (int dx = std::max(bx - 1, 0); dx <= std::min(bx + 1, nbins_[0] - 1); ++dx) {
            const std::size_t bin =
                static_cast<std::size_t>((dz * nbins_[1] + dy) * nbins_[0] + dx);
            for (std::uint32_t c = bin_start_[bin]; c < bin_start_[bin + 1]; ++c) {
              const std::uint32_t j = cand_owner_[c];
              const std::uint16_t s = cand_shift_[c];
              if (s == centre ? j <= i : s < centre) continue;
              if (masked && !mask[static_cast<std::size_t>(type_i) * mask_types_ +
                                  static_cast<std::size_t>(system.type[j])]) {
                continue;
              }
              const double ddx = cand_x_[3 * c] - xi, ddy = cand_x_[3 * c + 1] - yi,
                           ddz = cand_x_[3 * c + 2] - zi;
              const double rsq = ddx * ddx + ddy * ddy + ddz * ddz;
              if (rsq >= r_list_sq) continue;
              if (check_overlap_) {
                const double pair_closeness =
                    rsq * inv_overlap_sq[static_cast<std::size_t>(type_i) * types +
                                         static_cast<std::size_t>(system.type[j])];
                if (pair_closeness < my_closeness) {
                  my_closeness = pair_closeness;
                  my_i = i;
                  my_j = j;
                }
              }
              const bool inner = rsq < cutoff_sq;
              if (s == centre) {
                if (inner) {
                  out.push_back(j);
                  out_shift.push_back(s);
                } else {
                  skin_j.push_back(j);
                }
                ++plain;
              } else if (inner) {
                shifted_j.push_back(j);
                shifted_s.push_back(s);
              } else {
                shifted_skin_j.push_back(j);
                shifted_skin_s.push_back(s);
              }
            }
          }
        }
      }
      out.insert(out.end(), skin_j.begin(), skin_j.end());
      out_shift.insert(out_shift.end(), skin_j.size(), centre);
      out.insert(out.end(), shifted_j.begin(), shifted_j.end());
      out_shift.insert(out_shift.end(), shifted_s.begin(), shifted_s.end());
      out.insert(out.end(), shifted_skin_j.begin(), shifted_skin_j.end());
      out_shift.insert(out_shift.end(), shifted_skin_s.begin(), shifted_skin_s.end());
      plain_count[i] = plain;
      shifted_count[i] = static_cast<std::uint32_t>(shifted_j.size() + shifted_skin_j.size());
    };
#pragma omp for schedule(static)
    for (std::size_t i = 0; i < n; ++i) guard.run([&] { collect(i); });
#pragma omp critical
    if (my_closeness < closeness) {
      closeness = my_closeness;
      closest_i = my_i;
      closest_j = my_j;
    }
  }
  guard.rethrow();

  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    begin_[i] = static_cast<std::uint32_t>(total);
    shifted_begin_[i] = static_cast<std::uint32_t>(total + plain_count[i]);
    total += plain_count[i] + shifted_count[i];
    if (total >= (std::size_t{1} << 32)) throw InputError("structure", "neighbour list too large");
  }
  begin_[n] = static_cast<std::uint32_t>(total);
  neighbors_.resize(total);
  shift_index_.resize(total);
  std::size_t offset = 0;
  for (int t = 0; t < threads; ++t) {
    const auto& part = thread_neighbors_[static_cast<std::size_t>(t)];
    std::copy(part.begin(), part.end(), neighbors_.begin() + static_cast<std::ptrdiff_t>(offset));
    const auto& part_s = thread_shifts_[static_cast<std::size_t>(t)];
    std::copy(part_s.begin(), part_s.end(),
              shift_index_.begin() + static_cast<std::ptrdiff_t>(offset));
    offset += part.size();
  }
  x_at_build_ = system.x;
  ++builds_;
  if (closeness < 1.0) throw_overlap(system, closest_i, closest_j, closeness);
}

std::vector<double> NeighborList::inverse_squared_overlap_distances(const System& system) const {
  const std::size_t types = system.type_names.size();
  if (!check_overlap_) return {};
  std::vector<double> table(types * types);
  for (std::size_t a = 0; a < types; ++a) {
    for (std::size_t b = 0; b < types; ++b) {
      const double d = overlap_distance_A(system.type_names[a], system.type_names[b]);
      table[a * types + b] = 1.0 / (d * d);
    }
  }
  return table;
}

}  // namespace fw::md
