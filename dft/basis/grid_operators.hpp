/// \file grid_operators.hpp
/// \brief Fields on the FFT grid between real and reciprocal space, band limits and the Nyquist
/// planes — written once for every term and mixer (JDFTx's I/J, core/Operators.h).
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

/// f(r) = Re Σ_G c(G) e^{iG·r} on the grid (c indexed by FFT box index).
std::vector<double> to_real(const std::vector<Complex>& coefficients, const FftPlans& plans);

/// c(G) = (1/N) Σ_r f(r) e^{−iG·r}, N the number of grid points.
std::vector<Complex> to_reciprocal(const std::vector<double>& field, const FftPlans& plans);

/// 1 at every box index on the G = n/2 plane of an even-size axis, where e^{iGr} is not the
/// conjugate of e^{−iGr}; 0 elsewhere.
std::vector<unsigned char> nyquist_mask(const FftGrid& grid);

/// Zeroes the coefficients on even-size Nyquist planes.
void zero_nyquist(std::vector<Complex>& coefficients, const FftGrid& grid);

/// Zeroes the coefficients outside the sphere |G| <= g_max (box_g: the G of each box index).
void band_limit(std::vector<Complex>& coefficients, const std::vector<Vec3>& box_g, double g_max);

}  // namespace fw::dft
