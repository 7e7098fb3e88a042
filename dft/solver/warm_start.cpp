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
std::string local_mismatch(const ScfContext& ctx, const ScfState& s) {
  double cell_difference = 0.0;
  for (int i = 0; i < 3; ++i)
    cell_difference = std::max(cell_difference, norm(s.cell_bohr[i] - ctx.crystal.cell_bohr[i]));
  if (cell_difference > 1e-10) return "another cell";
  if (s.ecut_hartree != ctx.settings.ecut_hartree)
    return format("cut-off %g Ha, not %g Ha", s.ecut_hartree, ctx.settings.ecut_hartree);
  if (s.grid.n != ctx.grid.n)
    return format("FFT grid %dx%dx%d, not %dx%dx%d", s.grid.n[0], s.grid.n[1], s.grid.n[2],
                  ctx.grid.n[0], ctx.grid.n[1], ctx.grid.n[2]);
  if (s.n_bands != ctx.n_bands) return format("%zu bands, not %zu", s.n_bands, ctx.n_bands);
  if (s.positions_frac.size() != ctx.crystal.n_atoms())
    return format("%zu atoms, not %zu", s.positions_frac.size(), ctx.crystal.n_atoms());
  if (s.rho_g.size() != ctx.grid.size()) return "a density of another size";
  const std::size_t n_k = ctx.bases.size();
  if (s.kpoints_frac.size() != n_k || s.n_plane_waves.size() != n_k || s.psi.size() != n_k)
    return format("%zu irreducible k-points, not %zu", s.kpoints_frac.size(), n_k);
  for (std::size_t k = 0; k < n_k; ++k) {
    if (norm(s.kpoints_frac[k] - ctx.bases[k].kpoint.frac) > 1e-10)
      return format("another k-point %zu", k);
    if (s.n_plane_waves[k] != ctx.bases[k].size())
      return format("%zu plane waves at k-point %zu, not %zu", s.n_plane_waves[k], k,
                    ctx.bases[k].size());
    if (ctx.distribution.computes(k) && s.psi[k].size() != s.n_plane_waves[k] * s.n_bands)
      return format("no wavefunctions for k-point %zu on MPI rank %d (another k-point split)", k,
                    ctx.world->rank());
  }
  return "";
}

}  // namespace

std::string warm_start_mismatch(const ScfContext& ctx, const ScfState& state) {
  const std::string local = local_mismatch(ctx, state);
  // Ranks agree on everything but the k-points each holds; a rank that lacks its own k-points
  // makes every rank start cold (the density must start alike everywhere).
  if (ctx.world->max(local.empty() ? 0 : 1) == 0) return "";
  return local.empty() ? "another MPI rank lacks the wavefunctions of its k-points" : local;
}

std::optional<std::vector<Complex>> warm_start(ScfContext& ctx, ScfState&& state,
                                               const std::function<void(const std::string&)>& log) {
  const std::string mismatch = warm_start_mismatch(ctx, state);
  if (!mismatch.empty()) {
    log("starting state ignored (" + mismatch + "): cold start");
    return std::nullopt;
  }
  Crystal previous = ctx.crystal;
  previous.positions_frac = state.positions_frac;
  double moved_bohr = 0.0;
  for (std::size_t a = 0; a < previous.n_atoms(); ++a)
    moved_bohr =
        std::max(moved_bohr, norm(ctx.crystal.position_bohr(a) - previous.position_bohr(a)));
  std::vector<Complex> rho = std::move(state.rho_g);
  const std::vector<Complex> atomic_then = atomic_density(ctx, previous);
  const std::vector<Complex> atomic_now = atomic_density(ctx, ctx.crystal);
  for (std::size_t i = 0; i < rho.size(); ++i) rho[i] += atomic_now[i] - atomic_then[i];

  ctx.psi = std::move(state.psi);
  for (std::size_t k = 0; k < ctx.bases.size(); ++k)
    if (ctx.distribution.computes(k)) orthonormalize(ctx.psi[k], ctx.bases[k].size(), ctx.n_bands);
  drop_foreign_wavefunctions(ctx);
  log(
      format("starting state: the previous geometry's wavefunctions and density, atomic "
             "densities moved along (atoms moved up to %.4f bohr)",
             moved_bohr));
  return rho;
}

ScfState take_final_state(ScfContext& ctx, std::vector<Complex> rho_g) {
  ScfState s;
  s.cell_bohr = ctx.crystal.cell_bohr;
  s.ecut_hartree = ctx.settings.ecut_hartree;
  s.grid = ctx.grid;
  s.n_bands = ctx.n_bands;
  for (const auto& b : ctx.bases) {
    s.kpoints_frac.push_back(b.kpoint.frac);
    s.n_plane_waves.push_back(b.size());
  }
  s.psi = std::move(ctx.psi);
  s.psi.resize(ctx.bases.size());
  s.rho_g = std::move(rho_g);
  s.positions_frac = ctx.crystal.positions_frac;
  return s;
}

}  // namespace fw::dft
