/// \file quantity.hpp
/// \brief Numbers with units as a user types them ("30Ha", "816eV", "60Ry", "5ps", "300K"):
/// parsed once and converted to the unit a setting is stored in.
#pragma once

#include <optional>
#include <string>

namespace fw::settings {

/// Factor that converts a value in `unit` to `canonical` (same dimension), or nothing when the
/// two are not of one dimension or a unit is unknown. Accepts "A" and "Å" alike.
std::optional<double> unit_factor(const std::string& unit, const std::string& canonical);

/// The units a user may type for a quantity stored in `canonical`, e.g. "Ha, Ry, eV, meV".
std::string accepted_units(const std::string& canonical);

/// Parses "30Ha", "30 Ha", "1e-3eV" or a plain "30" (taken in `canonical`) into `canonical`.
/// Throws std::invalid_argument with a message naming what was expected.
double parse_quantity(const std::string& text, const std::string& canonical);

/// The unit as it goes into a JSON key: "Å" → "A", "eV/Å" → "eV_per_A", "1/Å" → "per_A".
std::string unit_key_suffix(const std::string& unit);

}  // namespace fw::settings
