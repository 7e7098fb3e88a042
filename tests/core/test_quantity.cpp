/// \file test_quantity.cpp
/// \brief Numbers with units as users type them, converted with CODATA 2018 factors.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/settings/quantity.hpp"

using fw::settings::parse_quantity;
using fw::settings::unit_key_suffix;

TEST(Quantity, EnergiesConvertBetweenHartreeRydbergAndElectronvolt) {
  EXPECT_DOUBLE_EQ(parse_quantity("30Ha", "Ha"), 30.0);
  EXPECT_DOUBLE_EQ(parse_quantity("30", "Ha"), 30.0);  // a plain number is in the key's unit
  EXPECT_NEAR(parse_quantity("60Ry", "Ha"), 30.0, 1e-12);
  // 1 Ha = 27.211386245988 eV (CODATA 2018): 816 eV = 29.9875... Ha.
  EXPECT_NEAR(parse_quantity("816eV", "Ha"), 816.0 / 27.211386245988, 1e-12);
  EXPECT_NEAR(parse_quantity("816 eV", "Ha"), 816.0 / 27.211386245988, 1e-12);
  EXPECT_NEAR(parse_quantity("10meV", "eV"), 0.01, 1e-15);
}

TEST(Quantity, TimesLengthsAndForces) {
  EXPECT_NEAR(parse_quantity("5000fs", "ps"), 5.0, 1e-12);
  EXPECT_NEAR(parse_quantity("1nm", "Å"), 10.0, 1e-12);
  EXPECT_NEAR(parse_quantity("1bohr", "A"), 0.529177210903, 1e-15);
  EXPECT_NEAR(parse_quantity("1Ha/bohr", "eV/Å"), 27.211386245988 / 0.529177210903, 1e-9);
  EXPECT_DOUBLE_EQ(parse_quantity("300K", "K"), 300.0);
}

TEST(Quantity, WrongDimensionUnknownUnitAndNonNumbersAreRejected) {
  EXPECT_THROW(parse_quantity("30ps", "Ha"), std::invalid_argument);
  EXPECT_THROW(parse_quantity("30kJ", "Ha"), std::invalid_argument);
  EXPECT_THROW(parse_quantity("Ha", "Ha"), std::invalid_argument);
  EXPECT_THROW(parse_quantity("inf", "Ha"), std::invalid_argument);
  EXPECT_THROW(parse_quantity("nan", "Å"), std::invalid_argument);
  EXPECT_THROW(parse_quantity("3eV", ""), std::invalid_argument);  // a unitless setting
  try {
    parse_quantity("30kJ", "Ha");
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("Ry"), std::string::npos) << "lists the accepted units";
  }
}

TEST(Quantity, JsonKeySuffixesSpellUnitsInAscii) {
  EXPECT_EQ(unit_key_suffix("Å"), "A");
  EXPECT_EQ(unit_key_suffix("eV/Å"), "eV_per_A");
  EXPECT_EQ(unit_key_suffix("1/bohr"), "per_bohr");
  EXPECT_EQ(unit_key_suffix("Ha"), "Ha");
}
