/// \file warm_start.cpp
/// \brief Starting an SCF from an earlier geometry's converged state.
#include "dft/solver/warm_start.hpp"

#include <algorithm>
#include <cmath>

#include "core/printf_format.hpp"
#include "dft/solver/davidson.hpp"
#include "dft/solver/scf_setup.hpp"

namespace fw::dft {
namespace {

/// The local part of warm_start_mismatch (this rank's view).
std::string local_mismatch(const KohnShamBasis& ks, const ScfState& s) {
  double cell_difference = 0.0;
  for (int i = 0; i < 3; ++i)
    cell_difference = std::max(cell_difference, norm(s.cell_bohr[i] - ks.crystal.cell_bohr[i]));
  if (cell_difference > 1e-10) return "another cell";
  if (s.ecut_hartree != ks.ecut_hartree)
    return format("cut-off %g Ha, not %g Ha", s.ecut_hartree, ks.ecut_hartree);
  if (s.grid.n != ks.grid.n)
    return format("FFT grid %dx%dx%d, not %dx%dx%d", s.grid.n[0], s.grid.n[1], s.grid.n[2],
                  ks.grid.n[0], ks.grid.n[1], ks.grid.n[2]);
  if (s.n_bands != ks.n_bands) return format("%zu bands, not %zu", s.n_bands, ks.n_bands);
  if (s.positions_frac.size() != ks.crystal.n_atoms())
    return format("%zu atoms, not %zu", s.positions_frac.size(), ks.crystal.n_atoms());
  if (s.kohn_sham.rho_g.size() != ks.grid.size()) return "a density of another size";
  const std::size_t n_k = ks.bases.size();
  if (s.kpoints_frac.size() != n_k || s.n_plane_waves.size() != n_k ||
      s.kohn_sham.psi.size() != n_k)
    return format("%zu irreducible k-points, not %zu", s.kpoints_frac.size(), n_k);
  for (std::size_t k = 0; k < n_k; ++k) {
    if (norm(s.kpoints_frac[k] - ks.bases[k].kpoint.frac) > 1e-10)
      return format("another k-point %zu", k);
    if (s.n_plane_waves[k] != ks.bases[k].size())
      return format("%zu plane waves at k-point %zu, not %zu", s.n_plane_waves[k], k,
                    ks.bases[k].size());
    if (ks.distribution.computes(k) && s.kohn_sham.psi[k].size() != s.n_plane_waves[k] * s.n_bands)
      return format("no wavefunctions for k-point %zu on MPI rank %d (another k-point split)", k,
                    ks.world->rank());
  }
  return "";
}

}  // namespace

std::string warm_start_mismatch(const KohnShamBasis& ks, const ScfState& previous) {
  const std::string local = local_mismatch(ks, previous);
  // Ranks agree on everything but the k-points each holds; a rank that lacks its own k-points
  // makes every rank start cold (the density must start alike everywhere).
  if (ks.world->max(local.empty() ? 0 : 1) == 0) return "";
  return local.empty() ? "another MPI rank lacks the wavefunctions of its k-points" : local;
}

bool warm_start(const KohnShamBasis& ks, ScfState&& previous, KohnShamState& state,
                const std::function<void(const std::string&)>& log) {
  const std::string mismatch = warm_start_mismatch(ks, previous);
  if (!mismatch.empty()) {
    log("starting state ignored (" + mismatch + "): cold start");
    return false;
  }
  Crystal then = ks.crystal;
  then.positions_frac = previous.positions_frac;
  double moved_bohr = 0.0;
  for (std::size_t a = 0; a < then.n_atoms(); ++a)
    moved_bohr = std::max(moved_bohr, norm(ks.crystal.position_bohr(a) - then.position_bohr(a)));
  state.rho_g = std::move(previous.kohn_sham.rho_g);
  const std::vector<Complex> atomic_then = atomic_density(ks, then);
  const std::vector<Complex> atomic_now = atomic_density(ks, ks.crystal);
  for (std::size_t i = 0; i < state.rho_g.size(); ++i)
    state.rho_g[i] += atomic_now[i] - atomic_then[i];

  state.psi = std::move(previous.kohn_sham.psi);
  for (std::size_t k = 0; k < ks.bases.size(); ++k)
    if (ks.distribution.computes(k)) orthonormalize(state.psi[k], ks.bases[k].size(), ks.n_bands);
  drop_foreign_wavefunctions(ks, state);
  log(
      format("starting state: the previous geometry's wavefunctions and density, atomic "
             "densities moved along (atoms moved up to %.4f bohr)",
             moved_bohr));
  return true;
}

ScfState take_final_state(const KohnShamBasis& ks, KohnShamState&& state) {
  ScfState s;
  s.cell_bohr = ks.crystal.cell_bohr;
  s.ecut_hartree = ks.ecut_hartree;
  s.grid = ks.grid;
  s.n_bands = ks.n_bands;
  for (const auto& b : ks.bases) {
    s.kpoints_frac.push_back(b.kpoint.frac);
    s.n_plane_waves.push_back(b.size());
  }
  s.positions_frac = ks.crystal.positions_frac;
  s.kohn_sham = std::move(state);
  s.kohn_sham.psi.resize(ks.bases.size());
  return s;
}

}  // namespace fw::dft
