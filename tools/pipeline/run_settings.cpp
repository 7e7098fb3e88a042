/// \file run_settings.cpp
/// \brief The `facetweld run` job file: its sections are the modules' settings tables (plus
/// each stage's on/off switch), so defaults, units, ranges and docs are never written here.
#include "tools/pipeline/run_settings.hpp"

#include <unistd.h>

#include <fstream>

#include "core/error.hpp"
#include "core/toml_input.hpp"
#include "dft/pseudo/default_pseudopotential.hpp"
#include "dft/settings.hpp"
#include "md/apps/facet_energy_settings.hpp"
#include "md/apps/job_settings.hpp"
#include "md/engine/eam_potential.hpp"
#include "md/formats/potential_file.hpp"
#include "md/weld/settings.hpp"
#include "slabs/elements.hpp"
#include "slabs/fcc_metals.hpp"
#include "slabs/oriented.hpp"
#include "vasp_io/potcar.hpp"

namespace fw::pipeline {

using settings::bind;
using settings::Binding;
using settings::lift;
using settings::Table;
using settings::Type;

namespace {

slabs::CrystalSettings& crystal_of(RunSettings& s) {
  return s;
}
const slabs::CrystalSettings& crystal_of(const RunSettings& s) {
  return s;
}

using settings::ConsistencyError;

/// Job-file paths are checked when the file is read, not when their stage starts.
void check_readable_file(const std::string& path, const std::string& key,
                         const std::string& source) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ConsistencyError(source, {key}, "'" + path + "' is not a file");
  if (!std::ifstream(path)) throw ConsistencyError(source, {key}, "'" + path + "' cannot be read");
}

void check_readable_folder(const std::string& path, const std::string& key,
                           const std::string& source) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec))
    throw ConsistencyError(source, {key}, "'" + path + "' is not a folder");
  if (::access(path.c_str(), R_OK | X_OK) != 0)
    throw ConsistencyError(source, {key}, "the folder '" + path + "' cannot be read");
}

/// A slab section's vacuum against the thickest layer spacing of the run's facets.
void check_vacuum_key(double vacuum_A, const RunSettings& s, const std::string& source) {
  try {
    slabs::check_slab_vacuum(vacuum_A, s.a_A, s.facets, source, "vacuum");
  } catch (const InputError& e) {
    throw ConsistencyError(source, {"vacuum"}, e.message());
  }
}

/// The EAM file ([eam] potential, used by the EAM and the welding stages): found, readable, and
/// for the run's element.
void check_eam_potential(const RunSettings& s, const std::string& source) {
  if (!s.eam.enabled && !s.weld.enabled) return;
  std::filesystem::path path;
  try {
    path = md::find_potential_file(s.eam.facet.potential, "potential");
  } catch (const InputError& e) {
    throw ConsistencyError(source, {"potential"}, e.message());
  }
  check_readable_file(path.string(), "potential", source);
  try {
    md::read_eam_for_element(path, s.element, source);
  } catch (const InputError& e) {
    throw ConsistencyError(source, {"element", "potential"}, e.message());
  }
}

template <class Access>
Binding<RunSettings> stage_switch(const std::string& stage, Access access) {
  return bind<RunSettings>({.key = "enabled",
                            .type = Type::Boolean,
                            .default_value = true,
                            .doc = "Run the " + stage + " stage"},
                           access);
}

const Table<RunSettings>& top_table() {
  static const Table<RunSettings> table(
      "", "Crystal and results folder",
      settings::join(
          lift<RunSettings>(
              slabs::crystal_settings_table(), [](auto& s) -> auto& { return crystal_of(s); }),
          {bind<RunSettings>(
              {.key = "output_dir",
               .type = Type::Text,
               .default_value = std::string("facetweld-results"),
               .doc = "Results folder (stages resume from what it holds)"},
              [](auto& s) -> auto& { return s.output_dir; })}));
  return table;
}

const Table<RunSettings>& geometry_table() {
  static const Table<RunSettings> table(
      "geometry", slabs::cut_crystal_settings_table().title(),
      lift<RunSettings>(
          slabs::cut_crystal_settings_table(), [](auto& s) -> auto& { return s.geometry; }));
  return table;
}

