/// \file oszicar.hpp
/// \brief OSZICAR reader: E0/F/dE (and MD temperatures) per ionic step, SCF steps per ionic step.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

/// One SCF line, e.g. "DAV:   3    -0.224E+02   -0.5E+00   -0.1E+01  1888   0.3E+00  0.2E+00".
struct OszicarElectronicStep {
  std::string algorithm;  ///< DAV, RMM, CG, SDA, ...
  int index = 0;
  double energy_eV = 0.0;
  double delta_energy_eV = 0.0;
  double delta_eigenvalues_eV = 0.0;
};

/// One ionic summary line, e.g. "   1 F= -.20663237E+02 E0= -.20663237E+02  d E =-.206632E+02  mag=
/// -2.0180".
struct OszicarIonicStep {
  int index = 0;
  double free_energy_eV = 0.0;    ///< F
  double energy_sigma0_eV = 0.0;  ///< E0
  double delta_energy_eV = 0.0;   ///< d E
  std::optional<double> magnetization_muB;
  /// Molecular dynamics lines: "T= 2000. E= ... F= ... E0= ... EK= ... SP= ... SK= ...".
  std::optional<double> temperature_K;
  std::optional<double> total_energy_eV;  ///< E (F + kinetic + thermostat)
  std::optional<double> kinetic_energy_eV;
  int electronic_steps = 0;
  std::vector<OszicarElectronicStep> electronic;
};

struct Oszicar {
  std::string source;
  std::vector<OszicarIonicStep> ionic_steps;
  /// SCF lines after the last ionic summary (a running or killed job's current step).
  std::vector<OszicarElectronicStep> unfinished_step;
  Completeness completeness;
};

/// Reads an OSZICAR. Throws InputError for an empty or unreadable file; numbers whose exponent
/// lost its 'E' (Fortran "-.243930-146") are read correctly.
Oszicar read_oszicar(const std::filesystem::path& path);
Oszicar parse_oszicar(std::string_view text, const std::string& source);

nlohmann::json to_json(const Oszicar& oszicar);

}  // namespace fw::vasp
