/// \file elements.hpp
/// \brief Chemical elements: symbol, atomic number, standard atomic weight (IUPAC 2013, amu).
#pragma once

#include <string>

namespace fw::slabs {

struct Element {
  const char* symbol;
  int atomic_number;
  double mass_amu;
};

/// Looks an element up by symbol (case-sensitive, "Au"); throws InputError(source) if unknown.
const Element& element(const std::string& symbol, const std::string& source = "element");
/// Looks an element up by atomic number; throws InputError(source) if out of range.
const Element& element(int atomic_number, const std::string& source = "element");
bool is_element(const std::string& symbol);

}  // namespace fw::slabs
