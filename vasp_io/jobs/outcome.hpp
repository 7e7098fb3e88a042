/// \file outcome.hpp
/// \brief Judging a finished VASP attempt from its folder: success with an energy, or the
/// errors that a repair can act on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vasp_io/jobs/errors.hpp"

namespace fw::vasp {

struct AttemptOutcome {
  bool success = false;
  std::vector<VaspError> errors;  ///< fatal ones first matter; notes (auto_nbands) kept too
  /// E(σ→0) of the last completed ionic step (eV): the energy compared between cells for metals.
  std::optional<double> energy_eV;
  nlohmann::json result = nlohmann::json::object();  ///< energies, steps, flags for the registry
  std::string summary;                               ///< one line for status and history
  /// How the OUTCAR disagrees with the folder's POSCAR/INCAR (output_check.hpp); an attempt with
  /// any is never a success.
  std::vector<std::string> mismatches;
};

/// Reads vasp.out, vasp.err and OUTCAR (through the OUTCAR parser) in `folder`. Success needs a
/// normally ended OUTCAR whose last SCF converged, no fatal message, and — for a relaxation — the
/// EDIFFG criterion met before NSW. `exit_code` is VASP's, when known. BRMIX is ignored when the
/// INCAR sets NELECT (a charged cell changes the density on purpose; custodian does the same).
/// The OUTCAR is also checked against the folder's inputs (`mismatches`).
AttemptOutcome evaluate_attempt(const std::filesystem::path& folder, std::optional<int> exit_code);

}  // namespace fw::vasp
