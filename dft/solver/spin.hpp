/// \file spin.hpp
/// \brief Collinear spin: the starting moments per species (`--magmom Ni=0.6`, ABINIT's spinat,
/// QE's starting_magnetization) and the moments of a magnetisation density m = ρ↑ − ρ↓.
#pragma once

#include <string>
#include <vector>

#include "dft/crystal.hpp"

namespace fw::dft {

struct StartingMoment {
  std::string element;
  double moment_muB = 0.0;  ///< per atom
};

/// "Ni=0.6" or "Fe=2.2,Ni=0.6" (empty: none). Throws fw::InputError(option, ...) naming the part
/// that is not ELEMENT=NUMBER or an element given twice.
std::vector<StartingMoment> parse_starting_moments(const std::string& text,
                                                   const std::string& option);

/// The moment per atom of each species of `crystal` (0 where none is given). Throws
/// fw::InputError(option, ...) for an element the cell does not hold or a moment above the
/// species' valence electrons.
std::vector<double> starting_moment_per_species(const Crystal& crystal,
                                                const std::vector<StartingMoment>& moments,
                                                const std::string& option);

struct MagneticMoments {
  double total_muB = 0.0;     ///< ∫ (ρ↑ − ρ↓) dr over the cell
  double absolute_muB = 0.0;  ///< ∫ |ρ↑ − ρ↓| dr over the cell
};

/// The moments of m(r) given on the cell's grid (e/bohr³; 1 e of spin excess = 1 μB).
MagneticMoments magnetic_moments(const std::vector<double>& magnetization_r, double volume_bohr3);

}  // namespace fw::dft
