/// \file spherical_harmonics.cpp
/// \brief Real spherical harmonics in Cartesian form (e.g. Blanco, Flórez, Bermejo, J. Mol. Struct.
/// 419, 19 (1997)).
#include "dft/kohn_sham/spherical_harmonics.hpp"

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

Vec3 real_spherical_harmonic_gradient(int l, int m, const Vec3& q) {
  const double pi = std::numbers::pi;
  const double len = norm(q);
  if (len < 1e-14 || l == 0) return Vec3{};
  const Vec3 u = q / len;
  const double x = u.x, y = u.y, z = u.z;
  Vec3 g;  // ∇P at u
  switch (l) {
    case 1: {
      const double c = std::sqrt(3.0 / (4.0 * pi));
      g = m == 0 ? Vec3{0, c, 0} : (m == 1 ? Vec3{0, 0, c} : Vec3{c, 0, 0});
      break;
    }
    case 2: {
      const double c = 0.5 * std::sqrt(15.0 / pi);
      switch (m) {
        case 0:
          g = c * Vec3{y, x, 0};
          break;
        case 1:
          g = c * Vec3{0, z, y};
          break;
        case 2:
          g = 0.25 * std::sqrt(5.0 / pi) * Vec3{0, 0, 6.0 * z};
          break;
        case 3:
          g = c * Vec3{z, 0, x};
          break;
        default:
          g = 0.25 * std::sqrt(15.0 / pi) * Vec3{2.0 * x, -2.0 * y, 0};
          break;
      }
      break;
    }
    case 3: {
      const double a = 0.25 * std::sqrt(35.0 / (2.0 * pi)), c = 0.25 * std::sqrt(21.0 / (2.0 * pi));
      switch (m) {
        case 0:
          g = a * Vec3{6.0 * x * y, 3.0 * x * x - 3.0 * y * y, 0};
          break;
        case 1:
          g = 0.5 * std::sqrt(105.0 / pi) * Vec3{y * z, x * z, x * y};
          break;
        case 2:
          g = c * Vec3{0, 5.0 * z * z - 1.0, 10.0 * y * z};
          break;
        case 3:
          g = 0.25 * std::sqrt(7.0 / pi) * Vec3{0, 0, 15.0 * z * z - 3.0};
          break;
        case 4:
          g = c * Vec3{5.0 * z * z - 1.0, 0, 10.0 * x * z};
          break;
        case 5:
          g = 0.25 * std::sqrt(105.0 / pi) * Vec3{2.0 * x * z, -2.0 * y * z, x * x - y * y};
          break;
        default:
          g = a * Vec3{3.0 * x * x - 3.0 * y * y, -6.0 * x * y, 0};
          break;
      }
      break;
    }
    default:
      throw std::invalid_argument("real_spherical_harmonic_gradient: l > 3 not supported");
  }
  return (g - u * dot(u, g)) / len;
}

}  // namespace fw::dft
