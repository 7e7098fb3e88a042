/// \file force_fields.cpp
/// \brief The force fields by name.
#include "md/engine/force_fields.hpp"

#include "core/error.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/lennard_jones.hpp"

namespace fw::md {

ForceField make_force_field(const ForceFieldRecipe& r) {
  if (r.name != "eam" && r.name != "eam+lj")
    throw InputError("force field", "unknown force field '" + r.name + "' (expected eam, eam+lj)");
  ForceField field(r.skin_A);
  field.add(std::make_unique<EamForce>(r.potential));
  if (r.name == "eam+lj")
    field.add(std::make_unique<LennardJonesForce>(
        std::vector<LjPair>{{r.potential->elements().front(), "C", r.lj_epsilon_eV, r.lj_sigma_A}},
        r.lj_cutoff_A));
  return field;
}

std::vector<std::pair<std::string, double>> potential_masses(const EamPotential& potential) {
  std::vector<std::pair<std::string, double>> masses;
  for (std::size_t t = 0; t < potential.type_count(); ++t)
    masses.emplace_back(potential.elements()[t], potential.masses_amu()[t]);
  return masses;
}

}  // namespace fw::md
