/// \file cna.cpp
/// \brief Common-neighbour analysis on the local bond graph of each atom's nearest neighbours.
#include "md/analysis/cna.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "md/analysis/neighbors.hpp"

namespace fw::md {
namespace {

using Neighbor = NeighborVector;

/// CNA signature of the bond (i, j): common neighbours, bonds among them, longest chain.
struct Signature {
  int common = 0;
  int bonds = 0;
  int chain = 0;
};

/// Signatures of the bonds from the central atom to each of `n` neighbours, where
/// `bonded[k]` is the bit mask of the neighbours bonded to neighbour k.
std::vector<Signature> signatures(const std::vector<std::uint32_t>& bonded, int n) {
  std::vector<Signature> out(static_cast<std::size_t>(n));
  for (int j = 0; j < n; ++j) {
    const std::uint32_t common = bonded[static_cast<std::size_t>(j)];
    Signature& s = out[static_cast<std::size_t>(j)];
    s.common = std::popcount(common);
    // Bonds among the common neighbours, and the largest connected cluster of those bonds
    // (the "longest chain" of Faken and Jónsson, counted in bonds as OVITO and LAMMPS do).
    std::vector<std::pair<int, int>> bonds;
    for (int k = 0; k < n; ++k) {
      if (!(common >> k & 1u)) continue;
      const std::uint32_t partners = bonded[static_cast<std::size_t>(k)] & common;
      for (int l = k + 1; l < n; ++l)
        if (partners >> l & 1u) bonds.emplace_back(k, l);
    }
    s.bonds = static_cast<int>(bonds.size());
    std::vector<int> cluster(bonds.size(), -1);
    int largest = 0;
    for (std::size_t b = 0; b < bonds.size(); ++b) {
      if (cluster[b] >= 0) continue;
      // Flood fill over bonds that share an atom.
      std::vector<std::size_t> stack{b};
      cluster[b] = static_cast<int>(b);
      int size = 0;
      while (!stack.empty()) {
        const std::size_t c = stack.back();
        stack.pop_back();
        ++size;
        for (std::size_t d = 0; d < bonds.size(); ++d) {
          if (cluster[d] >= 0) continue;
          const bool shares =
              bonds[d].first == bonds[c].first || bonds[d].first == bonds[c].second ||
              bonds[d].second == bonds[c].first || bonds[d].second == bonds[c].second;
          if (shares) {
            cluster[d] = static_cast<int>(b);
            stack.push_back(d);
          }
        }
      }
      largest = std::max(largest, size);
    }
    s.chain = largest;
  }
  return out;
}

/// Bond masks among the first `n` neighbours with squared cutoff `c2`.
std::vector<std::uint32_t> bond_masks(const std::vector<Neighbor>& nb, int n, double c2) {
  std::vector<std::uint32_t> bonded(static_cast<std::size_t>(n), 0u);
  for (int k = 0; k < n; ++k)
    for (int l = k + 1; l < n; ++l) {
      const Vec3 d = nb[static_cast<std::size_t>(k)].r - nb[static_cast<std::size_t>(l)].r;
      if (dot(d, d) < c2) {
        bonded[static_cast<std::size_t>(k)] |= 1u << l;
        bonded[static_cast<std::size_t>(l)] |= 1u << k;
      }
    }
  return bonded;
}

/// fcc, hcp or ico from 12 neighbours' signatures; other otherwise.
CnaType classify_12(const std::vector<Signature>& sig) {
  int n421 = 0, n422 = 0, n555 = 0;
  for (const Signature& s : sig) {
    if (s.common == 4 && s.bonds == 2 && s.chain == 1) ++n421;
    if (s.common == 4 && s.bonds == 2 && s.chain == 2) ++n422;
    if (s.common == 5 && s.bonds == 5 && s.chain == 5) ++n555;
  }
  if (n421 == 12) return CnaType::fcc;
  if (n421 == 6 && n422 == 6) return CnaType::hcp;
  if (n555 == 12) return CnaType::ico;
  return CnaType::other;
}

/// bcc from 14 neighbours' signatures (8 × 666 + 6 × 444); other otherwise.
CnaType classify_14(const std::vector<Signature>& sig) {
  int n666 = 0, n444 = 0;
  for (const Signature& s : sig) {
    if (s.common == 6 && s.bonds == 6 && s.chain == 6) ++n666;
    if (s.common == 4 && s.bonds == 4 && s.chain == 4) ++n444;
  }
  return n666 == 8 && n444 == 6 ? CnaType::bcc : CnaType::other;
}

CnaType classify_conventional(const std::vector<Neighbor>& nb, double cutoff_A) {
  const double c2 = cutoff_A * cutoff_A;
  const int n = static_cast<int>(
      std::count_if(nb.begin(), nb.end(), [&](const Neighbor& x) { return x.r2 < c2; }));
  if (n == 12) return classify_12(signatures(bond_masks(nb, 12, c2), 12));
  if (n == 14) return classify_14(signatures(bond_masks(nb, 14, c2), 14));
  return CnaType::other;
}

CnaType classify_adaptive(const std::vector<Neighbor>& nb) {
  // Stukowski (2012), Eqs. (3) and (4): local cutoffs from the nearest-neighbour distances.
  const double factor = (1.0 + std::sqrt(2.0)) / 2.0;
  if (nb.size() >= 12) {
    double sum = 0.0;
    for (std::size_t k = 0; k < 12; ++k) sum += std::sqrt(nb[k].r2);
    const double rc = factor * sum / 12.0;
    const double c2 = rc * rc;
    const CnaType t = classify_12(signatures(bond_masks(nb, 12, c2), 12));
    if (t != CnaType::other) return t;
  }
  if (nb.size() >= 14) {
    double sum = 0.0;
    for (std::size_t k = 0; k < 8; ++k) sum += 2.0 / std::sqrt(3.0) * std::sqrt(nb[k].r2);
    for (std::size_t k = 8; k < 14; ++k) sum += std::sqrt(nb[k].r2);
    const double rc = factor * sum / 14.0;
    const double c2 = rc * rc;
    return classify_14(signatures(bond_masks(nb, 14, c2), 14));
  }
  return CnaType::other;
}

}  // namespace

std::string cna_type_name(CnaType type) {
  switch (type) {
    case CnaType::fcc:
      return "fcc";
    case CnaType::hcp:
      return "hcp";
    case CnaType::bcc:
      return "bcc";
    case CnaType::ico:
      return "ico";
    case CnaType::other:
      break;
  }
  return "other";
}

void check_cna_settings(const CnaSettings& settings, const std::string& option) {
  if (settings.mode != "adaptive" && settings.mode != "conventional")
    throw InputError(option,
                     "CNA mode must be 'adaptive' or 'conventional', not '" + settings.mode + "'");
  if (!(settings.cutoff_A > 0.0)) throw InputError(option, "CNA cutoff must be > 0 Å");
  if (settings.search_cutoff_A < 0.0)
    throw InputError(option, "adaptive CNA search cutoff must be >= 0 Å");
}

std::vector<CnaType> common_neighbor_analysis(const System& system, const CnaSettings& settings) {
  check_cna_settings(settings, "cna");
  const bool adaptive = settings.mode == "adaptive";
  const double search = adaptive ? (settings.search_cutoff_A > 0.0 ? settings.search_cutoff_A
                                                                   : 1.45 * settings.cutoff_A)
                                 : settings.cutoff_A;
  std::vector<CnaType> types(system.size(), CnaType::other);
  if (system.size() == 0) return types;
  const auto lists = full_neighbor_lists(system, search);
#pragma omp parallel for schedule(dynamic, 64)
  for (std::size_t i = 0; i < system.size(); ++i)
    types[i] = adaptive ? classify_adaptive(lists[i]) : classify_conventional(lists[i], search);
  return types;
}

long CnaCounts::total() const {
  long t = 0;
  for (long c : count) t += c;
  return t;
}

double CnaCounts::fraction(CnaType type) const {
  const long t = total();
  return t > 0 ? static_cast<double>(of(type)) / static_cast<double>(t) : 0.0;
}

CnaCounts count_cna(const std::vector<CnaType>& types, const std::vector<std::size_t>& selected) {
  CnaCounts c;
  const auto add = [&](CnaType t) { ++c.count[static_cast<std::size_t>(static_cast<int>(t) - 1)]; };
  if (selected.empty()) {
    for (CnaType t : types) add(t);
  } else {
    for (std::size_t i : selected) add(types.at(i));
  }
  return c;
}

}  // namespace fw::md
