/// \file metal_carbon_lj.cpp
/// \brief Metal–carbon Lennard-Jones pairs by element (Heinz et al. 2008 + Lewis et al. 2000).
#include "md/apps/metal_carbon_lj.hpp"

#include <array>
#include <cmath>

#include "core/error.hpp"

namespace fw::md {

namespace {

/// Heinz, Vaia, Farmer and Naik, J. Phys. Chem. C 112, 17281 (2008), Table 1, 12-6 LJ: ε in
/// kcal/mol and r0, the distance of the minimum (E = ε[(r0/r)¹² − 2(r0/r)⁶]); σ = r0/2^(1/6).
struct HeinzMetal {
  const char* symbol;
  double epsilon_kcal_per_mol;
  double r0_A;
};
constexpr std::array<HeinzMetal, 7> kHeinz12_6{{
    {"Ag", 4.56, 2.955},
    {"Al", 4.02, 2.925},
    {"Au", 5.29, 2.951},
    {"Cu", 4.72, 2.616},
    {"Ni", 5.65, 2.552},
    {"Pd", 6.15, 2.819},
    {"Pt", 7.80, 2.845},
}};

constexpr double kEvPerKcalPerMol = 0.0433641;  // 4.184 kJ/mol / 96.4853 kJ/mol per eV

std::optional<LjPair> heinz_metal_pair(const std::string& element) {
  for (const HeinzMetal& m : kHeinz12_6)
    if (element == m.symbol)
      return LjPair{element, element, m.epsilon_kcal_per_mol * kEvPerKcalPerMol,
                    m.r0_A / std::pow(2.0, 1.0 / 6.0)};
  return std::nullopt;
}

}  // namespace

std::optional<LjPair> metal_carbon_pair(const std::string& element) {
  const LjPair au_c = default_au_c_pair();
  if (element == "Au") return au_c;
  const auto x = heinz_metal_pair(element);
  if (!x) return std::nullopt;
  const LjPair au = *heinz_metal_pair("Au");
  return LjPair{element, "C", au_c.epsilon_eV * std::sqrt(x->epsilon_eV / au.epsilon_eV),
                au_c.sigma_A + 0.5 * (x->sigma_A - au.sigma_A)};
}

LjPair substrate_pair_for_element(const std::string& element, const std::string& substrate,
                                  double lj_epsilon_eV, double lj_sigma_A,
                                  const std::string& epsilon_option) {
  const LjPair au_c = default_au_c_pair();
  const LjPair given{element, "C", lj_epsilon_eV, lj_sigma_A};
  if (substrate != "graphene" || lj_epsilon_eV != au_c.epsilon_eV || lj_sigma_A != au_c.sigma_A)
    return given;
  if (auto pair = metal_carbon_pair(element)) return *pair;
  throw InputError(epsilon_option,
                   "no metal–carbon Lennard-Jones parameters for " + element +
                       " (tabulated: Ag, Al, Au, Cu, Ni, Pd, Pt; docs/weld.md): give ε and σ of " +
                       element + "–C, or weld without the substrate");
}

std::string metal_carbon_source(const std::string& element, double lj_epsilon_eV,
                                double lj_sigma_A) {
  const auto pair = metal_carbon_pair(element);
  if (!pair || pair->epsilon_eV != lj_epsilon_eV || pair->sigma_A != lj_sigma_A)
    return "given (lj_epsilon, lj_sigma)";
  if (element == "Au")
    return "Lewis, Jensen, Combe and Barrat, Phys. Rev. B 61, 16084 (2000), Au clusters on "
           "graphite";
  return "Lorentz-Berthelot: " + element + "-" + element +
         " of Heinz, Vaia, Farmer and Naik, J. Phys. Chem. C 112, 17281 (2008) (12-6, sigma = "
         "r0/2^(1/6)) with the carbon term that Lewis et al.'s Au-C (Phys. Rev. B 61, 16084 "
         "(2000)) implies against Heinz's Au: eps = eps_AuC sqrt(eps_X/eps_Au), sigma = sigma_AuC "
         "+ (sigma_X - sigma_Au)/2";
}

}  // namespace fw::md
