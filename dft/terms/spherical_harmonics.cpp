/// \file spherical_harmonics.cpp
/// \brief Real spherical harmonics in Cartesian form (e.g. Blanco, Flórez, Bermejo, J. Mol. Struct.
/// 419, 19 (1997)).
#include "dft/terms/spherical_harmonics.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace fw::dft {

double real_spherical_harmonic(int l, int m, const Vec3& q) {
  const double pi = std::numbers::pi;
  const double len = norm(q);
  const Vec3 u = len > 1e-14 ? q / len : Vec3{0, 0, 1};
  const double x = u.x, y = u.y, z = u.z;
  switch (l) {
    case 0:
      return 0.5 / std::sqrt(pi);
    case 1: {
      const double c = std::sqrt(3.0 / (4.0 * pi));
      return c * (m == 0 ? y : (m == 1 ? z : x));
    }
    case 2: {
      switch (m) {
        case 0:
          return 0.5 * std::sqrt(15.0 / pi) * x * y;
        case 1:
          return 0.5 * std::sqrt(15.0 / pi) * y * z;
        case 2:
          return 0.25 * std::sqrt(5.0 / pi) * (3.0 * z * z - 1.0);
        case 3:
          return 0.5 * std::sqrt(15.0 / pi) * x * z;
        default:
          return 0.25 * std::sqrt(15.0 / pi) * (x * x - y * y);
      }
    }
    case 3: {
      switch (m) {
        case 0:
          return 0.25 * std::sqrt(35.0 / (2.0 * pi)) * y * (3.0 * x * x - y * y);
        case 1:
          return 0.5 * std::sqrt(105.0 / pi) * x * y * z;
        case 2:
          return 0.25 * std::sqrt(21.0 / (2.0 * pi)) * y * (5.0 * z * z - 1.0);
        case 3:
          return 0.25 * std::sqrt(7.0 / pi) * z * (5.0 * z * z - 3.0);
        case 4:
          return 0.25 * std::sqrt(21.0 / (2.0 * pi)) * x * (5.0 * z * z - 1.0);
        case 5:
          return 0.25 * std::sqrt(105.0 / pi) * z * (x * x - y * y);
        default:
          return 0.25 * std::sqrt(35.0 / (2.0 * pi)) * x * (x * x - 3.0 * y * y);
      }
    }
    default:
      throw std::invalid_argument("real_spherical_harmonic: l > 3 not supported");
  }
}

}  // namespace fw::dft
