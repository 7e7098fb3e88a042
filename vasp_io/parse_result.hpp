/// \file parse_result.hpp
/// \brief Pieces every VASP output parser shares: step energies and "what was missing" reports.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fw::vasp {

/// Whether a parsed file held everything a finished run writes. A truncated or partly corrupt
/// file still yields what it had, with `complete == false` and one line per missing piece.
struct Completeness {
  bool complete = true;
  std::vector<std::string> missing;

  void mark_missing(std::string what) {
    complete = false;
    missing.push_back(std::move(what));
  }
};

/// The three energies VASP prints at the end of an ionic step (eV). F = E − TS is the
/// variational free energy ("free energy TOTEN"); E is "energy without entropy"; E(σ→0) is the
/// extrapolation (E + F)/2 (Gillan, J. Phys. Condens. Matter 1, 689 (1989)), the energy to
/// compare between cells for metals.
struct StepEnergies {
  double free_energy_eV = std::numeric_limits<double>::quiet_NaN();
  double energy_without_entropy_eV = std::numeric_limits<double>::quiet_NaN();
  double energy_sigma0_eV = std::numeric_limits<double>::quiet_NaN();
};

/// {"complete": bool, "missing": [...]}, merged into a parser's JSON object.
void add_completeness(nlohmann::json& out, const Completeness& completeness);
/// {"free_energy_eV", "energy_without_entropy_eV", "energy_sigma0_eV"}.
nlohmann::json to_json(const StepEnergies& energies);

/// The value, or JSON null when absent or not finite.
inline nlohmann::json json_or_null(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace fw::vasp
