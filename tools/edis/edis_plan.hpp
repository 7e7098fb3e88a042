/// \file edis_plan.hpp
/// \brief `facetweld edis`'s options and every refusal of them: check_edis_options() turns the
/// command line into an EdisPlan, or throws, before the command prints or writes anything.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "dft/settings.hpp"
#include "md/apps/facet_energy_settings.hpp"
#include "md/engine/eam_potential.hpp"
#include "slabs/settings.hpp"
#include "tools/cli_options.hpp"
#include "tools/settings_cli.hpp"
#include "vasp_io/jobs/batch_system.hpp"

namespace fw::cli {

/// The command line of `facetweld edis`, as CLI11 fills it.
struct EdisOptions {
  std::string engine = "eam";
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<slabs::CutCrystalSettings>> cut_crystal;
  std::unique_ptr<SettingsOptions<md::EamFacetSettings>> eam;
  std::unique_ptr<SettingsOptions<dft::DftFacetSettings>> dft;
  std::string output = "facets.json";
  std::string scheduler;  ///< slurm | pbs: submit this command as a batch job instead
  vasp::BatchResources resources = single_task_resources();
};

/// What `edis` computes, resolved and checked: the crystal, the chosen engine's settings and its
/// potential (EAM file or pseudopotential) read and matched to the element.
struct EdisPlan {
  std::string engine;  ///< eam | native
  slabs::CrystalSettings crystal;
  md::EamFacetSettings eam;  ///< --engine eam (a_A, cells and the element's potential resolved)
  std::filesystem::path eam_potential_path;
  std::shared_ptr<const md::EamPotential> eam_potential;
  dft::DftFacetSettings dft;  ///< --engine native (element and a_A resolved)
};

/// Every refusal of `edis`, in the order a user reads them: the engine, options it would ignore,
/// the crystal, the engine's settings, the vacuum, then the potential file and its element.
EdisPlan check_edis_options(const EdisOptions& o);

}  // namespace fw::cli