// The stage runs both methods; everything else comes from md's table.
const Table<RunSettings>& eam_table() {
  static const Table<RunSettings> table(
      "eam", "EAM facet energies (slab and cut-crystal, unrelaxed and relaxed)",
      settings::join({stage_switch(
                         "EAM", [](auto& s) -> auto& { return s.eam.enabled; })},
                     lift<RunSettings>(md::eam_facet_settings_table(),
                                       [](auto& s) -> auto& { return s.eam.facet; },
                                       {"potential", "layers", "vacuum", "fmax", "minimizer"})),
      [](const RunSettings& s, const std::string& source) {
        check_eam_potential(s, source);
        if (s.eam.enabled) check_vacuum_key(s.eam.facet.vacuum_A, s, source);
      });
  return table;
}

const Table<RunSettings>& dft_table() {
  static const Table<RunSettings> table(
      "dft", dft::facet_settings_table().title(),
      settings::join(
          {stage_switch(
               "native PBE", [](auto& s) -> auto& { return s.dft.enabled; }),
           bind<RunSettings>(
               {.key = "table",
                .type = Type::Text,
                .default_value = std::string(kShippedDftTable),
                .doc = "Converged E_dis table used instead of computing when converge is off and "
                       "its element and pseudopotential are the run's, after recomputing its "
                       "check cell (a file, or a name in data/dft/); none: compute at these "
                       "settings"},
               [](auto& s) -> auto& { return s.dft.table; })},
          lift<RunSettings>(
              dft::facet_settings_table(), [](auto& s) -> auto& { return s.dft.facet; })),
      [](const RunSettings& s, const std::string& source) {
        dft::facet_settings_table().check_consistency(s.dft.facet, source);
        if (!s.dft.enabled) return;
        check_readable_file(s.dft.facet.pseudopotential, "pseudopotential", source);
        if (s.dft.facet.method == "slab") check_vacuum_key(s.dft.facet.vacuum_A, s, source);
      });
  return table;
}

const Table<RunSettings>& vasp_table() {
  static const Table<RunSettings> table(
      "vasp", vasp::job_settings_table().title(),
      settings::join({stage_switch(
                         "VASP jobs", [](auto& s) -> auto& { return s.vasp.enabled; })},
                     lift<RunSettings>(
                         vasp::job_settings_table(), [](auto& s) -> auto& { return s.vasp.jobs; })),
      [](const RunSettings& s, const std::string& source) {
        if (!s.vasp.enabled) return;
        const std::string& dir = s.vasp.jobs.potcar_dir;
        if (!dir.empty() && dir != "none") {
          check_readable_folder(dir, "potcar_dir", source);
          try {
            vasp::find_potcar(vasp::locate_potcar_library(std::filesystem::path(dir)), s.element);
          } catch (const InputError& e) {
            throw ConsistencyError(source, {"potcar_dir", "element"}, e.message());
          }
        }
        if (s.vasp.jobs.preset == "slab") check_vacuum_key(s.vasp.jobs.vacuum_A, s, source);
      });
  return table;
}

/// The welding section is md's table (all but the potential, which [eam] gives).
const Table<RunSettings>& weld_table() {
  static const Table<RunSettings> table(
      "weld", md::weld_settings_table().title(),
      settings::join({stage_switch(
                         "welding", [](auto& s) -> auto& { return s.weld.enabled; })},
                     lift<RunSettings>(
                         md::weld_settings_table(), [](auto& s) -> auto& { return s.weld.study; },
                         [] {
                           std::vector<std::string> keys = md::weld_settings_table().keys();
                           std::erase(keys, std::string("potential"));
                           return keys;
                         }())),
      [](const RunSettings& s, const std::string& source) {
        if (s.weld.enabled) md::weld_settings_table().check_consistency(s.weld.study, source);
      });
  return table;
}

std::vector<const Table<RunSettings>*> sections() {
  return {&geometry_table(), &eam_table(), &dft_table(), &vasp_table(), &weld_table()};
}

const Table<RunSettings>* section_table(const std::string& name) {
  if (name.empty()) return &top_table();
  for (const auto* t : sections())
    if (t->section() == name) return t;
  return nullptr;
}

bool given_in_section(const toml::value& root, const char* section, const char* key) {
  return root.contains(section) && root.at(section).is_table() && root.at(section).contains(key);
}

