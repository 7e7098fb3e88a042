/// \file run_settings.hpp
/// \brief Settings of `facetweld run` (the whole chain), with defaults that finish in minutes on
/// 2 cores; read from an optional TOML job file (docs/run.md lists every key).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "slabs/miller.hpp"

namespace fw::pipeline {

struct GeometrySettings {
  int cells = 5;           ///< the paper's crystal: n^3 conventional cells (500 atoms)
  double vacuum_A = 10.0;  ///< around the cut crystal
};

struct EamSettings {
  bool enabled = true;
  std::string potential = "Au_u3.eam";  ///< file, or a name looked up in data/ and lammps-data
  int slab_layers = 15;
  double slab_vacuum_A = 15.0;
};

struct DftSettings {
  bool enabled = true;
  std::string pseudopotential = "/usr/share/abinit/psp/79_Au_oncv.psml";  ///< PBE Au (abinit-data)
  double ecut_Ha = 20.0;
  int layers = 5;
  double vacuum_A = 10.0;
  int kpoints_in_plane = 6;  ///< Γ-centred n x n x 1 for the 1x1 slab
  std::string smearing = "fermi-dirac:0.01Ha";
};

struct VaspSettings {
  bool enabled = true;
  std::string preset = "paper";
  std::string potcar_dir;  ///< empty: $VASP_PP_PATH, else the jobs are written without POTCAR
};

struct WeldSettings {
  bool enabled = true;
  std::vector<double> angles_deg{0, 20, 40, 60, 80};
  /// Short runs of small rods: 5 angles x 3 seeds + 3 controls (side by side on graphene) in a
  /// few minutes on 2 cores; a study-sized job is examples/weld_study.toml.
  double time_ps = 1.0;
  double temperature_K = 300.0;
  std::uint64_t seed = 1;  ///< first seed
  int seeds = 3;
  double rod_radius_A = 8.0;
  double rod_length_A = 40.0;
};

struct RunSettings {
  std::string element = "Au";
  double a_A = 4.08;
  std::vector<slabs::Miller> facets{{1, 0, 0}, {1, 1, 0}, {1, 1, 1}};
  std::filesystem::path output_dir = "facetweld-results";
  GeometrySettings geometry;
  EamSettings eam;
  DftSettings dft;
  VaspSettings vasp;
  WeldSettings weld;
};

/// Reads a job file; keys that are absent keep their defaults; unknown keys and wrong types are
/// InputErrors naming the file and line.
RunSettings read_run_settings(const std::filesystem::path& path);

/// Every setting, for results files (what determines the numbers).
nlohmann::json to_json(const RunSettings& settings);

}  // namespace fw::pipeline
