/// \file au_c_settings.hpp
/// \brief The Au–C Lennard-Jones settings (ε, σ, cutoff), specified once for the two md tables
/// that have them: the welding study (md/weld/settings.cpp) and the md job's [substrate]
/// section (md/apps/job_settings.cpp).
#pragma once

#include <string>

#include "core/settings/spec.hpp"

namespace fw::md {

/// ε of the Au–C 12-6 Lennard-Jones (Lewis, Jensen, Combe and Barrat, PRB 61, 16084 (2000)).
settings::Spec au_c_lj_epsilon_spec();
/// σ of the same pair.
settings::Spec au_c_lj_sigma_spec();
/// Its cutoff (LAMMPS lj/cut: truncated, not shifted).
settings::Spec au_c_lj_cutoff_spec();

/// Rods on graphene with ε and σ both at the Au–C defaults take their element's metal–carbon pair
/// (md/apps/metal_carbon_lj); a metal without one is refused, InputError naming
/// `epsilon_option`. No substrate, or a given ε or σ, pass.
void check_substrate_pair_fits_element(const std::string& element, const std::string& substrate,
                                       double lj_epsilon_eV, double lj_sigma_A,
                                       const std::string& epsilon_option);

}  // namespace fw::md
