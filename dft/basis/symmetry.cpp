/// \file symmetry.cpp
/// \brief Space-group operations on the grid via spglib.
#include "dft/basis/symmetry.hpp"

extern "C" {
#include <spglib.h>
}

#include <array>
#include <cmath>
#include <stdexcept>

namespace fw::dft {
namespace {

double frac_distance(const Vec3& a, const Vec3& b) {
  double d2 = 0.0;
  for (int i = 0; i < 3; ++i) {
    double d = a[i] - b[i];
    d -= std::round(d);
    d2 += d * d;
  }
  return std::sqrt(d2);
}

Vec3 apply(const SymmetryOperation& op, const Vec3& x) {
  Vec3 y;
  for (int i = 0; i < 3; ++i) {
    double s = op.translation[i];
    for (int j = 0; j < 3; ++j)
      s += op.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] * x[j];
    y[i] = s;
  }
  return y;
}

}  // namespace

std::vector<SymmetryOperation> grid_compatible_symmetry(const Crystal& crystal, const FftGrid& grid,
                                                        bool use_symmetry, double symprec_bohr) {
  SymmetryOperation identity;
  for (int i = 0; i < 3; ++i)
    identity.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)] = 1;
  std::vector<SymmetryOperation> ops{identity};
  if (!use_symmetry) return ops;

  const std::size_t n = crystal.n_atoms();
  double lattice[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) lattice[i][j] = crystal.cell_bohr[j][i];  // spglib: columns are a_j
  std::vector<double> positions(3 * n);
  std::vector<int> types(n);
  for (std::size_t a = 0; a < n; ++a) {
    for (int i = 0; i < 3; ++i)
      positions[3 * a + static_cast<std::size_t>(i)] = crystal.positions_frac[a][i];
    types[a] = crystal.species_of_atom[a] + 1;
  }
  const int max_ops = 48 * static_cast<int>(n) + 48;
  std::vector<int> rotations(9 * static_cast<std::size_t>(max_ops));
  std::vector<double> translations(3 * static_cast<std::size_t>(max_ops));
  const int n_ops = spg_get_symmetry(reinterpret_cast<int(*)[3][3]>(rotations.data()),
                                     reinterpret_cast<double(*)[3]>(translations.data()), max_ops,
                                     lattice, reinterpret_cast<double(*)[3]>(positions.data()),
                                     types.data(), static_cast<int>(n), symprec_bohr);
  for (int k = 0; k < n_ops; ++k) {
    SymmetryOperation op;
    bool is_identity = true, fits_grid = true;
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) {
        const int r = rotations[static_cast<std::size_t>(9 * k + 3 * i + j)];
        op.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = r;
        if (r != (i == j ? 1 : 0)) is_identity = false;
        // An entry coupling axes of different grid sizes cannot map grid points onto grid points.
        if (r != 0 && grid.n[static_cast<std::size_t>(i)] != grid.n[static_cast<std::size_t>(j)])
          fits_grid = false;
      }
      double t = translations[static_cast<std::size_t>(3 * k + i)];
      t -= std::floor(t + 1e-9);
      op.translation[i] = t;
      const double tn = t * grid.n[static_cast<std::size_t>(i)];
      if (std::abs(tn - std::round(tn)) > 1e-6) fits_grid = false;
      if (std::abs(t) > 1e-9 && std::abs(t - 1.0) > 1e-9) is_identity = false;
    }
    if (is_identity || !fits_grid) continue;
    // Snap the translation to the exact grid-commensurate value.
    for (int i = 0; i < 3; ++i)
      op.translation[i] = std::round(op.translation[i] * grid.n[static_cast<std::size_t>(i)]) /
                          grid.n[static_cast<std::size_t>(i)];
    ops.push_back(op);
  }
  // Keep the set a group: drop operations whose product with another kept one was dropped.
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t a = 0; a < ops.size() && !changed; ++a)
      for (std::size_t b = 0; b < ops.size() && !changed; ++b) {
        SymmetryOperation c;
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j) {
            int s = 0;
            for (int k = 0; k < 3; ++k)
              s += ops[a].rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] *
                   ops[b].rotation[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)];
            c.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = s;
          }
        c.translation = apply(ops[a], ops[b].translation);
        bool found = false;
        for (const auto& o : ops)
          if (o.rotation == c.rotation && frac_distance(o.translation, c.translation) < 1e-6)
            found = true;
        if (!found) {
          ops.erase(ops.begin() + static_cast<long>(std::max(a, b)));
          changed = true;
        }
      }
  }
  return ops;
}

