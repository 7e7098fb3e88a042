/// \file atomic_columns.hpp
/// \brief The plane-wave coefficients at one k-point of an atom-centred function f(r) Y_lm(r̂): the
/// form shared by the Kleinman–Bylander projectors and the pseudo-atomic starting orbitals.
#pragma once

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/pseudo/radial.hpp"

namespace fw::dft {

/// column[g] = <k+G|f Y_lm> = (1/√Ω) (−i)^l f̃(|k+G|) Y_lm(k+G) e^{−i(k+G)·τ}, with f̃ = `table`
/// = 4π ∫ r² j_l(qr) f(r) dr (the (−i)^l makes it the transform of a real function at Γ).
void atomic_column(const RadialTransform& table, int l, int m, const KPointBasis& basis,
                   const Vec3& tau_bohr, double volume_bohr3, Complex* column);

}  // namespace fw::dft
