/// \file native_facet_study.cpp
/// \brief The native-PBE facet study: slab (relaxed), converged series or cut crystal.
#include "tools/pipeline/native_facet_study.hpp"

#include <cstdio>
#include <optional>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "dft/facet/check_cell.hpp"
#include "dft/facet/convergence.hpp"
#include "dft/facet/cut_crystal_energy.hpp"
#include "dft/facet/lattice_constant.hpp"
#include "dft/facet_energy.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/report/svg_chart.hpp"

namespace fw::pipeline {

namespace {

std::string mesh_text(const std::array<int, 3>& m) {
  return std::to_string(m[0]) + "x" + std::to_string(m[1]) + "x" + std::to_string(m[2]);
}

/// The table without entries: engine, element, a and every [dft] setting.
slabs::FacetTable empty_table(const dft::DftFacetSettings& s) {
  slabs::FacetTable table;
  table.engine = "native-pbe";
  table.element = s.element;
  table.a_A = s.a_A;
  table.settings = dft::facet_settings_table().to_json(s);
  table.settings["a_A"] = s.a_A;
  table.settings["element"] = s.element;
  return table;
}

/// E_dis ≤ 0 means the slab (or the two parts) is cheaper than the bulk: no crystal would hold
/// together, so the cell is far from converged — never a number to pass on.
void check_positive(NativeFacetStudy& study, const slabs::FacetEntry& e, const char* which) {
  if (e.e_dis_eV_per_A2 > 0.0) return;
  study.problems.push_back(
      {study.source, format("%s E_dis of %s is %.4f eV/Å² ≤ 0: the slab is cheaper than the bulk, "
                            "so the cell is far from converged (layers, cut-off, k-points)",
                            which, slabs::miller_label(e.hkl).c_str(), e.e_dis_eV_per_A2)});
}

/// `scf_converged`: every SCF of the entry converged (a relaxed entry is also unconverged when
/// its relaxation stopped at --relax-max-steps, which the caller reports itself).
void add_entry(NativeFacetStudy& study, const slabs::FacetEntry& e, const char* which,
               bool scf_converged) {
  study.table.facets.push_back(e);
  check_positive(study, e, which);
  if (!scf_converged)
    study.problems.push_back({"--max-steps", "an SCF of " + slabs::miller_label(e.hkl) +
                                                 " did not converge (facets.json has converged: "
                                                 "false)"});
}

void slab_method(NativeFacetStudy& study, const dft::Pseudopotential& psp,
                 const dft::DftFacetSettings& s, const std::vector<slabs::Miller>& facets,
                 const std::filesystem::path& facets_path, dft::CellCache& cells,
                 const std::function<void(const std::string&)>& print) {
  print(format("%-6s %6s %9s %11s %11s %9s %9s %8s", "facet", "layers", "area_A2", "E_dis_eV/A2",
               "E_dis(F)", "kpts", "kpts_bulk", "steps"));
  // One line per ionic step of a relaxation (the SCF lines stay quiet).
  const auto ionic_log = [&](const std::string& line) {
    if (line.find("ionic step") != std::string::npos) print("  " + line);
  };
  const std::string stem = facets_path.stem().string();
  const std::filesystem::path folder = facets_path.parent_path();
  std::array<int, 3> slab_mesh = s.kpts;  // or from --kdensity
  for (const auto& hkl : facets) {
    const auto r = dft::dft_facet_energy(psp, slabs::reduce_miller(hkl), s, ionic_log, &cells);
    const auto& m = r.meshes;
    slab_mesh = m.slab;
    print(format("%-6s %6d %9.4f %11.6f %11.6f %9s %9s %3d+%d%s",
                 slabs::miller_label(r.entry.hkl).c_str(), r.entry.layers, r.entry.area_A2,
                 r.entry.e_dis_eV_per_A2, r.e_dis_free_energy_eV_per_A2, mesh_text(m.slab).c_str(),
                 mesh_text(m.bulk_supercell).c_str(), r.slab.scf_steps, r.bulk.scf_steps,
                 r.entry.converged ? "" : "  NOT converged"));
    add_entry(study, r.entry, "unrelaxed", r.entry.converged);
    auto entries = dft::facet_entries_json(r);
    if (const auto& x = r.relaxation) {
      print(
          format("%-6s relaxed: E_dis %.6f eV/A2 (from F %.6f), %d ionic steps, max force "
                 "%.4f eV/A%s",
                 slabs::miller_label(r.entry.hkl).c_str(), r.e_dis_relaxed_eV_per_A2,
                 r.e_dis_relaxed_free_energy_eV_per_A2, x->ionic_steps,
                 x->max_residual_force_eV_per_A, x->converged ? "" : "  NOT converged"));
      add_entry(study, r.relaxed_entry(), "relaxed", x->relaxed.converged && r.bulk.converged);
      if (!x->converged)
        study.problems.push_back(
            {"--relax-max-steps", "the relaxation of " + slabs::miller_label(r.entry.hkl) +
                                      " did not reach --fmax (relaxation_converged: false)"});
      const std::string relaxed = stem + "_" + slabs::miller_compact(r.entry.hkl) + "_relaxed";
      if (dft::is_output_rank()) {
        slabs::write_structure(folder / (relaxed + ".vasp"), x->structure);
        slabs::write_structure(folder / (relaxed + ".extxyz"), x->structure);
      }
      entries.back()["relaxed_structure_poscar"] = relaxed + ".vasp";
      entries.back()["relaxed_structure_extxyz"] = relaxed + ".extxyz";
    }
    for (auto& e : entries) study.facets_json["facets"].push_back(std::move(e));
  }
  study.summary = format(
      "slab method, %d layers, %g Å gap, ecut %g Ha, slab k %s, %s; E_dis "
      "from E(σ→0), from F beside it; no convergence series (no error "
      "estimate: `--converge` gives one)",
      s.layers, s.vacuum_A, s.scf.ecut_hartree, mesh_text(slab_mesh).c_str(),
      s.relax ? "unrelaxed and relaxed (relaxed slabs *_relaxed.vasp)" : "unrelaxed");
}

void converged_series(NativeFacetStudy& study, const dft::Pseudopotential& psp,
                      const dft::DftFacetSettings& s, const std::vector<slabs::Miller>& facets,
                      const std::filesystem::path& facets_path, dft::CellCache& cells,
                      const std::function<void(const std::string&)>& print) {
  const auto log = [&](const std::string& line) {  // one line per point, not the SCF steps
    if (line.find("E_dis") != std::string::npos || line.find("ionic step") != std::string::npos)
      print("  " + line);
  };
  report::LineChart chart{
      "E_dis vs slab thickness (unrelaxed, native PBE)", "layers", "E_dis (eV/Å²)", {}};
  std::string errors;
  std::optional<dft::FacetConvergence> first_converged, previous;
  for (const auto& hkl : facets) {
    const slabs::Miller plane = slabs::reduce_miller(hkl);
    dft::DftFacetSettings start = s;
    if (previous) {
      start = dft::settings_carried_to(*previous, plane, s);
      const std::string k = start.kdensity_per_A > 0.0
                                ? format("k density %g /A^-1", start.kdensity_per_A)
                                : "k " + mesh_text(start.kpts);
      print(format(
          "%s starts from the settings %s converged at: %g Ha, %.1f A vacuum, %s, "
          "smearing %g Ha (each axis still takes its own step)",
          slabs::miller_label(plane).c_str(), slabs::miller_label(previous->hkl).c_str(),
          start.scf.ecut_hartree, start.vacuum_A, k.c_str(), start.scf.smearing.width_hartree));
    }
    const auto c = dft::converge_facet(psp, plane, start, s.convergence, cells, log);
    if (!first_converged) first_converged = c;
    previous = c;
    const auto& last = c.points.back();
    // A relaxed converged entry: the thick unrelaxed slab plus the relaxation energy of the
    // relaxed slabs (docs/dft.md), so that E_dis = (e_slab − e_bulk)/A still holds.
    slabs::FacetEntry e = c.final.entry;
    e.e_dis_error_eV_per_A2 = c.error_eV_per_A2;
    if (c.relaxation) {
      e.relaxed = true;
      e.e_dis_eV_per_A2 = c.e_dis_eV_per_A2();
      e.e_slab_eV = e.e_bulk_eV + e.e_dis_eV_per_A2 * e.area_A2;
      if (!c.relaxation->converged)
        study.problems.push_back(
            {"--relax-max-steps", "a relaxation of " + slabs::miller_label(e.hkl) +
                                      " did not reach --fmax (convergence.relaxation.slabs)"});
    }
    print(
        format("%s converged E_dis = %.4f +- %.4f eV/A2 (%s; unrelaxed %.4f, from F %.4f) at "
               "%d layers, %.1f A vacuum, %.1f Ha, k %dx%d, smearing %g Ha%s",
               slabs::miller_label(e.hkl).c_str(), c.e_dis_eV_per_A2(), c.error_eV_per_A2,
               c.relaxation ? "relaxed" : "unrelaxed", c.final.entry.e_dis_eV_per_A2,
               c.final.e_dis_free_energy_eV_per_A2, e.layers, last.vacuum_A, last.ecut_hartree,
               last.kpts[0], last.kpts[1], last.smearing_hartree,
               c.converged() ? "" : "  (NOT converged on every axis)"));
    add_entry(study, e, "converged", e.converged);
    if (!c.converged())
      study.problems.push_back(
          {"--converge-max-points", "an axis of the " + slabs::miller_label(e.hkl) +
                                        " series did not converge; see facets.json's convergence"});
    nlohmann::json entry = dft::to_json(c, s.convergence);
    if (c.relaxation) {
      entry["relaxed"] = true;
      entry["e_dis_unrelaxed_eV_per_A2"] = c.final.entry.e_dis_eV_per_A2;
      entry["e_dis_eV_per_A2"] = c.e_dis_eV_per_A2();
      entry["gamma_J_per_m2"] = e.gamma_J_per_m2();
    }
    entry["e_dis_error_eV_per_A2"] = c.error_eV_per_A2;
    entry["converged"] = e.converged;
    study.facets_json["facets"].push_back(std::move(entry));
    errors += format("%s%s %.4f ± %.4f", errors.empty() ? "" : ", ",
                     slabs::miller_label(e.hkl).c_str(), c.e_dis_eV_per_A2(), c.error_eV_per_A2);
    report::LineSeries line{slabs::miller_label(e.hkl), {}, {}};
    for (const auto& p : c.thickness_series) {
      line.x.push_back(p.layers);
      line.y.push_back(p.e_dis_eV_per_A2);
    }
    chart.series.push_back(line);
  }
  if (first_converged) {
    // The cell `facetweld run` recomputes before it trusts this table (dft/facet/check_cell).
    dft::DftFacetSettings one_layer = first_converged->settings;
    one_layer.layers = 1;
    const auto plane = slabs::fcc_plane_geometry(one_layer.a_A, first_converged->hkl);
    const auto check = dft::compute_check_cell(psp, one_layer, first_converged->hkl,
                                               dft::facet_meshes(plane, one_layer).bulk_primitive);
    print(format("check cell: %s one-layer cell, k %s, F = %.10f Ha (%.1f s)",
                 slabs::miller_label(check.hkl).c_str(), mesh_text(check.kpts).c_str(),
                 check.free_energy_hartree, check.wall_s));
    study.facets_json["check_cell"] = dft::to_json(check);
  }
  const std::string stem = facets_path.stem().string();
  if (dft::is_output_rank())
    write_file_atomically(facets_path.parent_path() / (stem + "_convergence_layers.svg"),
                          report::render_svg(chart));
  study.summary = format(
      "slab method, %s, converged (cut-off, vacuum, in-plane k, smearing on the thin slab, then "
      "layers%s) to a target error of %g eV/Å²; E_dis ± error (eV/Å²): %s; plot "
      "%s_convergence_layers.svg",
      s.relax ? "relaxed" : "unrelaxed", s.relax ? ", then the relaxation energy" : "",
      s.convergence.tolerance_eV_per_A2, errors.c_str(), stem.c_str());
}

void cut_crystal(NativeFacetStudy& study, const dft::Pseudopotential& psp,
                 const dft::DftFacetSettings& s, const std::vector<slabs::Miller>& facets,
                 dft::CellCache& cells, const std::function<void(const std::string&)>& print) {
  // Every facet's cells are checked before the first SCF, so a size that does not fit is
  // refused at once.
  for (const auto& hkl : facets) {
    const auto cut = dft::cut_crystal_cells(s.element, s.a_A, slabs::reduce_miller(hkl),
                                            s.cut_cells, s.cut_vacuum_A);
    print(format("%s cut crystal, %d^3 cells, %g A vacuum, Gamma only: %s",
                 slabs::miller_label(slabs::reduce_miller(hkl)).c_str(), s.cut_cells,
                 s.cut_vacuum_A, dft::check_cut_crystal_fits(cut, psp, s.scf).c_str()));
  }
  std::optional<dft::CellEnergy> whole;  // the same cube for every facet: one SCF
  std::vector<std::string> rows;
  for (const auto& hkl : facets) {
    // Every SCF step of the (long) Γ-only cells is a progress line; each converged cell is
    // cached, so a killed run resumes per cell.
    dft::CellRunOptions options;
    options.cache = &cells;
    const auto r =
        dft::dft_cut_crystal_energy(psp, slabs::reduce_miller(hkl), s.element, s.a_A, s.cut_cells,
                                    s.cut_vacuum_A, s.scf, print, whole, options);
    whole = r.crystal;
    const std::string facet = slabs::miller_label(r.entry.hkl);
    print(format("%s cut crystal: E_dis %.6f eV/A2 (from F %.6f)%s", facet.c_str(),
                 r.entry.e_dis_eV_per_A2, r.e_dis_free_energy_eV_per_A2,
                 r.entry.converged ? "" : ", NOT converged"));
    rows.push_back(format("%-6s %9.4f %11.6f %11.6f %2zu+%-3zu %4d+%d+%d%s", facet.c_str(),
                          r.entry.area_A2, r.entry.e_dis_eV_per_A2, r.e_dis_free_energy_eV_per_A2,
                          r.atoms_part1, r.atoms_part2, r.crystal.scf_steps, r.part1.scf_steps,
                          r.part2.scf_steps, r.entry.converged ? "" : "  NOT converged"));
    add_entry(study, r.entry, "cut-crystal", r.entry.converged);
    study.facets_json["facets"].push_back(dft::to_json(r));
  }
  print(format("%-6s %9s %11s %11s %6s %14s", "facet", "area_A2", "E_dis_eV/A2", "E_dis(F)",
               "atoms", "steps"));
  for (const auto& row : rows) print(row);
  study.summary = format(
      "cut-crystal method (the paper's geometry), %d^3-cell cube, %g Å "
      "vacuum, Γ only, ecut %g Ha, unrelaxed; E_dis from E(σ→0), from F "
      "beside it; no error estimate",
      s.cut_cells, s.cut_vacuum_A, s.scf.ecut_hartree);
}

}  // namespace

bool uses_own_lattice_constant(const dft::DftFacetSettings& s) {
  return s.lattice_constant == "eos" || (s.lattice_constant == "auto" && (s.relax || s.converge));
}

NativeFacetStudy run_native_facet_study(const dft::DftFacetSettings& settings,
                                        const std::vector<slabs::Miller>& facets,
                                        const std::filesystem::path& facets_path,
                                        dft::CellCache& cells,
                                        const std::function<void(const std::string&)>& print) {
  NativeFacetStudy study;
  study.source = facets_path.filename().string();
  study.table = empty_table(settings);
  study.facets_json = slabs::to_json(study.table);
  const dft::Pseudopotential psp = dft::read_pseudopotential(settings.pseudopotential);
  dft::DftFacetSettings s = settings;
  if (uses_own_lattice_constant(s)) {
    const auto eos_log = [&](const std::string& line) {
      if (line.rfind("E(V)", 0) == 0) print(line);
    };
    const dft::LatticeConstantFit fit =
        dft::fit_lattice_constant(psp, s.element, s.a_A, s.scf, s.eos, eos_log, &cells);
    print(format(
        "lattice constant: a0 = %.5f A from E(V), %.5f A from the stress (B0 %.1f GPa, "
        "B0' %.2f; %d points at %g Ha, k %s, fit rms %.3f meV/atom)%s",
        fit.a0_A, fit.a0_stress_A, fit.b0_GPa, fit.b0_prime, static_cast<int>(fit.points.size()),
        fit.settings.ecut_hartree, mesh_text(fit.settings.kpts).c_str(), fit.rms_residual_meV,
        fit.converged ? "" : "  NOT converged"));
    if (!fit.converged)
      study.problems.push_back({"--max-steps", "an SCF of the E(V) fit did not converge"});
    s.a_A = fit.a0_A;
    study.table.a_A = fit.a0_A;
    study.facets_json["a_A"] = fit.a0_A;
    study.facets_json["settings"]["a_A"] = fit.a0_A;
    study.facets_json["lattice_constant"] = dft::to_json(fit);
  }
  if (s.method == "cut-crystal")
    cut_crystal(study, psp, s, facets, cells, print);
  else if (s.converge)
    converged_series(study, psp, s, facets, facets_path, cells, print);
  else
    slab_method(study, psp, s, facets, facets_path, cells, print);
  if (!study.problems.empty()) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : study.problems) problems.push_back(p.message);
    study.facets_json["problems"] = problems;
  }
  return study;
}

void throw_if_problems(const NativeFacetStudy& study) {
  if (study.problems.empty()) return;
  std::string message = study.problems.front().message;
  if (study.problems.size() > 1)
    message += " (and " + std::to_string(study.problems.size() - 1) +
               " more problem(s): facets.json's \"problems\")";
  throw InputError(study.problems.front().option, message);
}

}  // namespace fw::pipeline
