/// \file test_metal_carbon_lj.cpp
/// \brief Metal–carbon Lennard-Jones by element (md/apps/metal_carbon_lj): Au is Lewis et al.'s
/// Au–C, the others follow by Lorentz–Berthelot from Heinz et al.'s metal–metal 12-6 parameters.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "md/apps/metal_carbon_lj.hpp"

namespace fw::md {
namespace {

TEST(MetalCarbonLj, GoldIsLewisAuC) {
  const auto au = metal_carbon_pair("Au");
  ASSERT_TRUE(au);
  EXPECT_EQ(au->epsilon_eV, default_au_c_pair().epsilon_eV);
  EXPECT_EQ(au->sigma_A, default_au_c_pair().sigma_A);
}

TEST(MetalCarbonLj, OtherMetalsScaleAuCByHeinzsMetalParameters) {
  // Heinz et al. 2008, Table 1 (ε kcal/mol, r0 Å), written out here independently of the code's
  // table: ε_XC = ε_AuC √(ε_X/ε_Au), σ_XC = σ_AuC + (r0_X − r0_Au)/(2·2^(1/6)).
  struct Row {
    const char* element;
    double epsilon_kcal, r0_A;
  };
  const double two_sixth = std::pow(2.0, 1.0 / 6.0);
  for (const Row& x : {Row{"Ag", 4.56, 2.955}, Row{"Cu", 4.72, 2.616}, Row{"Ni", 5.65, 2.552},
                       Row{"Pd", 6.15, 2.819}, Row{"Pt", 7.80, 2.845}, Row{"Al", 4.02, 2.925}}) {
    const auto pair = metal_carbon_pair(x.element);
    ASSERT_TRUE(pair) << x.element;
    EXPECT_EQ(pair->species_a, x.element);
    EXPECT_EQ(pair->species_b, "C");
    EXPECT_NEAR(pair->epsilon_eV, 0.01273 * std::sqrt(x.epsilon_kcal / 5.29), 1e-12) << x.element;
    EXPECT_NEAR(pair->sigma_A, 2.9943 + (x.r0_A - 2.951) / (2.0 * two_sixth), 1e-12) << x.element;
  }
  // Cu's smaller atom sits closer to the sheet, Pt's deeper well binds harder.
  EXPECT_LT(metal_carbon_pair("Cu")->sigma_A, metal_carbon_pair("Au")->sigma_A);
  EXPECT_GT(metal_carbon_pair("Pt")->epsilon_eV, metal_carbon_pair("Au")->epsilon_eV);
  EXPECT_FALSE(metal_carbon_pair("Co"));
}

TEST(MetalCarbonLj, AWeldTakesTheElementsPairOnlyAtTheAuCDefaults) {
  const LjPair au_c = default_au_c_pair();
  const LjPair ag =
      substrate_pair_for_element("Ag", "graphene", au_c.epsilon_eV, au_c.sigma_A, "--lj-epsilon");
  EXPECT_EQ(ag.epsilon_eV, metal_carbon_pair("Ag")->epsilon_eV);
  EXPECT_EQ(ag.sigma_A, metal_carbon_pair("Ag")->sigma_A);
  // A given ε (or σ) is the user's; without a substrate nothing is replaced.
  EXPECT_EQ(substrate_pair_for_element("Ag", "graphene", 0.02, au_c.sigma_A, "x").epsilon_eV, 0.02);
  EXPECT_EQ(substrate_pair_for_element("Ag", "none", au_c.epsilon_eV, au_c.sigma_A, "x").epsilon_eV,
            au_c.epsilon_eV);
  EXPECT_EQ(substrate_pair_for_element("Co", "graphene", 0.02, 3.0, "x").sigma_A, 3.0);
  try {
    substrate_pair_for_element("Co", "graphene", au_c.epsilon_eV, au_c.sigma_A, "--lj-epsilon");
    FAIL() << "Co has no metal-carbon parameters";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--lj-epsilon: no metal–carbon Lennard-Jones parameters "
                                         "for Co"),
              std::string::npos)
        << e.what();
  }
}

TEST(MetalCarbonLj, SourceNamesWhereTheParametersCameFrom) {
  const auto ag = *metal_carbon_pair("Ag");
  EXPECT_NE(metal_carbon_source("Ag", ag.epsilon_eV, ag.sigma_A).find("17281"), std::string::npos);
  const auto au = default_au_c_pair();
  EXPECT_NE(metal_carbon_source("Au", au.epsilon_eV, au.sigma_A).find("16084"), std::string::npos);
  EXPECT_EQ(metal_carbon_source("Ag", 0.02, 3.0), "given (lj_epsilon, lj_sigma)");
}

}  // namespace
}  // namespace fw::md
