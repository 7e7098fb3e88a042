/// \file cmd_vasp_parse.cpp
/// \brief `facetweld vasp parse FILE [--json]`: OUTCAR, OSZICAR, vasprun.xml(.gz) or CONTCAR.
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/version.hpp"
#include "slabs/io/poscar.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/command.hpp"
#include "vasp_io/oszicar.hpp"
#include "vasp_io/outcar.hpp"
#include "vasp_io/vasprun.hpp"

namespace fw::cli {
namespace {

struct ParseOptions {
  std::string file;
  std::string type;  ///< outcar | oszicar | vasprun | contcar; empty = from name or content
  bool json = false;
  bool require_complete = false;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// From the name (OUTCAR*, OSZICAR*, vasprun*.xml[.gz], CONTCAR*/POSCAR*), else the first bytes.
std::string detect_type(const std::filesystem::path& path) {
  const std::string name = lower(path.filename().string());
  if (name.find("outcar") != std::string::npos) return "outcar";
  if (name.find("oszicar") != std::string::npos) return "oszicar";
  if (name.find("vasprun") != std::string::npos || name.ends_with(".xml") ||
      name.ends_with(".xml.gz"))
    return "vasprun";
  if (name.find("contcar") != std::string::npos || name.find("poscar") != std::string::npos ||
      name.ends_with(".vasp"))
    return "contcar";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open for reading");
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.empty()) throw InputError(path.string(), "empty file");
  if (head.find("<?xml") != std::string::npos || head.find("<modeling") != std::string::npos)
    return "vasprun";
  if (head.find(" vasp.") != std::string::npos) return "outcar";
  if (head.find("DAV:") != std::string::npos || head.find("RMM:") != std::string::npos ||
      head.find(" F= ") != std::string::npos)
    return "oszicar";
  throw InputError(path.string(),
                   "cannot tell the file type from its name or first lines; pass --type "
                   "outcar|oszicar|vasprun|contcar");
}

nlohmann::json structure_json(const slabs::Structure& s) {
  nlohmann::json j;
  j["cell_A"] = nlohmann::json::array();
  for (int r = 0; r < 3; ++r) j["cell_A"].push_back({s.cell[r].x, s.cell[r].y, s.cell[r].z});
  j["species"] = nlohmann::json::array();
  j["positions_A"] = nlohmann::json::array();
  for (const auto& a : s.atoms) {
    j["species"].push_back(a.species);
    j["positions_A"].push_back({a.position.x, a.position.y, a.position.z});
  }
  if (s.selective_dynamics) {
    j["selective_dynamics"] = nlohmann::json::array();
    for (const auto& a : s.atoms) j["selective_dynamics"].push_back(a.movable);
  }
  j["volume_A3"] = s.volume();
  j["comment"] = s.comment;
  return j;
}

nlohmann::json parse_vasprun_file(const std::filesystem::path& path) {
  vasp::VasprunOptions options;  // bounded memory: forces of the last step only
  const vasp::Vasprun v = vasp::read_vasprun(path, options);
  nlohmann::json j = vasp::to_json(v);
  j["efermi_source"] = v.efermi_eV ? nlohmann::json("vasprun.xml") : nlohmann::json(nullptr);
  // MANIFEST item 8: without a <dos> block vasprun.xml has no Fermi level; the OUTCAR of the same
  // run (same folder) has it, so take the last E-fermi from there and say so.
  const auto outcar_path = path.parent_path() / "OUTCAR";
  if (!v.efermi_eV && std::filesystem::exists(outcar_path)) {
    try {
      const vasp::Outcar o = vasp::read_outcar(outcar_path);
      if (o.efermi_eV) {
        j["efermi_eV"] = *o.efermi_eV;
        j["efermi_source"] = outcar_path.string();
      }
    } catch (const InputError&) {
      // The OUTCAR is optional here; its own problems are reported when it is parsed itself.
    }
  }
  return j;
}

nlohmann::json parse_any(const ParseOptions& o, std::string& type) {
  const std::filesystem::path path(o.file);
  if (!std::filesystem::exists(path)) throw InputError(o.file, "file not found");
  type = o.type.empty() ? detect_type(path) : lower(o.type);
  if (type == "outcar") return vasp::to_json(vasp::read_outcar(path));
  if (type == "oszicar") return vasp::to_json(vasp::read_oszicar(path));
  if (type == "vasprun") return parse_vasprun_file(path);
  if (type == "contcar" || type == "poscar") {
    std::ifstream in = slabs::open_structure_text(path);
    nlohmann::json j = structure_json(slabs::read_poscar(in, o.file));
    j["file_type"] = "CONTCAR";
    j["source"] = o.file;
    j["complete"] = true;
    j["missing"] = nlohmann::json::array();
    return j;
  }
  throw InputError(
      "--type", "unknown file type '" + o.type + "': expected outcar, oszicar, vasprun or contcar");
}

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

void print_summary(const nlohmann::json& j, const std::string& type) {
  std::cout << j.value("source", "") << " (" << j.value("file_type", type) << ")\n";
  if (type == "contcar" || type == "poscar") {
    std::cout << "  atoms: " << j["species"].size() << ", volume " << fmt(j["volume_A3"], "Å³")
              << "\n";
    return;
  }
  if (j.contains("vasp_version"))
    std::cout << "  VASP " << j["vasp_version"].get<std::string>() << "\n";
  std::cout << "  ionic steps: " << j["n_ionic_steps"] << "\n";
  if (j.contains("final_energy_sigma0_eV"))
    std::cout << "  final E(sigma->0): " << fmt(j["final_energy_sigma0_eV"], "eV") << "\n";
  if (j.contains("final_free_energy_eV"))
    std::cout << "  final free energy F: " << fmt(j["final_free_energy_eV"], "eV") << "\n";
  if (j.contains("efermi_eV")) std::cout << "  E-fermi: " << fmt(j["efermi_eV"], "eV") << "\n";
  if (j.contains("converged_electronic"))
    std::cout << "  converged: electronic " << j["converged_electronic"] << ", ionic "
              << j["converged_ionic"] << "\n";
  if (j.contains("finished")) std::cout << "  finished normally: " << j["finished"] << "\n";
  std::cout << "  complete: " << j["complete"] << "\n";
  for (const auto& m : j["missing"]) std::cout << "  missing: " << m.get<std::string>() << "\n";
}

void run_parse(const ParseOptions& o) {
  std::string type;
  nlohmann::json j = parse_any(o, type);
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
