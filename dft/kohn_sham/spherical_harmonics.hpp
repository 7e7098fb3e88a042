/// \file spherical_harmonics.hpp
/// \brief Real spherical harmonics Y_lm(q̂), l <= 3 (orthonormal on the unit sphere).
#pragma once

#include "core/vec3.hpp"

namespace fw::dft {

/// Y_lm for m index 0..2l of an arbitrary real orthonormal basis (the one in the .cpp); q may be
/// unnormalised; for q = 0 the direction ẑ is used (all l > 0 form factors vanish there).
double real_spherical_harmonic(int l, int m, const Vec3& q);

/// ∇_q Y_lm(q̂) = (1 − q̂q̂ᵀ) ∇P_lm(q̂)/|q|, P_lm the polynomial of the .cpp (any extension of Y_lm off
/// the unit sphere gives the same tangential gradient); zero for q = 0.
Vec3 real_spherical_harmonic_gradient(int l, int m, const Vec3& q);

}  // namespace fw::dft
