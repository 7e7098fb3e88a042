/// \file au_c_settings.cpp
/// \brief The Au–C Lennard-Jones setting specs.
#include "md/apps/au_c_settings.hpp"

#include "core/error.hpp"
#include "md/apps/metal_carbon_lj.hpp"
#include "md/engine/lennard_jones.hpp"

namespace fw::md {

settings::Spec au_c_lj_epsilon_spec() {
  return {.key = "lj_epsilon",
          .type = settings::Type::Real,
          .unit = "eV",
          .default_value = default_au_c_pair().epsilon_eV,
          .doc = "Au-C Lennard-Jones ε (Lewis, Jensen, Combe, Barrat, PRB 61, 16084 (2000))",
          .range = settings::above_at_most(0, 1)};
}

settings::Spec au_c_lj_sigma_spec() {
  return {.key = "lj_sigma",
          .type = settings::Type::Real,
          .unit = "Å",
          .default_value = default_au_c_pair().sigma_A,
          .doc = "Au-C Lennard-Jones σ (same source)",
          .range = settings::between(1, 6)};
}

settings::Spec au_c_lj_cutoff_spec() {
  return {.key = "lj_cutoff",
          .type = settings::Type::Real,
          .unit = "Å",
          .default_value = 10.0,
          .doc = "Au-C Lennard-Jones cutoff (LAMMPS lj/cut, not shifted)",
          .range = settings::between(1, 20)};
}

void check_substrate_pair_fits_element(const std::string& element, const std::string& substrate,
                                       double lj_epsilon_eV, double lj_sigma_A,
                                       const std::string& epsilon_option) {
  substrate_pair_for_element(element, substrate, lj_epsilon_eV, lj_sigma_A, epsilon_option);
}

}  // namespace fw::md
