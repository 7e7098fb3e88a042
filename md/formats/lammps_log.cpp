/// \file lammps_log.cpp
/// \brief LAMMPS log parser: a table starts at the header line "Step ..." and ends at
/// "Loop time"; `print` lines start with "facetweld ".
#include "md/formats/lammps_log.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace fw::md {

std::size_t LammpsThermoTable::column(const std::string& name, const std::string& source) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) throw InputError(source, "the thermo table has no column " + name);
  return static_cast<std::size_t>(it - columns.begin());
}

LammpsLog read_lammps_log(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot read the LAMMPS log");
  LammpsLog log;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (first == "Step") {
      log.tables.emplace_back();
      log.tables.back().columns.push_back(first);
      for (std::string c; words >> c;) log.tables.back().columns.push_back(c);
      in_table = true;
    } else if (first == "Loop") {
      in_table = false;
    } else if (first == "facetweld") {
      std::string key;
      double value = 0.0;
      if (words >> key >> value) log.values[key] = value;
    } else if (in_table) {
      std::istringstream row(line);
      std::vector<double> values;
      for (double v; row >> v;) values.push_back(v);
      // Warnings can interrupt a table; keep only complete numeric rows.
      if (values.size() == log.tables.back().columns.size())
        log.tables.back().rows.push_back(values);
    }
  }
  return log;
}

}  // namespace fw::md
