/// \file run_settings.cpp
/// \brief The `facetweld run` job file.
#include "tools/pipeline/run_settings.hpp"

#include "core/error.hpp"
#include "core/toml_input.hpp"

namespace fw::pipeline {

using toml_input::check_keys;
using toml_input::read_key;

RunSettings read_run_settings(const std::filesystem::path& path) {
  const toml::value root = toml_input::parse_file(path);
  const std::string p = path.string();
  RunSettings s;
  check_keys(root,
             {"element", "a_A", "facets", "output_dir", "geometry", "eam", "dft", "vasp", "weld"},
             p, "the top level");
  read_key(root, "element", s.element, p);
  read_key(root, "a_A", s.a_A, p);
  if (root.contains("facets")) {
    std::vector<std::string> facets;
    read_key(root, "facets", facets, p);
    s.facets.clear();
    for (const auto& f : facets) s.facets.push_back(slabs::parse_miller(f, p + ": facets"));
  }
  std::string output_dir;
  read_key(root, "output_dir", output_dir, p);
  if (!output_dir.empty()) s.output_dir = output_dir;
  if (root.contains("geometry")) {
    const auto& t = root.at("geometry");
    check_keys(t, {"cells", "vacuum_A"}, p, "[geometry]");
    read_key(t, "cells", s.geometry.cells, p);
    read_key(t, "vacuum_A", s.geometry.vacuum_A, p);
  }
  if (root.contains("eam")) {
    const auto& t = root.at("eam");
    check_keys(t, {"enabled", "potential", "slab_layers", "slab_vacuum_A"}, p, "[eam]");
    read_key(t, "enabled", s.eam.enabled, p);
    read_key(t, "potential", s.eam.potential, p);
    read_key(t, "slab_layers", s.eam.slab_layers, p);
    read_key(t, "slab_vacuum_A", s.eam.slab_vacuum_A, p);
  }
  if (root.contains("dft")) {
    const auto& t = root.at("dft");
    check_keys(t,
               {"enabled", "pseudopotential", "ecut_Ha", "layers", "vacuum_A", "kpoints_in_plane",
                "smearing"},
               p, "[dft]");
    read_key(t, "enabled", s.dft.enabled, p);
    read_key(t, "pseudopotential", s.dft.pseudopotential, p);
    read_key(t, "ecut_Ha", s.dft.ecut_Ha, p);
    read_key(t, "layers", s.dft.layers, p);
    read_key(t, "vacuum_A", s.dft.vacuum_A, p);
    read_key(t, "kpoints_in_plane", s.dft.kpoints_in_plane, p);
    read_key(t, "smearing", s.dft.smearing, p);
  }
  if (root.contains("vasp")) {
    const auto& t = root.at("vasp");
    check_keys(t, {"enabled", "preset", "potcar_dir"}, p, "[vasp]");
    read_key(t, "enabled", s.vasp.enabled, p);
    read_key(t, "preset", s.vasp.preset, p);
    read_key(t, "potcar_dir", s.vasp.potcar_dir, p);
  }
  if (root.contains("weld")) {
    const auto& t = root.at("weld");
    check_keys(t,
               {"enabled", "angles_deg", "time_ps", "temperature_K", "seed", "seeds",
                "rod_radius_A", "rod_length_A"},
               p, "[weld]");
    read_key(t, "enabled", s.weld.enabled, p);
    read_key(t, "angles_deg", s.weld.angles_deg, p);
    read_key(t, "time_ps", s.weld.time_ps, p);
    read_key(t, "temperature_K", s.weld.temperature_K, p);
    read_key(t, "seed", s.weld.seed, p);
    read_key(t, "seeds", s.weld.seeds, p);
    read_key(t, "rod_radius_A", s.weld.rod_radius_A, p);
    read_key(t, "rod_length_A", s.weld.rod_length_A, p);
  }
  if (!(s.a_A > 0)) throw InputError(p, "a_A must be > 0 Å");
  if (s.facets.empty()) throw InputError(p, "facets must name at least one facet");
  return s;
}

nlohmann::json to_json(const RunSettings& s) {
  nlohmann::json facets = nlohmann::json::array();
  for (const auto& f : s.facets) facets.push_back(f);
  return {
      {"element", s.element},
      {"a_A", s.a_A},
      {"facets", facets},
      {"output_dir", s.output_dir.string()},
      {"geometry", {{"cells", s.geometry.cells}, {"vacuum_A", s.geometry.vacuum_A}}},
      {"eam",
       {{"enabled", s.eam.enabled},
        {"potential", s.eam.potential},
        {"slab_layers", s.eam.slab_layers},
        {"slab_vacuum_A", s.eam.slab_vacuum_A}}},
      {"dft",
       {{"enabled", s.dft.enabled},
        {"pseudopotential", s.dft.pseudopotential},
        {"ecut_Ha", s.dft.ecut_Ha},
        {"layers", s.dft.layers},
        {"vacuum_A", s.dft.vacuum_A},
        {"kpoints_in_plane", s.dft.kpoints_in_plane},
        {"smearing", s.dft.smearing}}},
      {"vasp",
       {{"enabled", s.vasp.enabled}, {"preset", s.vasp.preset}, {"potcar_dir", s.vasp.potcar_dir}}},
      {"weld",
       {{"enabled", s.weld.enabled},
        {"angles_deg", s.weld.angles_deg},
        {"time_ps", s.weld.time_ps},
        {"temperature_K", s.weld.temperature_K},
        {"seed", s.weld.seed},
        {"seeds", s.weld.seeds},
        {"rod_radius_A", s.weld.rod_radius_A},
        {"rod_length_A", s.weld.rod_length_A}}}};
}

}  // namespace fw::pipeline
