/// \file lammps_log.hpp
/// \brief Reading a LAMMPS log: its thermo tables and the lines an input script `print`s.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fw::md {

/// One thermo table (one `run` or `minimize`): column names as LAMMPS writes them (Step, Time,
/// Temp, PotEng, ...) and one row per thermo output.
struct LammpsThermoTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;
  /// Index of `name` in columns; throws InputError(source) when absent.
  std::size_t column(const std::string& name, const std::string& source) const;
};

struct LammpsLog {
  std::vector<LammpsThermoTable> tables;
  /// `print "facetweld KEY VALUE"` lines: KEY → VALUE.
  std::map<std::string, double> values;
};

/// Parses log.lammps. Throws InputError(path) when it cannot be read.
LammpsLog read_lammps_log(const std::filesystem::path& path);

}  // namespace fw::md
