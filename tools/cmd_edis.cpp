/// \file cmd_edis.cpp
/// \brief `facetweld edis --engine eam`: facet cleavage energies with the EAM engine, written as
/// facets.json (unrelaxed and relaxed entries) in the shared schema.
#include <cstdio>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/facet_energy.hpp"
#include "md/potential_file.hpp"
#include "slabs/facet_table.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct EdisOptions {
  std::string engine = "eam";
  std::string potential = "Au_u3.eam";
  std::string facets = "100,110,111";
  md::EamFacetSettings settings;
  std::string output = "facets.json";
};

void run_edis(const EdisOptions& o) {
  if (o.engine != "eam") {
    throw InputError("--engine",
                     "'" + o.engine +
                         "' is not available in `facetweld edis` (eam); DFT energies come from "
                         "`facetweld scf` and VASP jobs from `facetweld vasp`");
  }
  ensure_writable_destination(o.output, "-o");
  const auto facets = parse_facet_list(o.facets, "--facets");
  const auto path = md::find_potential_file(o.potential);
  const auto potential = std::make_shared<md::EamPotential>(md::EamPotential::read(path));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = potential->elements().front();
  table.a_A = o.settings.a_A;
  table.settings = {{"potential", path.string()},
                    {"lammps_pair_style", potential->lammps_style()},
                    {"method", o.settings.method},
                    {"layers_min", o.settings.layers},
                    {"vacuum_A", o.settings.vacuum_A},
                    {"cells", o.settings.cells},
                    {"relaxation", o.settings.minimizer},
                    {"force_tolerance_eV_per_A", o.settings.force_tolerance_eV_per_A},
                    {"a_A", o.settings.a_A}};
  std::printf("%-8s %10s %22s %22s\n", "facet", "area_A2", "E_dis_unrelaxed_eV/A2",
              "E_dis_relaxed_eV/A2");
  for (const auto& hkl : facets) {
    const md::EamFacetResult r = md::eam_facet_energy(potential, hkl, o.settings);
    table.facets.push_back(r.unrelaxed);
    table.facets.push_back(r.relaxed);
    std::printf("%-8s %10.3f %22.6f %22.6f   (gamma relaxed %.4f J/m2)\n",
                slabs::miller_label(r.relaxed.hkl).c_str(), r.relaxed.area_A2,
                r.unrelaxed.e_dis_eV_per_A2, r.relaxed.e_dis_eV_per_A2, r.relaxed.gamma_J_per_m2());
  }
  slabs::write_facet_table(o.output, table);
  std::printf("wrote %s\n", o.output.c_str());
}

const RegisterCommand kRegistered{
    "edis", [](CLI::App& root) {
      auto opts = std::make_shared<EdisOptions>();
      CLI::App* cmd = root.add_subcommand(
          "edis", "Facet cleavage energies E_dis(hkl) with the EAM engine -> facets.json");
      cmd->add_option("--engine", opts->engine, "Energy engine (eam)")->capture_default_str();
      cmd->add_option("--potential", opts->potential, "EAM file (funcfl or setfl)")
          ->capture_default_str();
      cmd->add_option("--facets", opts->facets, "Comma-separated facets, e.g. 100,110,111")
          ->capture_default_str();
      cmd->add_option("--method", opts->settings.method,
                      "slab | cut-crystal (the paper's cut cube)")
          ->capture_default_str();
      cmd->add_option("--a", opts->settings.a_A, "Cubic lattice constant (Å)")
          ->capture_default_str();
      cmd->add_option("--layers", opts->settings.layers, "Slab: atomic layers (at least)")
          ->capture_default_str();
      cmd->add_option("--vacuum", opts->settings.vacuum_A, "Slab: vacuum gap (Å)")
          ->capture_default_str();
      cmd->add_option("--cells", opts->settings.cells, "Cut-crystal: n of the n×n×n cube")
          ->capture_default_str();
      cmd->add_option("--fmax", opts->settings.force_tolerance_eV_per_A,
                      "Relaxation force tolerance (eV/Å)")
          ->capture_default_str();
      cmd->add_option("--minimizer", opts->settings.minimizer, "cg | fire")->capture_default_str();
      cmd->add_option("-o,--output", opts->output, "facets.json to write")->capture_default_str();
      cmd->callback([opts] { run_edis(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
