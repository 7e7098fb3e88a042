/// \file fcc.cpp
/// \brief fcc bulk cells.
#include "slabs/fcc.hpp"

#include "core/error.hpp"
#include "slabs/elements.hpp"
#include "slabs/input_checks.hpp"

namespace fw::slabs {

Structure fcc_bulk(const std::string& element_symbol, double a_A, FccCell cell) {
  element(element_symbol, "--element");
  check_lattice_constant(a_A);
  Structure s;
  s.comment = element_symbol + " fcc a=" + std::to_string(a_A) + " A";
  if (cell == FccCell::primitive) {
    const double h = a_A / 2.0;
    s.cell = Mat3{{Vec3{0, h, h}, Vec3{h, 0, h}, Vec3{h, h, 0}}};
    s.add_atom_fractional(element_symbol, {0, 0, 0});
  } else {
    s.cell = Mat3::diagonal(a_A, a_A, a_A);
    for (const Vec3& f : {Vec3{0, 0, 0}, Vec3{0, 0.5, 0.5}, Vec3{0.5, 0, 0.5}, Vec3{0.5, 0.5, 0}})
      s.add_atom_fractional(element_symbol, f);
  }
  return s;
}

}  // namespace fw::slabs
