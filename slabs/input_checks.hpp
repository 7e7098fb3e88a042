/// \file input_checks.hpp
/// \brief Checks of builder inputs shared by every entry point (CLI, job files, Python): a finite
/// positive lattice constant, a finite vacuum, an atom count that fits before anything is
/// allocated, and a structure whose atoms do not overlap.
#pragma once

#include <string>

namespace fw::slabs {

struct Structure;

/// Above this many atoms a builder refuses: far beyond what the native engines run (DFT: tens,
/// MD: ~1e5) and what a structure file is useful for; bigger systems are built in LAMMPS.
inline constexpr double kMaxStructureAtoms = 1e7;

/// InputError(option) unless 0 < a_A < infinity.
void check_lattice_constant(double a_A, const std::string& option = "--a");

/// InputError(option) unless 0 <= vacuum_A < infinity.
void check_vacuum(double vacuum_A, const std::string& option = "--vacuum");

/// InputError(option) when a structure of `n_atoms` (a double: products of user counts overflow
/// int) exceeds kMaxStructureAtoms, or when `copies` Structure copies of it plus its text form
/// would not fit in the memory available now. `what` says how the count arose ("4 x 200^3").
void check_atom_count(double n_atoms, const std::string& option, const std::string& what,
                      double copies = 4.0);

/// InputError(source) for a structure without atoms, or with two atoms (periodic images
/// included) closer than overlap_distance_A of their species, naming both atoms. O(N^2): for
/// the cells of a plane-wave calculation; MD's neighbour list does the same check in O(N).
void check_atoms_do_not_overlap(const Structure& structure, const std::string& source);

}  // namespace fw::slabs
