/// \file run_settings.hpp
/// \brief Settings of `facetweld run` (the whole chain): one job-file section per stage, each
/// made of the owning module's settings table (slabs, dft, vasp_io, md) plus the stage switch.
/// Defaults finish in minutes on 2 cores; `facetweld run --print-defaults` writes them all.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dft/facet_energy.hpp"
#include "md/apps/facet_energy.hpp"
#include "md/weld/run.hpp"
#include "slabs/settings.hpp"
#include "vasp_io/settings.hpp"

namespace fw::pipeline {

/// The converged PBE gold table shipped in data/dft/ (docs/dft.md: how it was computed).
inline constexpr const char* kShippedDftTable = "Au_pbe_edis_converged.json";

struct EamSettings {
  bool enabled{};
  md::EamFacetSettings facet;  ///< both methods run; a_A and cells come from the crystal
};

struct DftSettings {
  bool enabled{};
  dft::DftFacetSettings facet;  ///< element and a_A are filled from the crystal at run time
  /// A converged E_dis table (facets.json with a check cell) the stage uses instead of computing
  /// when converge is off and its element and pseudopotential are the run's; "none": compute.
  std::string table;
};

struct VaspSettings {
  bool enabled{};
  vasp::JobSettings jobs;
};

struct WeldSettings {
  bool enabled{};
  md::WeldSettings study;  ///< md::weld_settings_table(); the potential comes from [eam]
};

/// The crystal (element, a, facets) is the top level of the job file.
struct RunSettings : slabs::CrystalSettings {
  std::string output_dir;
  slabs::CutCrystalSettings geometry;
  EamSettings eam;
  DftSettings dft;
  VaspSettings vasp;
  WeldSettings weld;
};

/// Every setting at its default.
RunSettings default_run_settings();

/// Reads a job file over the defaults; unknown keys (with the nearest known key suggested),
/// wrong types and out-of-range values are InputErrors naming the file and line.
RunSettings read_run_settings(const std::filesystem::path& path);

/// A complete job file: every section and key with its value and a comment giving the doc,
/// unit, allowed range and default. Reading it back gives `s`.
std::string to_job_file(const RunSettings& s);

/// Every setting, for results files, grouped by section, units in the key names.
nlohmann::json to_json(const RunSettings& settings);

/// The settings of one section as JSON ("", "geometry", "eam", "dft", "vasp", "weld").
nlohmann::json section_json(const RunSettings& settings, const std::string& section);

/// The reference of every setting: the job-file sections and the tables of the subcommands that
/// have their own (docs/settings.md is this text; a test keeps the two equal).
std::string settings_reference_markdown();

}  // namespace fw::pipeline
