/// \file gamma_real.cpp
/// \brief Pairing of G and −G in a Γ-point sphere and the real coordinates of its coefficients.
#include "dft/basis/gamma_real.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

namespace fw::dft {
namespace {

const double kSqrt2 = std::sqrt(2.0);

/// Lexicographic sign of a Miller triple: +1, −1, or 0 for G = 0.
int sign_of(const std::array<int, 3>& m) {
  for (int v : m)
    if (v != 0) return v > 0 ? 1 : -1;
  return 0;
}

}  // namespace

bool is_gamma_point(const KPointBasis& basis) {
  return basis.kpoint.frac[0] == 0.0 && basis.kpoint.frac[1] == 0.0 && basis.kpoint.frac[2] == 0.0;
}

GammaRealMap make_gamma_real_map(const KPointBasis& basis) {
  if (!is_gamma_point(basis)) throw std::logic_error("real wavefunctions need the Γ point");
  std::map<std::array<int, 3>, std::size_t> index_of;
  for (std::size_t g = 0; g < basis.size(); ++g) index_of[basis.miller[g]] = g;
  GammaRealMap map;
  bool has_zero = false;
  for (std::size_t g = 0; g < basis.size(); ++g) {
    const auto& m = basis.miller[g];
    const int sign = sign_of(m);
    if (sign == 0) {
      map.zero = g;
      has_zero = true;
    }
    if (sign <= 0) continue;
    const auto partner = index_of.find({-m[0], -m[1], -m[2]});
    if (partner == index_of.end()) throw std::logic_error("Γ-point sphere without −G");
    map.plus.push_back(g);
    map.minus.push_back(partner->second);
  }
  if (!has_zero || map.size() != basis.size())
    throw std::logic_error("Γ-point sphere is not symmetric under G → −G");
  map.kinetic.resize(map.size());
  map.kinetic[0] = basis.kinetic_hartree[map.zero];
  for (std::size_t j = 0; j < map.plus.size(); ++j)
    map.kinetic[2 * j + 1] = map.kinetic[2 * j + 2] = basis.kinetic_hartree[map.plus[j]];
  return map;
}

void GammaRealMap::to_real(const Complex* c, double* x, std::size_t n) const {
  const std::size_t npw = size();
  for (std::size_t b = 0; b < n; ++b) {
    const Complex* cb = c + b * npw;
    double* xb = x + b * npw;
    xb[0] = cb[zero].real();
    for (std::size_t j = 0; j < plus.size(); ++j) {
      const Complex symmetric = 0.5 * (cb[plus[j]] + std::conj(cb[minus[j]]));
      xb[2 * j + 1] = kSqrt2 * symmetric.real();
      xb[2 * j + 2] = kSqrt2 * symmetric.imag();
    }
  }
}

void GammaRealMap::to_complex(const double* x, Complex* c, std::size_t n) const {
  const std::size_t npw = size();
  const double inv_sqrt2 = 1.0 / kSqrt2;
  for (std::size_t b = 0; b < n; ++b) {
    const double* xb = x + b * npw;
    Complex* cb = c + b * npw;
    cb[zero] = xb[0];
    for (std::size_t j = 0; j < plus.size(); ++j) {
      const Complex value(xb[2 * j + 1] * inv_sqrt2, xb[2 * j + 2] * inv_sqrt2);
      cb[plus[j]] = value;
      cb[minus[j]] = std::conj(value);
    }
  }
}

}  // namespace fw::dft
