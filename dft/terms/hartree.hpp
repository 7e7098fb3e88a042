/// \file hartree.hpp
/// \brief Hartree energy and potential from the density's Fourier coefficients (G = 0 excluded).
#pragma once

#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

/// E_H = (Ω/2) Σ_{G≠0} 4π |ρ(G)|²/G²; fills v_h(G) = 4π ρ(G)/G² (0 at G = 0).
double hartree(const std::vector<Complex>& rho_g, const std::vector<Vec3>& box_g,
               double volume_bohr3, std::vector<Complex>& v_h_g);

}  // namespace fw::dft
