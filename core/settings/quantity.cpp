/// \file quantity.cpp
/// \brief Unit families and their conversion factors (constants from core/units.hpp).
#include "core/settings/quantity.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/units.hpp"

namespace fw::settings {
namespace {

struct UnitDef {
  const char* name;
  const char* dimension;
  double in_base;  ///< value of 1 `name` in the dimension's base unit
};

// Base units: energy eV, length Å, time ps, temperature K, angle deg, force eV/Å,
// inverse length 1/Å.
constexpr std::array<UnitDef, 18> kUnits{{
    {"eV", "energy", 1.0},
    {"meV", "energy", 1e-3},
    {"Ha", "energy", units::kHartreeInEV},
    {"Ry", "energy", units::kRydbergInEV},
    {"A", "length", 1.0},
    {"Å", "length", 1.0},
    {"nm", "length", 10.0},
    {"bohr", "length", units::kBohrInAngstrom},
    {"ps", "time", 1.0},
    {"fs", "time", 1e-3},
    {"ns", "time", 1e3},
    {"K", "temperature", 1.0},
    {"deg", "angle", 1.0},
    {"eV/A", "force", 1.0},
    {"eV/Å", "force", 1.0},
    {"Ha/bohr", "force", units::kHartreeInEV / units::kBohrInAngstrom},
    {"1/A", "inverse length", 1.0},
    {"1/bohr", "inverse length", 1.0 / units::kBohrInAngstrom},
}};

const UnitDef* find_unit(const std::string& unit) {
  for (const auto& u : kUnits)
    if (unit == u.name) return &u;
  return nullptr;
}

}  // namespace

std::optional<double> unit_factor(const std::string& unit, const std::string& canonical) {
  if (unit == canonical) return 1.0;
  const UnitDef* from = find_unit(unit);
  const UnitDef* to = find_unit(canonical);
  if (!from || !to || std::string(from->dimension) != to->dimension) return std::nullopt;
  return from->in_base / to->in_base;
}

std::string accepted_units(const std::string& canonical) {
  const UnitDef* to = find_unit(canonical);
  if (!to) return canonical;
  std::string out;
  for (const auto& u : kUnits)
    if (std::string(u.dimension) == to->dimension &&
        std::string(u.name).find("Å") == std::string::npos)
      out += (out.empty() ? "" : ", ") + std::string(u.name);
  return out;
}

double parse_quantity(const std::string& text, const std::string& canonical) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin)
    throw std::invalid_argument(
        "expected a number" + (canonical.empty() ? "" : " with unit " + accepted_units(canonical)) +
        ", got '" + text + "'");
  std::string unit(end);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.front()))) unit.erase(0, 1);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.back()))) unit.pop_back();
  if (!std::isfinite(number))
    throw std::invalid_argument("expected a finite number, got '" + text + "'");
  if (unit.empty()) return number;
  if (canonical.empty())
    throw std::invalid_argument("expected a plain number (no unit), got '" + text + "'");
  const auto factor = unit_factor(unit, canonical);
  if (!factor)
    throw std::invalid_argument("unknown unit '" + unit + "' (expected " +
                                accepted_units(canonical) + ")");
  return number * *factor;
}

std::string unit_key_suffix(const std::string& unit) {
  std::string ascii;
  for (std::size_t i = 0; i < unit.size();) {
    if (unit.compare(i, 2, "Å") == 0) {
      ascii += 'A';
      i += 2;
    } else {
      ascii += unit[i++];
    }
  }
  if (ascii.rfind("1/", 0) == 0) return "per_" + ascii.substr(2);
  const auto slash = ascii.find('/');
  if (slash == std::string::npos) return ascii;
  return ascii.substr(0, slash) + "_per_" + ascii.substr(slash + 1);
}

}  // namespace fw::settings
