/// \file metal_carbon_lj.hpp
/// \brief The metal–carbon 12-6 Lennard-Jones pair of each fcc metal facetweld knows, for rods on
/// the graphene substrate (docs/weld.md, "Metal–carbon Lennard-Jones by element").
#pragma once

#include <optional>
#include <string>

#include "md/engine/lennard_jones.hpp"

namespace fw::md {

/// The metal–C pair of `element`, nullopt for a metal without published parameters. Au is Lewis
/// et al.'s Au–C (default_au_c_pair). Every other metal X follows from it by Lorentz–Berthelot:
/// with the carbon term that Au–C implies against Heinz et al.'s Au, ε_C = ε_AuC²/ε_Au and
/// σ_C = 2σ_AuC − σ_Au, X–C is ε_XC = √(ε_X ε_C) = ε_AuC √(ε_X/ε_Au) and
/// σ_XC = (σ_X + σ_C)/2 = σ_AuC + (σ_X − σ_Au)/2, where ε_X, σ_X are X–X of Heinz, Vaia, Farmer
/// and Naik, J. Phys. Chem. C 112, 17281 (2008), Table 1 (12-6). The trend across metals is
/// Heinz's, the absolute scale the Au–graphite fit of Lewis et al.
std::optional<LjPair> metal_carbon_pair(const std::string& element);

/// The ε and σ a weld of `element` rods on `substrate` uses: those given when either differs from
/// the Au–C defaults, else the element's metal–carbon pair. Rods of a metal without one on
/// graphene with both at the Au–C defaults are refused, InputError naming `epsilon_option`.
LjPair substrate_pair_for_element(const std::string& element, const std::string& substrate,
                                  double lj_epsilon_eV, double lj_sigma_A,
                                  const std::string& epsilon_option);

/// Where the ε, σ of a weld of `element` rods come from, for weld.json: Lewis et al. (Au), the
/// Heinz–Lewis Lorentz–Berthelot rule above (another tabulated metal at its pair), or "given".
std::string metal_carbon_source(const std::string& element, double lj_epsilon_eV,
                                double lj_sigma_A);

}  // namespace fw::md
