/// \file run_settings.cpp
/// \brief The `facetweld run` job file: its sections are the modules' settings tables (plus
/// each stage's on/off switch), so defaults, units, ranges and docs are never written here.
#include "tools/pipeline/run_settings.hpp"

#include "core/error.hpp"
#include "core/toml_input.hpp"
#include "dft/settings.hpp"

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

// Until md/ owns a facet-energy settings table, the EAM stage's four settings live here.
const Table<RunSettings>& eam_table() {
  static const Table<RunSettings> table(
      "eam", "EAM facet energies (slab and cut-crystal, unrelaxed and relaxed)",
      {stage_switch(
           "EAM", [](auto& s) -> auto& { return s.eam.enabled; }),
       bind<RunSettings>(
           {.key = "potential",
            .type = Type::Text,
            .default_value = std::string("Au_u3.eam"),
            .doc = "EAM file (funcfl/setfl): a path, or a name found in data/ or "
                   "Debian's lammps-data"},
           [](auto& s) -> auto& { return s.eam.potential; }),
       bind<RunSettings>(
           {.key = "slab_layers",
            .type = Type::Integer,
            .default_value = 15LL,
            .doc = "Slab method: atomic planes (at least)",
            .range = settings::between(3, 500)},
           [](auto& s) -> auto& { return s.eam.slab_layers; }),
       bind<RunSettings>(
           {.key = "slab_vacuum",
            .type = Type::Real,
            .unit = "Å",
            .default_value = 15.0,
            .doc = "Slab method: vacuum gap",
            .range = settings::above_at_most(0, 1000)},
           [](auto& s) -> auto& { return s.eam.slab_vacuum_A; })});
  return table;
}

const Table<RunSettings>& dft_table() {
  static const Table<RunSettings> table(
      "dft", dft::facet_settings_table().title(),
      settings::join(
          {stage_switch(
              "native PBE", [](auto& s) -> auto& { return s.dft.enabled; })},
          lift<RunSettings>(
              dft::facet_settings_table(), [](auto& s) -> auto& { return s.dft.facet; })),
      [](const RunSettings& s, const std::string& source) {
        dft::facet_settings_table().check_consistency(s.dft.facet, source);
      });
  return table;
}

const Table<RunSettings>& vasp_table() {
  static const Table<RunSettings> table(
      "vasp", vasp::job_settings_table().title(),
      settings::join(
          {stage_switch(
              "VASP jobs", [](auto& s) -> auto& { return s.vasp.enabled; })},
          lift<RunSettings>(
              vasp::job_settings_table(), [](auto& s) -> auto& { return s.vasp.jobs; })));
  return table;
}

// Until md/ owns the welding settings table, the welding stage's settings live here.
const Table<RunSettings>& weld_table() {
  static const Table<RunSettings> table(
      "weld", "Nanorod welding (EAM MD)",
      {stage_switch(
           "welding", [](auto& s) -> auto& { return s.weld.enabled; }),
       bind<RunSettings>(
           {.key = "angles",
            .type = Type::RealList,
            .unit = "deg",
            .default_value = std::vector<double>{0, 20, 40, 60, 80},
            .doc = "Initial angles between the rods",
            .range = settings::between(0, 180)},
           [](auto& s) -> auto& { return s.weld.angles_deg; }),
       bind<RunSettings>(
           {.key = "time",
            .type = Type::Real,
            .unit = "ps",
            .default_value = 5.0,
            .doc = "NVT time per angle",
            .range = settings::above_at_most(0, 1e5)},
           [](auto& s) -> auto& { return s.weld.time_ps; }),
       bind<RunSettings>(
           {.key = "temperature",
            .type = Type::Real,
            .unit = "K",
            .default_value = 300.0,
            .doc = "Temperature",
            .range = settings::above_at_most(0, 1e4)},
           [](auto& s) -> auto& { return s.weld.temperature_K; }),
       bind<RunSettings>(
           {.key = "seed",
            .type = Type::Integer,
            .default_value = 1LL,
            .doc = "Random seed (velocities, thermostat)",
            .range = settings::between(0, 9.0e15)},
           [](auto& s) -> auto& { return s.weld.seed; })});
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

}  // namespace

RunSettings default_run_settings() {
  RunSettings s = top_table().defaults();
  for (const auto* t : sections())
    for (const auto& b : t->bindings()) b.store(s, b.spec.default_value);
  return s;
}

RunSettings read_run_settings(const std::filesystem::path& path) {
  const toml::value root = toml_input::parse_file(path);
  const std::string p = path.string();
  RunSettings s = default_run_settings();
  std::vector<std::string> known = top_table().keys();
  for (const auto* t : sections()) known.push_back(t->section());
  for (const auto& [key, value] : root.as_table()) {
    const int line = static_cast<int>(value.location().line());
    if (const auto* t = key.empty() ? nullptr : section_table(key)) {
      if (!value.is_table())
        throw InputError(p, line, "'" + key + "' must be a [" + key + "] table");
      t->read_toml(value, s, p);
    } else if (!top_table().read_toml_key(key, value, s, p)) {
      settings::reject_unknown_key(key, known, p, line, "the top level");
    }
  }
  top_table().check_consistency(s, p);
  for (const auto* t : sections()) t->check_consistency(s, p);
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
  return out;
}

}  // namespace fw::pipeline
