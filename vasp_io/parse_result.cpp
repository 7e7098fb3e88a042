/// \file parse_result.cpp
/// \brief JSON forms of the result pieces every VASP parser shares.
#include "vasp_io/parse_result.hpp"

#include <cmath>

namespace fw::vasp {

namespace {
nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}
}  // namespace

void add_completeness(nlohmann::json& out, const Completeness& completeness) {
  out["complete"] = completeness.complete;
  out["missing"] = completeness.missing;
}

nlohmann::json to_json(const StepEnergies& energies) {
  return {{"free_energy_eV", number_or_null(energies.free_energy_eV)},
          {"energy_without_entropy_eV", number_or_null(energies.energy_without_entropy_eV)},
          {"energy_sigma0_eV", number_or_null(energies.energy_sigma0_eV)}};
}

}  // namespace fw::vasp
