/// \file rods.cpp
/// \brief Gyration-tensor axes, neck and interface slab of two welding rods.
#include "md/analysis/rods.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "md/analysis/neighbors.hpp"

namespace fw::md {

void symmetric_eigen_3x3(const Mat3& matrix, std::array<double, 3>& values,
                         std::array<Vec3, 3>& vectors) {
  double a[3][3], v[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
  for (int sweep = 0; sweep < 50; ++sweep) {
    const double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
    const double scale = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
    if (off <= 1e-30 * std::max(scale, 1e-300)) break;
    for (int p = 0; p < 2; ++p)
      for (int q = p + 1; q < 3; ++q) {
        if (a[p][q] == 0.0) continue;
        // Rotation that zeroes a[p][q] (symmetric Schur decomposition, GVL Alg. 8.5.1).
        const double tau = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
        const double t = (tau >= 0 ? 1.0 : -1.0) / (std::abs(tau) + std::sqrt(1.0 + tau * tau));
        const double c = 1.0 / std::sqrt(1.0 + t * t), s = t * c;
        for (int k = 0; k < 3; ++k) {
          const double akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; ++k) {
          const double apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; ++k) {
          const double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  std::array<int, 3> order{0, 1, 2};
  std::sort(order.begin(), order.end(), [&](int x, int y) { return a[x][x] > a[y][y]; });
  for (int k = 0; k < 3; ++k) {
    const int c = order[static_cast<std::size_t>(k)];
    values[static_cast<std::size_t>(k)] = a[c][c];
    vectors[static_cast<std::size_t>(k)] = normalized(Vec3{v[0][c], v[1][c], v[2][c]});
  }
}

PrincipalAxes principal_axes(const System& system, const std::vector<std::size_t>& atoms) {
  PrincipalAxes out;
  if (atoms.empty()) return out;
  Vec3 mean{};
  for (std::size_t i : atoms) mean += system.unwrapped_position(i);
  mean = mean / static_cast<double>(atoms.size());
  Mat3 s{};
  for (std::size_t i : atoms) {
    const Vec3 d = system.unwrapped_position(i) - mean;
    for (int p = 0; p < 3; ++p)
      for (int q = 0; q < 3; ++q) s[p][q] += d[p] * d[q];
  }
  s = (1.0 / static_cast<double>(atoms.size())) * s;
  out.centroid_A = mean;
  symmetric_eigen_3x3(s, out.eigenvalues_A2, out.axes);
  return out;
}

double axis_angle_deg(const Vec3& a, const Vec3& b) {
  const double c = std::clamp(std::abs(dot(normalized(a), normalized(b))), 0.0, 1.0);
  return std::acos(c) * 180.0 / std::numbers::pi;
}

std::vector<int> rods_in_current_order(const System& system, const std::vector<int>& rod_by_id) {
  std::vector<int> rod(system.size(), 0);
  for (std::size_t i = 0; i < system.size(); ++i) {
    const auto id = static_cast<std::size_t>(system.id[i]);
    if (id >= rod_by_id.size())
      throw InputError("weld", "atom id " + std::to_string(id) + " has no rod tag");
    rod[i] = rod_by_id[id];
  }
  return rod;
}

WeldSnapshot analyse_weld(const System& system, const std::vector<int>& rod_of_atom,
                          double bond_cutoff_A, double interface_half_width_A,
                          InterfaceNormal normal_kind) {
  WeldSnapshot snap;
  std::vector<std::size_t> atoms1, atoms2;
  for (std::size_t i = 0; i < system.size(); ++i)
    if (rod_of_atom[i] == 1)
      atoms1.push_back(i);
    else if (rod_of_atom[i] == 2)
      atoms2.push_back(i);
  snap.rod1 = principal_axes(system, atoms1);
  snap.rod2 = principal_axes(system, atoms2);
  snap.angle_deg = axis_angle_deg(snap.rod1.long_axis(), snap.rod2.long_axis());

  const auto lists = full_neighbor_lists(system, bond_cutoff_A);
  snap.coordination.resize(system.size());
  std::vector<std::size_t> bridge;
  NeckState& neck = snap.neck;
  for (std::size_t i = 0; i < system.size(); ++i) {
    snap.coordination[i] = static_cast<int>(lists[i].size());
    long cross = 0;
    for (const NeighborVector& n : lists[i]) cross += rod_of_atom[n.j] != rod_of_atom[i];
    if (cross == 0) continue;
    bridge.push_back(i);
    if (rod_of_atom[i] == 1) {
      ++neck.bridge_atoms_rod1;
      neck.cross_bonds += cross;
    } else {
      ++neck.bridge_atoms_rod2;
    }
  }
  neck.bridge_atoms = static_cast<long>(bridge.size());
  snap.interior.assign(system.size(), 0);
  for (std::size_t i = 0; i < system.size(); ++i) {
    bool deep = snap.coordination[i] >= kInteriorCoordination;
    for (const NeighborVector& n : lists[i])
      deep = deep && snap.coordination[n.j] >= kInteriorCoordination;
    snap.interior[i] = deep ? 1 : 0;
  }

  const Vec3 c12 = snap.rod2.centroid_A - snap.rod1.centroid_A;
  if (normal_kind == InterfaceNormal::axis_bisector) {
    // Bisector of the axes, each pointing towards the other rod's side.
    Vec3 a1 = snap.rod1.long_axis(), a2 = snap.rod2.long_axis();
    if (dot(a1, c12) < 0) a1 = -a1;
    if (dot(a2, c12) < 0) a2 = -a2;
    const Vec3 bisector = a1 + a2;
    neck.normal = norm(bisector) > 1e-6 ? normalized(bisector)
                  : norm(c12) > 1e-9    ? normalized(c12)
                                        : Vec3{0, 0, 1};
  } else {
    Vec3 b1{}, b2{};
    for (std::size_t i : bridge) (rod_of_atom[i] == 1 ? b1 : b2) += system.unwrapped_position(i);
    const Vec3 between = neck.bridge_atoms_rod1 > 0 && neck.bridge_atoms_rod2 > 0
                             ? b2 / static_cast<double>(neck.bridge_atoms_rod2) -
                                   b1 / static_cast<double>(neck.bridge_atoms_rod1)
                             : Vec3{};
    const Vec3 a1 = snap.rod1.long_axis();
    const Vec3 across = c12 - dot(c12, a1) * a1;
    neck.normal = norm(between) > 0.5   ? normalized(between)
                  : norm(across) > 1e-9 ? normalized(across)
                  : norm(c12) > 1e-9    ? normalized(c12)
                                        : Vec3{0, 0, 1};
  }
  if (bridge.empty()) {
    neck.centre_A = 0.5 * (snap.rod1.centroid_A + snap.rod2.centroid_A);
  } else {
    Vec3 c{};
    for (std::size_t i : bridge) c += system.unwrapped_position(i);
    neck.centre_A = c / static_cast<double>(bridge.size());
  }
  if (bridge.size() >= 3) {
    double rho2 = 0.0;
    for (std::size_t i : bridge) {
      const Vec3 d = system.unwrapped_position(i) - neck.centre_A;
      const Vec3 in_plane = d - dot(d, neck.normal) * neck.normal;
      rho2 += dot(in_plane, in_plane);
    }
    neck.radius_A = std::sqrt(2.0 * rho2 / static_cast<double>(bridge.size()));
  }
  for (std::size_t i = 0; i < system.size(); ++i) {
    if (rod_of_atom[i] == 0) continue;
    const double h = dot(system.unwrapped_position(i) - neck.centre_A, neck.normal);
    if (std::abs(h) <= interface_half_width_A) snap.interface_atoms.push_back(i);
  }
  return snap;
}

}  // namespace fw::md
