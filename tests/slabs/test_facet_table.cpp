/// \file test_facet_table.cpp
/// \brief facets.json: γ = E_dis/2 in J/m², round trip, and clear errors for malformed tables.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "slabs/facet_table.hpp"

using namespace fw;
using namespace fw::slabs;

TEST(FacetTable, GammaIsHalfTheDissociationEnergyInJoulePerSquareMetre) {
  FacetEntry f;
  f.e_dis_eV_per_A2 = 0.133;  // the paper's {100}
  // 0.133 eV/Å² = 0.133 × 16.02177 J/m² = 2.1309 J/m², two faces -> 1.0654 J/m² each.
  EXPECT_NEAR(f.gamma_J_per_m2(), 0.133 * 16.02176634 / 2, 1e-12);
}

TEST(FacetTable, JsonRoundTripKeepsEveryField) {
  FacetTable t;
  t.engine = "eam";
  t.a_A = 4.08;
  t.settings = {{"potential", "Au_u3.eam"}};
  FacetEntry f;
  f.hkl = {1, 1, 0};
  f.e_dis_eV_per_A2 = 0.12;
  f.relaxed = true;
  f.method = "cut-crystal";
  f.area_A2 = 559.1;
  f.e_slab_eV = -1.0;
  f.e_bulk_eV = -2.0;
  f.converged = false;
  t.facets.push_back(f);
  const FacetTable back = facet_table_from_json(to_json(t), "x.json");
  ASSERT_EQ(back.facets.size(), 1u);
  EXPECT_EQ(back.engine, "eam");
  EXPECT_EQ(back.settings["potential"], "Au_u3.eam");
  const auto g = back.find({2, 2, 0}, "cut-crystal", true);
  ASSERT_TRUE(g.has_value());
  EXPECT_DOUBLE_EQ(g->e_dis_eV_per_A2, 0.12);
  EXPECT_FALSE(g->converged);
  EXPECT_FALSE(back.find({1, 1, 0}, "slab", true).has_value());
}

TEST(FacetTable, MissingOrMistypedKeysNameTheKey) {
  try {
    facet_table_from_json({{"engine", "eam"},
                           {"element", "Au"},
                           {"a_A", 4.08},
                           {"facets",
                            {{{"hkl", {1, 0, 0}},
                              {"e_dis_eV_per_A2", "big"},
                              {"relaxed", false},
                              {"method", "slab"}}}}},
                          "f.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("e_dis_eV_per_A2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("f.json"), std::string::npos);
  }
  EXPECT_THROW(facet_table_from_json({{"engine", "eam"}}, "f.json"), InputError);
}
