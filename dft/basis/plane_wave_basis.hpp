/// \file plane_wave_basis.hpp
/// \brief The plane waves of one k-point: |k+G|²/2 <= Ecut, with their place in the FFT box.
#pragma once

#include <array>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/basis/kpoints.hpp"
#include "dft/crystal.hpp"

namespace fw::dft {

struct KPointBasis {
  KPoint kpoint;
  Vec3 k_cart;                             ///< bohr⁻¹
  std::vector<std::array<int, 3>> miller;  ///< G = Σ m_d b_d
  std::vector<std::size_t> fft_index;      ///< linear index of G in the FFT box
  std::vector<Vec3> k_plus_g;              ///< Cartesian k+G (bohr⁻¹)
  std::vector<double> kinetic_hartree;     ///< |k+G|²/2
  SphereSupport fft_support;               ///< columns and planes of the box the sphere touches
  std::size_t size() const { return miller.size(); }
};

/// Every G with |k+G|²/2 <= ecut; throws if the FFT box cannot hold 2·Gmax.
KPointBasis make_kpoint_basis(const Crystal& crystal, const FftGrid& grid, const KPoint& k,
                              double ecut_hartree);

}  // namespace fw::dft
