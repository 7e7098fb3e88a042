/// \file cmd_convert.cpp
/// \brief `facetweld convert IN OUT`: structure files from one format to another.
#include <iostream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct ConvertOptions {
  std::string input;
  std::string output;
  std::string species;  ///< comma-separated, for VASP 4 POSCARs without a species line
};

void run_convert(const ConvertOptions& o) {
  std::vector<std::string> hint;
  std::istringstream ss(o.species);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) hint.push_back(item);
  slabs::format_from_filename(o.output, "OUTPUT");
  ensure_writable_destination(o.output, "OUTPUT");
  const auto s = slabs::read_structure(o.input, hint);
  slabs::write_structure(o.output, s);
  std::cout << "wrote " << o.output << ": " << s.size() << " atoms, cell volume " << s.volume()
            << " Å³\n";
}

const RegisterCommand kRegistered{
    "convert", [](CLI::App& root) {
      auto opts = std::make_shared<ConvertOptions>();
      CLI::App* cmd = root.add_subcommand(
          "convert",
          "Convert a structure file (POSCAR/CONTCAR, extxyz -> POSCAR, extxyz, LAMMPS data)");
      cmd->add_option("INPUT", opts->input,
                      "Structure to read (*.vasp, POSCAR*, CONTCAR*, *.extxyz, *.xyz)")
          ->required();
      cmd->add_option("OUTPUT", opts->output, "Structure to write (format from the name)")
          ->required();
      cmd->add_option("--species", opts->species,
                      "Species of a VASP 4 POSCAR without species line, e.g. Au or Ag,Au");
      cmd->callback([opts] { run_convert(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
