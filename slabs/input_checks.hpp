/// \file input_checks.hpp
/// \brief Checks of builder inputs shared by every entry point (CLI, job files, Python): a finite
/// positive lattice constant, a finite vacuum, and an atom count that fits before anything is
/// allocated.
#pragma once

#include <string>

namespace fw::slabs {

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

/// Memory available to a new allocation now (Linux MemAvailable), bytes; 0 when unknown.
double available_memory_bytes();

}  // namespace fw::slabs
