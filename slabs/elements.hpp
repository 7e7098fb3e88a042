/// \file elements.hpp
/// \brief Chemical elements: symbol, atomic number, standard atomic weight (IUPAC 2013, amu),
/// covalent radius (Cordero et al. 2008, Å).
#pragma once

#include <string>

namespace fw::slabs {

struct Element {
  const char* symbol;
  int atomic_number;
  double mass_amu;
  double covalent_radius_A;
};

/// Two atoms closer than this are overlapping, not bonded: half the sum of their covalent radii
/// (1.36 Å for Au–Au, whose bonds are 2.5–2.9 Å; 0.31 Å for H–H, bond 0.74 Å). A cell scaled
/// wrongly (a POSCAR scale factor of -1 means a 1 Å^3 cell) puts atoms there.
double overlap_distance_A(const Element& a, const Element& b);

/// Looks an element up by symbol (case-sensitive, "Au"); throws InputError(source) if unknown.
const Element& element(const std::string& symbol, const std::string& source = "element");
/// Looks an element up by atomic number; throws InputError(source) if out of range.
const Element& element(int atomic_number, const std::string& source = "element");
bool is_element(const std::string& symbol);

}  // namespace fw::slabs
