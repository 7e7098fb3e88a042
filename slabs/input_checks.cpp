/// \file input_checks.cpp
/// \brief Lattice constant, vacuum and size checks of the builders.
#include "slabs/input_checks.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "core/memory_limit.hpp"
#include "slabs/elements.hpp"
#include "slabs/structure.hpp"

namespace fw::slabs {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// An atom held in a Structure, plus its line in a POSCAR/extxyz file (~100 characters).
constexpr double kTextBytesPerAtom = 128.0;

}  // namespace

void check_lattice_constant(double a_A, const std::string& option) {
  if (!(std::isfinite(a_A) && a_A > 0.0))
    throw InputError(option, "lattice constant must be a finite number > 0 Å, got " + number(a_A));
}

void check_vacuum(double vacuum_A, const std::string& option) {
  if (!(std::isfinite(vacuum_A) && vacuum_A >= 0.0))
    throw InputError(option, "vacuum must be a finite number >= 0 Å, got " + number(vacuum_A));
}

void check_atoms_do_not_overlap(const Structure& structure, const std::string& source) {
  if (structure.atoms.empty()) throw InputError(source, "the structure has no atoms");
  for (std::size_t i = 0; i < structure.atoms.size(); ++i) {
    const Element& ei = element(structure.atoms[i].species, source);
    for (std::size_t j = i; j < structure.atoms.size(); ++j) {
      const Element& ej = element(structure.atoms[j].species, source);
      const double d = structure.distance(i, j), limit = overlap_distance_A(ei, ej);
      if (d >= limit) continue;
      throw InputError(source, "atoms " + std::to_string(i + 1) + " (" + ei.symbol + ") and " +
                                   std::to_string(j + 1) + " (" + ej.symbol + ") overlap: " +
                                   number(d) + " Å apart, closer than " + number(limit) +
                                   " Å (half the sum of their covalent radii); check the cell "
                                   "(a POSCAR scale factor) and the positions");
    }
  }
}

void check_atom_count(double n_atoms, const std::string& option, const std::string& what,
                      double copies) {
  if (n_atoms > kMaxStructureAtoms)
    throw InputError(option, what + " = " + number(n_atoms) + " atoms, more than the " +
                                 number(kMaxStructureAtoms) +
                                 " a structure may have here; choose a smaller value");
  const double need = n_atoms * (copies * static_cast<double>(sizeof(Atom)) + kTextBytesPerAtom);
  const MemoryLimit have = memory_limit(MemoryBasis::free_now);
  if (have.bytes > 0 && need > have.bytes)
    throw InputError(option, what + " = " + number(n_atoms) + " atoms need about " +
                                 number(need / 1e9) + " GB, but only " + number(have.bytes / 1e9) +
                                 " GB of memory is available (" + have.limited_by +
                                 "); choose a smaller value");
}

}  // namespace fw::slabs
