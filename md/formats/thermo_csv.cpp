/// \file thermo_csv.cpp
/// \brief Thermo CSV rows.
#include "md/formats/thermo_csv.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace fw::md {

ThermoCsv::ThermoCsv(const std::filesystem::path& path, long every, bool append)
    : out_(path, append ? std::ios::app : std::ios::trunc), every_(every) {
  if (!out_) throw InputError(path.string(), "cannot write the thermo table");
  if (!append) {
    out_ << "step,time_ps,temperature_K,potential_eV,kinetic_eV,total_eV,pressure_GPa,conserved_"
            "eV\n";
  }
}

void ThermoCsv::observe(const System&, const ThermoState& s) {
  char row[320];
  std::snprintf(row, sizeof row, "%ld,%.6f,%.6f,%.10f,%.10f,%.10f,%.8f,%.10f\n", s.step, s.time_ps,
                s.temperature_K, s.potential_eV, s.kinetic_eV, s.total_eV, s.pressure_GPa,
                s.conserved_eV);
  out_ << row << std::flush;
}

}  // namespace fw::md
