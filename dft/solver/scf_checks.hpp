/// \file scf_checks.hpp
/// \brief Settings that cannot give a meaningful SCF, refused before the work starts with an
/// fw::InputError naming the option (--nbands, --fft-grid, --ecut, ...).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {

/// Finite, positive cut-off, tolerances, mixing and counts; a spin setting that fits the run.
void check_scalar_settings(const ScfSettings& s);

/// Smeared occupations need room above the electrons: 2·n_bands > N_el.
void check_band_count(std::size_t n_bands, double n_electrons, bool user_given);

/// A user grid must hold the density sphere |G| <= 2 Gmax (`minimum`, see minimum_fft_grid).
void check_fft_grid(const std::array<int, 3>& grid, const std::array<int, 3>& minimum,
                    const FftGrid& automatic);

/// Every k-point needs at least n_bands plane waves.
void check_plane_waves_hold_bands(const std::vector<KPointBasis>& bases, std::size_t n_bands);

/// A checkpoint with NaN or infinite coefficients cannot restart an SCF.
void check_checkpoint_values(const std::string& path, const std::vector<std::vector<Complex>>& psi,
                             const std::vector<Complex>& rho_g);

}  // namespace fw::dft
