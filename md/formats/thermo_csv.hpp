/// \file thermo_csv.hpp
/// \brief The thermo table as CSV: step, time, T, potential, kinetic, total energy, pressure.
#pragma once

#include <filesystem>
#include <fstream>

#include "md/engine/dynamics.hpp"

namespace fw::md {

/// Columns: step,time_ps,temperature_K,potential_eV,kinetic_eV,total_eV,pressure_GPa,conserved_eV.
/// Rows are flushed as written; `append` continues an existing table (restart).
class ThermoCsv : public Observer {
 public:
  ThermoCsv(const std::filesystem::path& path, long every, bool append = false);
  long every() const override { return every_; }
  void observe(const System& system, const ThermoState& state) override;

 private:
  std::ofstream out_;
  long every_;
};

}  // namespace fw::md
