/// \file vec3.hpp
/// \brief Small fixed-size 3-vector and 3x3 matrix for geometry (row vectors, row-major cells).
#pragma once

#include <array>
#include <cmath>

namespace fw {

struct Vec3 {
  double x = 0.0, y = 0.0, z = 0.0;

  constexpr double& operator[](int i) { return i == 0 ? x : (i == 1 ? y : z); }
  constexpr double operator[](int i) const { return i == 0 ? x : (i == 1 ? y : z); }

  constexpr Vec3& operator+=(const Vec3& o) {
    x += o.x;
    y += o.y;
    z += o.z;
    return *this;
  }
  constexpr Vec3& operator-=(const Vec3& o) {
    x -= o.x;
    y -= o.y;
    z -= o.z;
    return *this;
  }
  constexpr Vec3& operator*=(double s) {
    x *= s;
    y *= s;
    z *= s;
    return *this;
  }
};

constexpr Vec3 operator+(Vec3 a, const Vec3& b) {
  return a += b;
}
constexpr Vec3 operator-(Vec3 a, const Vec3& b) {
  return a -= b;
}
constexpr Vec3 operator-(const Vec3& a) {
  return {-a.x, -a.y, -a.z};
}
constexpr Vec3 operator*(Vec3 a, double s) {
  return a *= s;
}
constexpr Vec3 operator*(double s, Vec3 a) {
  return a *= s;
}
constexpr Vec3 operator/(Vec3 a, double s) {
  return a *= (1.0 / s);
}
constexpr double dot(const Vec3& a, const Vec3& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
constexpr Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double norm(const Vec3& a) {
  return std::sqrt(dot(a, a));
}
inline Vec3 normalized(const Vec3& a) {
  return a / norm(a);
}

/// 3x3 matrix stored by rows. A cell matrix holds the lattice vectors as rows (VASP, ASE).
struct Mat3 {
  std::array<Vec3, 3> rows{};

  constexpr Vec3& operator[](int i) { return rows[static_cast<std::size_t>(i)]; }
  constexpr const Vec3& operator[](int i) const { return rows[static_cast<std::size_t>(i)]; }

  static constexpr Mat3 identity() { return Mat3{{Vec3{1, 0, 0}, Vec3{0, 1, 0}, Vec3{0, 0, 1}}}; }
  static constexpr Mat3 diagonal(double a, double b, double c) {
    return Mat3{{Vec3{a, 0, 0}, Vec3{0, b, 0}, Vec3{0, 0, c}}};
  }
};

constexpr double determinant(const Mat3& m) {
  return dot(m[0], cross(m[1], m[2]));
}

constexpr Mat3 transpose(const Mat3& m) {
  return Mat3{
      {Vec3{m[0].x, m[1].x, m[2].x}, Vec3{m[0].y, m[1].y, m[2].y}, Vec3{m[0].z, m[1].z, m[2].z}}};
}

/// Row vector times matrix: v·M = sum_i v_i M[i]. With M a cell, maps fractional to Cartesian.
constexpr Vec3 operator*(const Vec3& v, const Mat3& m) {
  return v.x * m[0] + v.y * m[1] + v.z * m[2];
}

/// Matrix times column vector.
constexpr Vec3 operator*(const Mat3& m, const Vec3& v) {
  return {dot(m[0], v), dot(m[1], v), dot(m[2], v)};
}

constexpr Mat3 operator*(const Mat3& a, const Mat3& b) {
  return Mat3{{a[0] * b, a[1] * b, a[2] * b}};
}

constexpr Mat3 operator*(double s, const Mat3& m) {
  return Mat3{{s * m[0], s * m[1], s * m[2]}};
}

/// Inverse by the adjugate; the caller guarantees det != 0.
constexpr Mat3 inverse(const Mat3& m) {
  const double inv_det = 1.0 / determinant(m);
  // Columns of the inverse are the cross products of rows, divided by det.
  const Vec3 c0 = cross(m[1], m[2]) * inv_det;
  const Vec3 c1 = cross(m[2], m[0]) * inv_det;
  const Vec3 c2 = cross(m[0], m[1]) * inv_det;
  return transpose(Mat3{{c0, c1, c2}});
}

/// Reciprocal vectors b_i with b_i·a_j = δ_ij (no 2π), as rows.
constexpr Mat3 reciprocal_rows(const Mat3& cell) {
  return transpose(inverse(cell));
}

}  // namespace fw
