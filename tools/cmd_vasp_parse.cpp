/// \file cmd_vasp_parse.cpp
/// \brief `facetweld vasp parse FILE [--json]`: OUTCAR, OSZICAR, vasprun.xml(.gz) or CONTCAR.
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/version.hpp"
#include "tools/command.hpp"
#include "vasp_io/parse_file.hpp"

namespace fw::cli {
namespace {

struct ParseOptions {
  std::string file;
  std::string type;  ///< outcar | oszicar | vasprun | contcar; empty = from name or content
  bool json = false;
  bool require_complete = false;
};

std::string fmt(const nlohmann::json& x, const char* unit) {
  if (x.is_null()) return "n/a";
  std::ostringstream s;
  if (x.is_number_float())
    s << std::setprecision(10) << x.get<double>();
  else
    s << x.dump();
  if (unit[0]) s << ' ' << unit;
  return s.str();
}

/// j[key] or null: a const json's operator[] on a missing key is undefined behaviour, and which
/// keys a parser writes depends on the file type and on how much of the file was there.
nlohmann::json field(const nlohmann::json& j, const char* key) {
  return j.contains(key) ? j.at(key) : nlohmann::json();
}

void print_summary(const nlohmann::json& j, const std::string& type) {
  std::cout << j.value("source", "") << " (" << j.value("file_type", type) << ")\n";
  if (type == "contcar" || type == "poscar") {
    std::cout << "  atoms: " << field(j, "species").size() << ", volume "
              << fmt(field(j, "volume_A3"), "Å³") << "\n";
    return;
  }
  if (j.contains("vasp_version"))
    std::cout << "  VASP " << j["vasp_version"].get<std::string>() << "\n";
  std::cout << "  ionic steps: " << fmt(field(j, "n_ionic_steps"), "") << "\n";
  if (j.contains("final_energy_sigma0_eV"))
    std::cout << "  final E(sigma->0): " << fmt(j["final_energy_sigma0_eV"], "eV") << "\n";
  if (j.contains("final_free_energy_eV"))
    std::cout << "  final free energy F: " << fmt(j["final_free_energy_eV"], "eV") << "\n";
  if (j.contains("efermi_eV")) std::cout << "  E-fermi: " << fmt(j["efermi_eV"], "eV") << "\n";
  if (j.contains("converged_electronic"))
    std::cout << "  converged: electronic " << j["converged_electronic"] << ", ionic "
              << fmt(field(j, "converged_ionic"), "") << "\n";
  if (j.contains("finished")) std::cout << "  finished normally: " << j["finished"] << "\n";
  std::cout << "  complete: " << fmt(field(j, "complete"), "") << "\n";
  for (const auto& m : field(j, "missing"))
    std::cout << "  missing: " << m.get<std::string>() << "\n";
}

void run_parse(const ParseOptions& o) {
  std::string type = o.type;
  nlohmann::json j = vasp::parse_file_json(o.file, type);
  j["code_version"] = code_version();
  if (o.json) {
    // File text (versions, warnings) may hold bytes that are not UTF-8: replace, never throw.
    std::cout << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    print_summary(j, type);
  }
  if (!j["complete"].get<bool>()) {
    std::string what;
    for (const auto& m : j["missing"]) what += (what.empty() ? "" : "; ") + m.get<std::string>();
    if (o.require_complete) throw InputError(o.file, "incomplete: " + what);
    std::cerr << "facetweld: warning: " << o.file
              << ": incomplete result (\"complete\": false): " << what << "\n";
  }
}

const RegisterCommand kRegistered{
    "vasp parse", [](CLI::App& root) {
      CLI::App* vasp =
          command_group(root, "vasp", "VASP jobs: prepare, run, watch, collect, parse");
      auto opts = std::make_shared<ParseOptions>();
      CLI::App* cmd =
          vasp->add_subcommand("parse",
                               "Read an OUTCAR, OSZICAR, vasprun.xml(.gz) or CONTCAR and report "
                               "energies (eV), forces (eV/Å), stress (kbar), Fermi level, flags");
      cmd->add_option("FILE", opts->file, "The file (type from its name or first lines)")
          ->required();
      cmd->add_option("--type", opts->type, "Force the type: outcar, oszicar, vasprun, contcar");
      cmd->add_flag("--json", opts->json, "Print the full result as JSON (units in key names)");
      cmd->add_flag("--require-complete", opts->require_complete,
                    "Exit with code 2 when the file is truncated or lacks a finished run's blocks");
      cmd->callback([opts] { run_parse(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