/// `element` without `a` (or `a_A`) takes the element's tabulated lattice constant, without
/// [eam] potential its EAM file and without [dft] pseudopotential its PBE file where it has one
/// (slabs/fcc_metals): set before the file's own keys are read, so every section's check sees
/// them. A given `a` is checked against the tabulated one.
void apply_element_defaults(const toml::value& root, RunSettings& s, const std::string& path) {
  if (!root.contains("element") || !root.at("element").is_string()) return;
  const toml::value& value = root.at("element");
  const std::string element = toml::get<std::string>(value);
  if (!slabs::is_element(element)) return;  // the top table's own check names it
  const bool a_given = root.contains("a") || root.contains("a_A");
  if (!a_given) {
    try {
      s.a_A = slabs::tabulated_lattice_constant_A(element, "element", "a");
    } catch (const InputError& e) {
      throw InputError(path, static_cast<int>(value.location().line()), "element: " + e.message());
    }
  }
  const bool potential_given = given_in_section(root, "eam", "potential");
  if (const slabs::FccMetal* metal = slabs::find_fcc_metal(element); metal && !potential_given)
    s.eam.facet.potential = metal->eam_potential;
  // A metal without one keeps the table's Au file: a DFT run of it needs [dft] pseudopotential.
  if (!given_in_section(root, "dft", "pseudopotential"))
    if (auto psp = dft::find_default_pseudopotential(element)) s.dft.facet.pseudopotential = *psp;
}

/// A given lattice constant near the element's tabulated one (after the file is read).
void check_given_lattice_constant(const toml::value& root, const RunSettings& s,
                                  const std::string& path) {
  for (const char* key : {"a", "a_A"}) {
    if (!root.contains(key)) continue;
    try {
      slabs::check_lattice_constant_near_tabulated(s.element, s.a_A, key);
    } catch (const InputError& e) {
      throw InputError(path, static_cast<int>(root.at(key).location().line()),
                       std::string(key) + ": " + e.message());
    }
  }
}

}  // namespace

std::vector<const Table<RunSettings>*> all_tables() {
  std::vector<const Table<RunSettings>*> tables{&top_table()};
  for (const auto* t : sections()) tables.push_back(t);
  return tables;
}

RunSettings default_run_settings() {
  return settings::defaults_of(all_tables());
}

RunSettings read_run_settings(const std::filesystem::path& path) {
  RunSettings s = default_run_settings();
  const toml::value root = toml_input::parse_file(path);
  if (root.is_table()) apply_element_defaults(root, s, path.string());
  settings::read_sectioned_toml(root, s, all_tables(), path.string());
  check_given_lattice_constant(root, s, path.string());
  return s;
}

std::string to_job_file(const RunSettings& s) {
  std::string out =
      "# facetweld run job file: every key with its value; the comment above each gives its\n"
      "# meaning [type; allowed values; default]. Numbers are in the unit shown; a string with a\n"
      "# unit is also accepted (ecut = \"816eV\", time = \"5000fs\").\n\n";
  out += top_table().to_toml(s);
  for (const auto* t : sections())
    out += "\n# " + t->title() + "\n[" + t->section() + "]\n" + t->to_toml(s);
  return out;
}

nlohmann::json section_json(const RunSettings& s, const std::string& section) {
  const auto* t = section_table(section);
  if (!t) throw std::invalid_argument("no job-file section '" + section + "'");
  return t->to_json(s);
}

nlohmann::json to_json(const RunSettings& s) {
  nlohmann::json j = top_table().to_json(s);
  for (const auto* t : sections()) j[t->section()] = t->to_json(s);
  return j;
}

std::string settings_reference_markdown() {
  std::string out =
      "# Settings reference\n\n"
      "Generated from the settings tables (`facetweld settings > docs/settings.md`); a test keeps\n"
      "this page equal to them. Each setting is one job-file key (`facetweld run` sections below)\n"
      "and one command-line option of every subcommand that uses it. Numbers are in the unit\n"
      "given; a value with its unit is accepted too (`--ecut 816eV`, `time = \"5000fs\"`), and\n"
      "results files name the unit in the key (`ecut_Ha`), which job files also accept.\n\n"
      "## `facetweld run` job file: top level\n\n" +
      settings::markdown_rows(top_table().specs());
  for (const auto* t : sections())
    out += "\n## `facetweld run` job file: [" + t->section() + "] " + t->title() + "\n\n" +
           settings::markdown_rows(t->specs());
  out += "\n## `facetweld scf`: " + dft::scf_settings_table().title() + "\n\n" +
         settings::markdown_rows(dft::scf_settings_table().specs());
  for (const auto* t : md::job_settings_tables())
    out += "\n## `facetweld md run` job file: " +
           (t->section().empty() ? std::string("top level") : "[" + t->section() + "]") + " " +
           t->title() + "\n\n" + settings::markdown_rows(t->specs());
  return out;
}

}  // namespace fw::pipeline
