/// \file memory_estimate.cpp
/// \brief Memory estimate per rank and the check against the machine.
#include "dft/solver/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/error.hpp"

namespace fw::dft {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr double kComplex = 16.0;

std::string gib(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, bytes >= 0.1 * kGiB ? "%.2f GiB" : "%.1f MiB",
                bytes >= 0.1 * kGiB ? bytes / kGiB : bytes / (1024.0 * 1024.0));
  return buffer;
}

double projectors_per_cell(const Crystal& crystal) {
  double n = 0.0;
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a)
    for (const auto& ch :
         crystal.species[static_cast<std::size_t>(crystal.species_of_atom[a])].channels)
      n += static_cast<double>((2 * ch.l + 1) * static_cast<int>(ch.projectors.size()));
  return n;
}

}  // namespace

double MemoryEstimate::total_bytes() const {
  return wavefunctions_bytes + bases_bytes + projectors_bytes + eigensolver_bytes + grids_bytes +
         kmesh_bytes;
}

std::string MemoryEstimate::summary(double available_bytes) const {
  return "memory estimate per rank: " + gib(total_bytes()) + " (wavefunctions " +
         gib(wavefunctions_bytes) + ", projectors " + gib(projectors_bytes) + ", eigensolver " +
         gib(eigensolver_bytes) + ", grids " + gib(grids_bytes) + ", bases " + gib(bases_bytes) +
         ") of " + gib(available_bytes) + " available";
}

MemoryEstimate estimate_memory(const Crystal& crystal, const MemoryInputs& in) {
  MemoryEstimate m;
  const double g_max = std::sqrt(2.0 * in.ecut_hartree);
  m.plane_waves_per_k =
      crystal.volume_bohr3() * g_max * g_max * g_max / (6.0 * std::numbers::pi * std::numbers::pi);
  const double npw = std::max(1.0, m.plane_waves_per_k);
  const double nb = static_cast<double>(in.n_bands);
  // Ranks sharing a k-point (more ranks than k-points) split its bands' work and eigensolver
  // blocks but each holds all of its wavefunctions: that memory per rank does not fall below one k.
  m.kpoints_on_rank = std::ceil(in.irreducible_kpoints / std::max(1, in.ranks));
  const double nk = m.kpoints_on_rank;
  // Threads run over k-points (one Davidson block and FFT buffer each) only where each has one;
  // otherwise they share one k-point's transforms (scf_setup.cpp).
  const double threads = nk >= std::max(1, in.threads) ? std::max(1, in.threads) : 1.0;
  m.wavefunctions_bytes = nk * npw * nb * kComplex;
  m.bases_bytes = nk * npw * (12.0 + 8.0 + 24.0 + 8.0);
  m.projectors_bytes = nk * npw * projectors_per_cell(crystal) * kComplex;
  // Basis V and H·V (3·n_bands each), Ritz vectors, H·X, residuals and corrections (n_bands each);
  // real numbers at a real Γ point (gamma_real.hpp), with its real copy of the projectors.
  const double eigensolver_number = in.real_gamma_only ? 8.0 : kComplex;
  // Ranks sharing a k-point hold only their plane-wave rows of the blocks (row_layout.hpp).
  const double sharing = std::max(1.0, std::floor(in.ranks / in.irreducible_kpoints));
  m.eigensolver_bytes = threads * npw * nb * (6.0 + 5.0) * eigensolver_number / sharing;
  if (in.real_gamma_only) m.projectors_bytes *= 1.5;
  const double n_grid = static_cast<double>(in.grid.size());
  // Box G vectors (24 B), ~12 complex and ~8 real fields, 2·history mixer fields, the LDOS
  // mixer's GMRES Krylov basis (≤ 40 real fields, dft/mixing/ldos.cpp) and its LDOS, FFT buffers.
  m.grids_bytes =
      n_grid * (24.0 + 12.0 * kComplex + 8.0 * 8.0 + 2.0 * in.mixing_history * kComplex +
                42.0 * 8.0 + (threads + 1.0) * kComplex);
  m.kmesh_bytes = in.full_mesh_points * 16.0;
  return m;
}

MemoryLimit memory_per_rank(int ranks_on_node) {
  MemoryLimit m = memory_limit(MemoryBasis::installed);
  m.bytes /= std::max(1, ranks_on_node);
  return m;
}

void check_memory_fits(const MemoryEstimate& m, const MemoryInputs& in,
                       const MemoryLimit& available, bool fft_grid_overridden) {
  const double available_bytes = available.bytes;
  if (m.total_bytes() <= available_bytes) return;
  // Name the setting that, alone, would not fit: the k-mesh, the grid, or the per-k cost.
  const double per_k = (m.wavefunctions_bytes + m.bases_bytes + m.projectors_bytes) /
                       std::max(1.0, m.kpoints_on_rank);
  std::string option, why;
  char mesh[64];
  std::snprintf(mesh, sizeof mesh, "%.0f k-points", in.full_mesh_points);
  if (m.kmesh_bytes > 0.5 * available_bytes ||
      (m.kpoints_on_rank > 1.0 &&
       per_k + m.eigensolver_bytes + m.grids_bytes < 0.5 * available_bytes &&
       m.wavefunctions_bytes + m.projectors_bytes > m.grids_bytes)) {
    option = "--kpts";
    why = std::string("the mesh has ") + mesh;
  } else if (m.grids_bytes >= m.wavefunctions_bytes + m.projectors_bytes + m.eigensolver_bytes) {
    option = fft_grid_overridden ? "--fft-grid" : "--ecut";
    why = "the FFT grid " + std::to_string(in.grid.n[0]) + "x" + std::to_string(in.grid.n[1]) +
          "x" + std::to_string(in.grid.n[2]) + " alone needs " + gib(m.grids_bytes);
  } else {
    option = "--ecut";
    char text[128];
    std::snprintf(text, sizeof text, "~%.3g plane waves per k-point x %zu bands",
                  m.plane_waves_per_k, in.n_bands);
    why = text;
  }
  throw InputError(option, "the run needs about " + gib(m.total_bytes()) + " per rank (" + why +
                               ") but only " + gib(available_bytes) + " is available (" +
                               available.limited_by + "); reduce " + option);
}

}  // namespace fw::dft
