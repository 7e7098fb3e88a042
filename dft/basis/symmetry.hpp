/// \file symmetry.hpp
/// \brief Space-group operations (spglib) usable on the FFT grid, density and force symmetrisation.
#pragma once

#include <array>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/crystal.hpp"

namespace fw::dft {

/// x' = R x + t in fractional coordinates.
struct SymmetryOperation {
  std::array<std::array<int, 3>, 3> rotation{};
  Vec3 translation;
};

/// The crystal's space-group operations (spglib, tolerance `symprec_bohr`) that map the FFT grid
/// onto itself (translations commensurate with the grid); the identity is always first.
/// With `use_symmetry` false only the identity is returned.
std::vector<SymmetryOperation> grid_compatible_symmetry(const Crystal& crystal, const FftGrid& grid,
                                                        bool use_symmetry,
                                                        double symprec_bohr = 1e-5);

/// ρ(r) ← (1/N_ops) Σ_ops ρ(R r + t) on the grid.
void symmetrize_density(std::vector<double>& rho, const FftGrid& grid,
                        const std::vector<SymmetryOperation>& ops);

/// F_a ← (1/N_ops) Σ_ops R_cart⁻¹ F_{op(a)} (Cartesian forces, one per atom).
void symmetrize_forces(std::vector<Vec3>& forces, const Crystal& crystal,
                       const std::vector<SymmetryOperation>& ops);

/// σ ← (1/N_ops) Σ_ops R_cart σ R_cartᵀ (a Cartesian rank-2 tensor: the stress), after σ ← (σ +
/// σᵀ)/2.
void symmetrize_stress(Mat3& sigma, const Crystal& crystal,
                       const std::vector<SymmetryOperation>& ops);

}  // namespace fw::dft
