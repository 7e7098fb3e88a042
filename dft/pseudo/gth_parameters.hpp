/// \file gth_parameters.hpp
/// \brief The analytic parameters of a Goedecker–Teter–Hutter / Hartwigsen–Goedecker–Hutter
/// pseudopotential (GTH: PRB 54, 1703 (1996); HGH: PRB 58, 3641 (1998)), Hartree atomic units.
#pragma once

#include <array>
#include <vector>

namespace fw::dft {

/// V_loc(r) = −Z_ion/r · erf(r/(√2 r_loc)) + exp(−r²/(2 r_loc²)) Σ_k C_k (r/r_loc)^(2k−2)  (HGH Eq.
/// 1) V_nl = Σ_l Σ_m Σ_ij |p_i^l Y_lm> h^l_ij <p_j^l Y_lm|                                  (HGH
/// Eq. 2) p_i^l(r) = √2 r^(l+2(i−1)) exp(−r²/(2 r_l²)) / (r_l^(l+(4i−1)/2) √Γ(l+(4i−1)/2)) (HGH Eq.
/// 3)
struct GthParameters {
  double z_ion = 0.0;                 ///< valence (pseudo-ion) charge
  double r_loc_bohr = 0.0;            ///< r_loc
  std::array<double, 4> c_hartree{};  ///< C1..C4
  struct Channel {
    int l = 0;
    double r_l_bohr = 0.0;          ///< r_l of the Gaussian projectors
    std::vector<double> h_hartree;  ///< full symmetric h^l_ij, n x n row-major
    std::size_t n_projectors() const;
  };
  std::vector<Channel> channels;  ///< ascending l, only channels with projectors
};

inline std::size_t GthParameters::Channel::n_projectors() const {
  std::size_t n = 0;
  while (n * n < h_hartree.size()) ++n;
  return n;
}

}  // namespace fw::dft