void symmetrize_density(std::vector<double>& rho, const FftGrid& grid,
                        const std::vector<SymmetryOperation>& ops) {
  if (ops.size() <= 1) return;
  std::vector<double> out(rho.size(), 0.0);
  const int n0 = grid.n[0], n1 = grid.n[1], n2 = grid.n[2];
  std::vector<std::array<int, 3>> shifts;
  for (const auto& op : ops)
    shifts.push_back({static_cast<int>(std::lround(op.translation[0] * n0)),
                      static_cast<int>(std::lround(op.translation[1] * n1)),
                      static_cast<int>(std::lround(op.translation[2] * n2))});
  auto wrap = [](long j, int n) { return static_cast<int>(((j % n) + n) % n); };
  // Planes i0 are independent (each thread writes its own); the operations are summed in the same
  // order at every point whatever the thread count. Along a line i2 the image moves by the
  // rotation's third column, so its indices step without a division per point.
#pragma omp parallel for schedule(static)
  for (int i0 = 0; i0 < n0; ++i0)
    for (std::size_t o = 0; o < ops.size(); ++o) {
      const auto& R = ops[o].rotation;
      const auto& t = shifts[o];
      const int step0 = wrap(R[0][2], n0), step1 = wrap(R[1][2], n1), step2 = wrap(R[2][2], n2);
      for (int i1 = 0; i1 < n1; ++i1) {
        // Grid coordinates scale as i_d/n_d; the rotation only couples axes of equal size.
        int k0 = wrap(long{R[0][0]} * i0 + long{R[0][1]} * i1 + t[0], n0);
        int k1 = wrap(long{R[1][0]} * i0 + long{R[1][1]} * i1 + t[1], n1);
        int k2 = wrap(long{R[2][0]} * i0 + long{R[2][1]} * i1 + t[2], n2);
        double* line = out.data() + grid.index(i0, i1, 0);
        for (int i2 = 0; i2 < n2; ++i2) {
          line[i2] += rho[grid.index(k0, k1, k2)];
          k0 += step0;
          k1 += step1;
          k2 += step2;
          if (k0 >= n0) k0 -= n0;
          if (k1 >= n1) k1 -= n1;
          if (k2 >= n2) k2 -= n2;
        }
      }
    }
  const double inv = 1.0 / static_cast<double>(ops.size());
  for (std::size_t i = 0; i < rho.size(); ++i) rho[i] = out[i] * inv;
}

void symmetrize_forces(std::vector<Vec3>& forces, const Crystal& crystal,
                       const std::vector<SymmetryOperation>& ops) {
  if (ops.size() <= 1) return;
  const Mat3 at = transpose(crystal.cell_bohr);  // columns a_j: cart = at · frac
  const Mat3 at_inv = inverse(at);
  std::vector<Vec3> out(forces.size());
  for (const auto& op : ops) {
    Mat3 r;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        r[i][j] = op.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    const Mat3 r_cart = at * r * at_inv;
    const Mat3 r_cart_inv = inverse(r_cart);
    for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
      const Vec3 image = apply(op, crystal.positions_frac[a]);
      std::size_t b = crystal.n_atoms();
      for (std::size_t c = 0; c < crystal.n_atoms(); ++c)
        if (frac_distance(image, crystal.positions_frac[c]) < 1e-4) b = c;
      if (b == crystal.n_atoms())
        throw std::logic_error("symmetrize_forces: operation does not map atoms");
      out[a] += r_cart_inv * forces[b];
    }
  }
  for (std::size_t a = 0; a < forces.size(); ++a)
    forces[a] = out[a] / static_cast<double>(ops.size());
}

void symmetrize_stress(Mat3& sigma, const Crystal& crystal,
                       const std::vector<SymmetryOperation>& ops) {
  const Mat3 sigma_t = transpose(sigma);
  for (int i = 0; i < 3; ++i) sigma[i] = 0.5 * (sigma[i] + sigma_t[i]);
  if (ops.empty()) return;
  const Mat3 at = transpose(crystal.cell_bohr);  // columns a_j: cart = at · frac
  const Mat3 at_inv = inverse(at);
  Mat3 out;
  for (const auto& op : ops) {
    Mat3 r;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        r[i][j] = op.rotation[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    const Mat3 r_cart = at * r * at_inv;
    const Mat3 rotated = r_cart * sigma * transpose(r_cart);
    for (int i = 0; i < 3; ++i) out[i] += rotated[i];
  }
  sigma = (1.0 / static_cast<double>(ops.size())) * out;
}

}  // namespace fw::dft
