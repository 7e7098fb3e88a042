/// \file gamma_real.hpp
/// \brief Real wavefunctions at Γ: the coefficients of a real ψ(r) obey c(−G) = c(G)*, so the npw
/// complex numbers of the sphere carry npw real ones (ABINIT's istwfk = 2, QE's gamma_only).
#pragma once

#include <cstddef>
#include <vector>

#include "dft/basis/plane_wave_basis.hpp"

namespace fw::dft {

/// The real coordinates of a Γ-point sphere: x_0 = c(0) and, for each pair {G, −G} (G the
/// lexicographically positive one), x_{2j+1} = √2 Re c(G), x_{2j+2} = √2 Im c(G). With this scaling
/// Σ_G a(G)* b(G) = Σ_j x_a,j x_b,j for real functions a, b, so an orthonormal set stays
/// orthonormal and the Hamiltonian is a real symmetric matrix: the eigensolver runs on real vectors
/// (DGEMM, dsyevd) with half the memory and a quarter of the arithmetic of the complex one.
struct GammaRealMap {
  std::size_t zero = 0;            ///< sphere index of G = 0
  std::vector<std::size_t> plus;   ///< sphere index of G of each pair
  std::vector<std::size_t> minus;  ///< sphere index of −G of each pair
  std::vector<double> kinetic;     ///< |G|²/2 per real coordinate (Ha)
  std::size_t size() const { return 1 + 2 * plus.size(); }

  /// x (size() x n, column-major) from the sphere coefficients c (npw x n). A c that is not a
  /// real function's is first projected onto one: c(G) → (c(G) + c(−G)*)/2.
  void to_real(const Complex* c, double* x, std::size_t n) const;
  /// The sphere coefficients c (npw x n) of the real functions x.
  void to_complex(const double* x, Complex* c, std::size_t n) const;
};

/// True when the basis is at k = 0 exactly (where ψ can be chosen real).
bool is_gamma_point(const KPointBasis& basis);

/// The pairing of a Γ-point sphere; throws std::logic_error for another k or a sphere without −G.
GammaRealMap make_gamma_real_map(const KPointBasis& basis);

}  // namespace fw::dft
