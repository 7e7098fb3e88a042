/// \file force_fields.hpp
/// \brief The force fields facetweld runs, made by name in one place (`md run`, `md energy`,
/// `edis --engine eam`, `weld`, the Python calculator): "eam", the metal's EAM alone, and
/// "eam+lj", the EAM plus the metal–carbon 12-6 Lennard-Jones to a rigid graphene sheet (LAMMPS
/// `pair_style hybrid/overlay eam lj/cut`; no C–C terms).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "md/engine/eam_potential.hpp"
#include "md/engine/force_field.hpp"

namespace fw::md {

struct ForceFieldRecipe {
  std::string name = "eam";  ///< eam | eam+lj
  std::shared_ptr<const EamPotential> potential;
  double skin_A = 1.0;  ///< neighbour-list skin; 0 for a single evaluation
  /// eam+lj: the pair (the potential's first element)–C.
  double lj_epsilon_eV = 0.0;
  double lj_sigma_A = 0.0;
  double lj_cutoff_A = 0.0;
};

/// The force field `recipe.name` names; InputError(force field) for another name.
ForceField make_force_field(const ForceFieldRecipe& recipe);

/// (element, mass in amu) of each type of `potential`, as system_from_structure takes them.
std::vector<std::pair<std::string, double>> potential_masses(const EamPotential& potential);

}  // namespace fw::md
