/// \file scf_checks.cpp
/// \brief Checks of the SCF settings against the cell.
#include "dft/solver/scf_checks.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace fw::dft {
namespace {

std::string triplet(const std::array<int, 3>& n) {
  return std::to_string(n[0]) + "x" + std::to_string(n[1]) + "x" + std::to_string(n[2]);
}

bool finite(const Complex& c) {
  return std::isfinite(c.real()) && std::isfinite(c.imag());
}

}  // namespace

void check_scalar_settings(const ScfSettings& s) {
  if (!(std::isfinite(s.ecut_hartree) && s.ecut_hartree > 0.0))
    throw InputError("--ecut", "cut-off must be a positive finite energy");
  for (int n : s.kpoint_mesh)
    if (n < 1) throw InputError("--kpts", "mesh sizes must be at least 1");
  if (!(s.energy_tolerance_hartree > 0.0))
    throw InputError("--toldfe", "tolerance must be positive");
  if (s.max_iterations < 1) throw InputError("--max-steps", "need at least one SCF step");
  if (!(s.mixing_beta > 0.0 && s.mixing_beta <= 1.0))
    throw InputError("--mixing-beta", "expected 0 < beta <= 1");
  if (s.n_bands < 0) throw InputError("--nbands", "band count must be positive (0: automatic)");
  if (s.mixing_history < 1) throw InputError("mixing_history", "must be at least 1");
  if (s.n_spin != 1 && s.n_spin != 2)
    throw InputError("--nspin", "expected 1 (unpolarised) or 2 (collinear spin)");
  if (s.n_spin == 1 && !s.starting_moments.empty())
    throw InputError("--magmom", "starting moments need a spin-polarised run (--nspin 2)");
  if (s.n_spin == 2 && s.starting_moments.empty())
    throw InputError("--nspin",
                     "a spin-polarised run needs a starting moment (e.g. --magmom "
                     "Ni=0.6): without one the two channels stay equal");
  if (s.n_spin == 2 && s.compute_stress)
    throw InputError("--stress",
                     "the stress of a spin-polarised run is not implemented (its "
                     "spin XC stress is missing); drop --stress or use --nspin 1");
  if (s.n_spin == 2 && !s.checkpoint_path.empty())
    throw InputError("--checkpoint",
                     "checkpoints do not hold both spin channels yet; drop "
                     "--checkpoint or use --nspin 1");
}

void check_band_count(std::size_t n_bands, double n_electrons, bool user_given) {
  const auto minimum = static_cast<std::size_t>(std::floor(0.5 * n_electrons)) + 1;
  if (n_bands >= minimum) return;
  throw InputError(user_given ? "--nbands" : "n_bands",
                   std::to_string(n_bands) + " bands cannot hold " +
                       std::to_string(static_cast<long>(std::lround(n_electrons))) +
                       " valence electrons with smeared occupations; need at least " +
                       std::to_string(minimum) + " (0 chooses automatically)");
}

void check_fft_grid(const std::array<int, 3>& grid, const std::array<int, 3>& minimum,
                    const FftGrid& automatic) {
  for (int d = 0; d < 3; ++d)
    if (grid[static_cast<std::size_t>(d)] < minimum[static_cast<std::size_t>(d)])
      throw InputError("--fft-grid", triplet(grid) +
                                         " is too small for the density sphere of this cut-off; "
                                         "need at least " +
                                         triplet(minimum) + " (automatic " + triplet(automatic.n) +
                                         ")");
}

void check_plane_waves_hold_bands(const std::vector<KPointBasis>& bases, std::size_t n_bands) {
  for (std::size_t k = 0; k < bases.size(); ++k)
    if (bases[k].size() < n_bands)
      throw InputError("--ecut", "k-point " + std::to_string(k + 1) + " has only " +
                                     std::to_string(bases[k].size()) + " plane waves for " +
                                     std::to_string(n_bands) +
                                     " bands; raise the cut-off (or check the cell volume)");
}

void check_checkpoint_values(const std::string& path, const std::vector<std::vector<Complex>>& psi,
                             const std::vector<Complex>& rho_g) {
  const bool ok = std::all_of(rho_g.begin(), rho_g.end(), finite) &&
                  std::all_of(psi.begin(), psi.end(), [](const auto& p) {
                    return std::all_of(p.begin(), p.end(), finite);
                  });
  if (!ok)
    throw InputError(path, "checkpoint holds NaN or infinite values; delete it to start afresh");
}

}  // namespace fw::dft
