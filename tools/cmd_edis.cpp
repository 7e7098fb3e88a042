/// \file cmd_edis.cpp
/// \brief `facetweld edis`: facet cleavage energies E_dis(hkl) with the EAM engine (unrelaxed and
/// relaxed, slab or cut crystal) or the native PBE solver (slab method, unrelaxed), written as
/// facets.json in the shared schema.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/facet/convergence.hpp"
#include "dft/facet/cut_crystal_energy.hpp"
#include "dft/facet_energy.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "md/apps/facet_energy.hpp"
#include "md/apps/facet_energy_settings.hpp"
#include "md/formats/potential_file.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/report/svg_chart.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {
namespace {

struct EdisOptions {
  std::string engine = "eam";
  std::unique_ptr<SettingsOptions<slabs::CrystalSettings>> crystal;
  std::unique_ptr<SettingsOptions<slabs::CutCrystalSettings>> cut_crystal;
  std::unique_ptr<SettingsOptions<md::EamFacetSettings>> eam;
  std::unique_ptr<SettingsOptions<dft::DftFacetSettings>> dft;
  std::string output = "facets.json";
};

/// "<facets stem>_<hkl>_relaxed": the relaxed slab's file name beside facets.json.
std::string relaxed_slab_stem(const std::string& output, const slabs::Miller& hkl) {
  return std::filesystem::path(output).stem().string() + "_" + slabs::miller_compact(hkl) +
         "_relaxed";
}

/// The [dft] settings of a native run: the table's options, with --layers, --vacuum, --fmax and
/// --cells taken from the shared (EAM / cut-crystal) options when given.
dft::DftFacetSettings native_settings(const EdisOptions& o, const md::EamFacetSettings& shared) {
  const auto& table_spec = dft::facet_settings_table();
  dft::DftFacetSettings s = o.dft->resolve();
  const bool cut = shared.method == "cut-crystal";
  if (o.eam->given("layers"))
    table_spec.set_value(s, "layers", settings::Value(static_cast<long long>(shared.layers)),
                         "--layers");
  if (o.eam->given("vacuum"))
    table_spec.set_value(s, cut ? "cut_vacuum" : "vacuum", settings::Value(shared.vacuum_A),
                         "--vacuum");
  if (o.eam->given("fmax"))
    table_spec.set_value(s, "fmax", settings::Value(shared.force_tolerance_eV_per_A), "--fmax");
  if (o.cut_crystal->given("cells"))
    table_spec.set_value(s, "cut_cells",
                         settings::Value(static_cast<long long>(o.cut_crystal->resolve().cells)),
                         "--cells");
  table_spec.check_consistency(s, "command line");
  dft::check_relaxation_layers(s, "--relax-fixed-layers");
  return s;
}

slabs::FacetTable native_table(const dft::DftFacetSettings& s) {
  slabs::FacetTable table;
  table.engine = "native-pbe";
  table.element = s.element;
  table.a_A = s.a_A;
  table.settings = dft::facet_settings_table().to_json(s);
  table.settings["a_A"] = s.a_A;
  table.settings["element"] = s.element;
  return table;
}

/// `facetweld edis --engine native --method cut-crystal`: the paper's geometry, Γ only.
void run_native_cut_crystal(const EdisOptions& o, const dft::DftFacetSettings& s,
                            const std::vector<slabs::Miller>& facets) {
  if (s.relax)
    throw InputError("--relax", "the cut-crystal method is unrelaxed with --engine native");
  if (s.converge)
    throw InputError("--converge", "the series is for the slab method (--method slab)");
  ensure_writable_destination(o.output, "-o");
  const dft::Pseudopotential psp = dft::read_pseudopotential(s.pseudopotential);
  // Every facet's cells are checked before the first SCF, so a size that does not fit is
  // refused at once.
  for (const auto& hkl : facets) {
    const auto cut = dft::cut_crystal_cells(s.element, s.a_A, hkl, s.cut_cells, s.cut_vacuum_A);
    std::printf("%s cut crystal, %d^3 cells, %g A vacuum, Gamma only: %s\n",
                slabs::miller_label(slabs::reduce_miller(hkl)).c_str(), s.cut_cells, s.cut_vacuum_A,
                dft::check_cut_crystal_fits(cut, psp, s.scf).c_str());
  }
  std::fflush(stdout);
  nlohmann::json j = slabs::to_json(native_table(s));
  j["facets"] = nlohmann::json::array();
  bool converged = true;
  std::printf("%-6s %9s %11s %11s %6s %14s\n", "facet", "area_A2", "E_dis_eV/A2", "E_dis(F)",
              "atoms", "steps");
  std::optional<dft::CellEnergy> whole;  // the same cube for every facet: one SCF
  for (const auto& hkl : facets) {
    const dft::DftCutCrystalResult r = dft::dft_cut_crystal_energy(
        psp, hkl, s.element, s.a_A, s.cut_cells, s.cut_vacuum_A, s.scf, {}, whole);
    whole = r.crystal;
    std::printf("%-6s %9.4f %11.6f %11.6f %2zu+%-3zu %4d+%d+%d%s\n",
                slabs::miller_label(r.entry.hkl).c_str(), r.entry.area_A2, r.entry.e_dis_eV_per_A2,
                r.e_dis_free_energy_eV_per_A2, r.atoms_part1, r.atoms_part2, r.crystal.scf_steps,
                r.part1.scf_steps, r.part2.scf_steps, r.entry.converged ? "" : "  NOT converged");
    std::fflush(stdout);
    converged = converged && r.entry.converged;
    j["facets"].push_back(dft::to_json(r));
  }
  write_file_atomically(o.output, j.dump(2) + "\n");
  std::printf("wrote %s (unrelaxed cut-crystal method, Gamma only)\n", o.output.c_str());
  if (!converged)
    throw InputError("--max-steps", "an SCF did not converge (facets.json has converged: false)");
}

/// `facetweld edis --engine native --converge`: dft::converge_facet per facet, every finished
/// cell kept in "<stem>.cells.json" so that the same command continues a killed series.
void run_native_converge(const EdisOptions& o, const dft::DftFacetSettings& s,
                         const std::vector<slabs::Miller>& facets) {
  if (s.relax)
    throw InputError("--converge", "the series is unrelaxed; run --relax at its final settings");
  ensure_writable_destination(o.output, "-o");
  const dft::Pseudopotential psp = dft::read_pseudopotential(s.pseudopotential);
  const std::filesystem::path folder = std::filesystem::absolute(o.output).parent_path();
  const std::string stem = std::filesystem::path(o.output).stem().string();
  dft::CellCache cache(folder / (stem + ".cells.json"));
  if (cache.size() > 0)
    std::printf("continuing: %zu cells finished earlier in %s\n", cache.size(),
                cache.path().c_str());
  const auto log = [](const std::string& line) {  // one line per point, not the SCF steps
    if (line.find("E_dis") == std::string::npos) return;
    std::printf("  %s\n", line.c_str());
    std::fflush(stdout);
  };
  nlohmann::json j = slabs::to_json(native_table(s));
  j["facets"] = nlohmann::json::array();
  report::LineChart chart{
      "E_dis vs slab thickness (unrelaxed, native PBE)", "layers", "E_dis (eV/Å²)", {}};
  bool converged = true;
  for (const auto& hkl : facets) {
    const dft::FacetConvergence c = dft::converge_facet(psp, hkl, s, s.convergence, cache, log);
    const auto& e = c.final.entry;
    std::printf(
        "%s converged E_dis = %.4f +- %.4f eV/A2 (from F %.4f) at %d layers, %.1f A "
        "vacuum, %.1f Ha, k %dx%d%s\n",
        slabs::miller_label(e.hkl).c_str(), e.e_dis_eV_per_A2, c.error_eV_per_A2,
        c.final.e_dis_free_energy_eV_per_A2, e.layers, c.points.back().vacuum_A,
        c.points.back().ecut_hartree, c.final.meshes.slab[0], c.final.meshes.slab[1],
        c.converged() ? "" : "  (NOT converged on every axis)");
    std::fflush(stdout);
    converged = converged && c.converged() && e.converged;
    j["facets"].push_back(dft::to_json(c, s.convergence));
    report::LineSeries line{slabs::miller_label(e.hkl), {}, {}};
    for (const auto& p : c.points)
      if (p.axis == "start" || p.axis == "layers") {
        line.x.push_back(p.layers);
        line.y.push_back(p.e_dis_eV_per_A2);
      }
    chart.series.push_back(line);
  }
  write_file_atomically(folder / (stem + "_convergence_layers.svg"), report::render_svg(chart));
  write_file_atomically(o.output, j.dump(2) + "\n");
  std::printf("wrote %s and %s_convergence_layers.svg (unrelaxed slab method, converged series)\n",
              o.output.c_str(), stem.c_str());
  if (!converged)
    throw InputError("--converge-max-points",
                     "an axis of the series (or an SCF) did not converge; see facets.json");
}

/// `facetweld edis --engine native`: dft::dft_facet_energy per facet (docs/dft.md).
void run_native(const EdisOptions& o) {
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  const md::EamFacetSettings shared = o.eam->resolve();
  dft::DftFacetSettings s = native_settings(o, shared);
  s.element = crystal.element;
  s.a_A = crystal.a_A;
  if (shared.method == "cut-crystal") return run_native_cut_crystal(o, s, crystal.facets);
  if (s.converge) return run_native_converge(o, s, crystal.facets);
  ensure_writable_destination(o.output, "-o");
  const dft::Pseudopotential psp = dft::read_pseudopotential(s.pseudopotential);

  slabs::FacetTable table = native_table(s);
  std::vector<dft::DftFacetResult> results;
  std::printf("%-6s %6s %9s %11s %11s %9s %9s %8s\n", "facet", "layers", "area_A2", "E_dis_eV/A2",
              "E_dis(F)", "kpts", "kpts_bulk", "steps");
  const std::filesystem::path folder = std::filesystem::absolute(o.output).parent_path();
  // One line per ionic step of a relaxation (the SCF lines stay quiet).
  const auto ionic_log = [](const std::string& line) {
    if (line.find("ionic step") == std::string::npos) return;
    std::printf("  %s\n", line.c_str());
    std::fflush(stdout);
  };
  for (const auto& hkl : crystal.facets) {
    results.push_back(dft::dft_facet_energy(psp, hkl, s, ionic_log));
    const auto& r = results.back();
    table.facets.push_back(r.entry);
    const auto& m = r.meshes;
    std::printf("%-6s %6d %9.4f %11.6f %11.6f %3dx%dx%d %3dx%dx%d %3d+%d%s\n",
                slabs::miller_label(r.entry.hkl).c_str(), r.entry.layers, r.entry.area_A2,
                r.entry.e_dis_eV_per_A2, r.e_dis_free_energy_eV_per_A2, m.slab[0], m.slab[1],
                m.slab[2], m.bulk_supercell[0], m.bulk_supercell[1], m.bulk_supercell[2],
                r.slab.scf_steps, r.bulk.scf_steps, r.entry.converged ? "" : "  NOT converged");
    if (const auto& x = r.relaxation) {
      std::printf(
          "%-6s relaxed: E_dis %.6f eV/A2 (from F %.6f), %d ionic steps, max force %.4f "
          "eV/A%s\n",
          slabs::miller_label(r.entry.hkl).c_str(), r.e_dis_relaxed_eV_per_A2,
          r.e_dis_relaxed_free_energy_eV_per_A2, x->ionic_steps, x->max_residual_force_eV_per_A,
          x->converged ? "" : "  NOT converged");
      const std::string stem = relaxed_slab_stem(o.output, r.entry.hkl);
      slabs::write_structure(folder / (stem + ".vasp"), x->structure);
      slabs::write_structure(folder / (stem + ".extxyz"), x->structure);
    }
    std::fflush(stdout);
  }
  nlohmann::json j = dft::facet_table_json(table, {});
  for (const auto& r : results)
    for (auto& entry : dft::facet_entries_json(r)) {
      if (r.relaxation) {
        const std::string stem = relaxed_slab_stem(o.output, r.entry.hkl);
        entry["relaxed_structure_poscar"] = stem + ".vasp";
        entry["relaxed_structure_extxyz"] = stem + ".extxyz";
      }
      j["facets"].push_back(std::move(entry));
    }
  write_file_atomically(o.output, j.dump(2) + "\n");
  std::printf("wrote %s (%s slab method; E_dis from E(sigma->0), E_dis(F) from F = E-TS)\n",
              o.output.c_str(), s.relax ? "unrelaxed and relaxed" : "unrelaxed");
  for (const auto& r : results) {
    if (!r.entry.converged)
      throw InputError("--max-steps", "an SCF did not converge (facets.json has converged: false)");
    if (r.relaxation && !r.relaxation->converged)
      throw InputError("--relax-max-steps",
                       "a relaxation did not reach --fmax (facets.json has "
                       "relaxation_converged: false)");
  }
}

void run_eam(const EdisOptions& o) {
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  md::EamFacetSettings settings = o.eam->resolve();
  settings.a_A = crystal.a_A;
  settings.cells = o.cut_crystal->resolve().cells;
  ensure_writable_destination(o.output, "-o");
  const auto& facets = crystal.facets;
  const auto path = md::find_potential_file(settings.potential);
  const auto potential = std::make_shared<md::EamPotential>(md::EamPotential::read(path));
  slabs::FacetTable table;
  table.engine = "eam";
  table.element = potential->elements().front();
  table.a_A = settings.a_A;
  table.settings = md::eam_facet_settings_table().to_json(settings);
  table.settings.update({{"potential_path", path.string()},
                         {"lammps_pair_style", potential->lammps_style()},
                         {"cells", settings.cells},
                         {"a_A", settings.a_A}});
  std::printf("%-8s %10s %22s %22s\n", "facet", "area_A2", "E_dis_unrelaxed_eV/A2",
              "E_dis_relaxed_eV/A2");
  for (const auto& hkl : facets) {
    const md::EamFacetResult r = md::eam_facet_energy(potential, hkl, settings);
    table.facets.push_back(r.unrelaxed);
    table.facets.push_back(r.relaxed);
    std::printf("%-8s %10.3f %22.6f %22.6f   (gamma relaxed %.4f J/m2)\n",
                slabs::miller_label(r.relaxed.hkl).c_str(), r.relaxed.area_A2,
                r.unrelaxed.e_dis_eV_per_A2, r.relaxed.e_dis_eV_per_A2, r.relaxed.gamma_J_per_m2());
  }
  slabs::write_facet_table(o.output, table);
  std::printf("wrote %s\n", o.output.c_str());
}

void run_edis(const EdisOptions& o) {
  if (o.engine == "eam")
    run_eam(o);
  else if (o.engine == "native")
    run_native(o);
  else
    throw InputError("--engine", "expected 'eam' or 'native', got '" + o.engine + "'");
}

const RegisterCommand kRegistered{
    "edis", [](CLI::App& root) {
      auto opts = std::make_shared<EdisOptions>();
      CLI::App* cmd = root.add_subcommand(
          "edis", "Facet cleavage energies E_dis(hkl), EAM or native PBE -> facets.json");
      cmd->add_option("--engine", opts->engine,
                      "Energy engine: eam | native (plane-wave PBE, slab method; --layers and "
                      "--vacuum then default to the [dft] table's 5 and 10 Å)")
          ->capture_default_str();
      opts->crystal = std::make_unique<SettingsOptions<slabs::CrystalSettings>>(
          cmd, slabs::crystal_settings_table(), std::vector<std::string>{"element", "a", "facets"});
      opts->eam = std::make_unique<SettingsOptions<md::EamFacetSettings>>(
          cmd, md::eam_facet_settings_table());
      opts->cut_crystal = std::make_unique<SettingsOptions<slabs::CutCrystalSettings>>(
          cmd, slabs::cut_crystal_settings_table(), std::vector<std::string>{"cells"});
      // Every [dft] key but layers, vacuum, fmax, cut_cells and cut_vacuum, which the EAM and
      // cut-crystal tables already provide (--layers, --vacuum, --fmax, --cells).
      std::vector<std::string> dft_keys;
      for (const auto* spec : dft::facet_settings_table().specs())
        if (spec->key != "layers" && spec->key != "vacuum" && spec->key != "fmax" &&
            spec->key != "cut_cells" && spec->key != "cut_vacuum")
          dft_keys.push_back(spec->key);
      opts->dft = std::make_unique<SettingsOptions<dft::DftFacetSettings>>(
          cmd, dft::facet_settings_table(), dft_keys);
      cmd->add_option("-o,--output", opts->output, "facets.json to write")->capture_default_str();
      cmd->callback([opts] { run_edis(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
