/// \file radial_grid.hpp
/// \brief Radial-grid helpers shared by the pseudopotential readers: uniform grids and resampling
/// of tabulated functions between grids (integrals and transforms: dft/pseudo/radial.hpp).
#pragma once

#include <vector>

namespace fw::dft {

/// r_i = i·h for i = 0..n-1 with n = floor(r_max/h + 1e-9) + 1 (bohr).
std::vector<double> uniform_radial_grid(double spacing_bohr, double r_max_bohr);

/// Values at `r_to` of the function tabulated as (r_from, f_from), by local 8-point Lagrange
/// interpolation (degree 7, error O(h⁸)) on any increasing nodes, uniform or not. On the PSML/psp8
/// pairs of one ONCVPSP run it reproduces the psp8 values from the PSML grid to ~1e-9 (4 points:
/// ~1e-5); global interpolants misbehave on ONCVPSP's irregular PSML grid (Boost's
/// Floater–Hormann lost 3% of the Au valence charge). Points beyond r_from.back() get
/// `outside_value`.
std::vector<double> resample_radial(const std::vector<double>& r_from,
                                    const std::vector<double>& f_from,
                                    const std::vector<double>& r_to, double outside_value = 0.0);

}  // namespace fw::dft
