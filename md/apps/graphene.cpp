/// \file graphene.cpp
/// \brief Graphene sheet builder.
#include "md/apps/graphene.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace fw::md {

std::size_t add_graphene_sheet(System& system, double x0_A, double y0_A, double length_x_A,
                               double length_y_A, double height_A, double bond_A) {
  if (!(bond_A > 0.5 && bond_A < 3.0))
    throw InputError("graphene", "C-C bond must lie in (0.5, 3) A");
  // Rectangular cell of the honeycomb: a = √3 d along x, b = 3 d along y, 4 atoms.
  const double a = std::sqrt(3.0) * bond_A, b = 3.0 * bond_A;
  const int nx = std::max(1, static_cast<int>(std::floor(length_x_A / a + 1e-9)));
  const int ny = std::max(1, static_cast<int>(std::floor(length_y_A / b + 1e-9)));
  const double basis[4][2] = {
      {0.0, 0.0}, {0.5 * a, 0.5 * bond_A}, {0.5 * a, 1.5 * bond_A}, {0.0, 2.0 * bond_A}};
  const int carbon = system.type_index("C", 12.011);
  std::size_t added = 0;
  for (int i = 0; i < nx; ++i) {
    for (int j = 0; j < ny; ++j) {
      for (const auto& p : basis) {
        system.add_atom(carbon, Vec3{x0_A + i * a + p[0], y0_A + j * b + p[1], height_A}, true);
        ++added;
      }
    }
  }
  return added;
}

}  // namespace fw::md
