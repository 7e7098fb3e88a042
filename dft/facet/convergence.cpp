/// \file convergence.cpp
/// \brief The per-axis E_dis series (layers, vacuum, cut-off, in-plane k) and its error estimate.
#include "dft/facet/convergence.hpp"

#include <cmath>
#include <cstdio>

namespace fw::dft {

namespace {

ConvergencePoint point_of(const std::string& axis, const DftFacetSettings& s,
                          const DftFacetResult& r) {
  ConvergencePoint p;
  p.axis = axis;
  p.layers = s.layers;
  p.vacuum_A = s.vacuum_A;
  p.ecut_hartree = s.scf.ecut_hartree;
  p.smearing_hartree = s.scf.smearing.width_hartree;
  p.kpts = r.meshes.slab;
  p.e_dis_eV_per_A2 = r.entry.e_dis_eV_per_A2;
  p.e_dis_free_energy_eV_per_A2 = r.e_dis_free_energy_eV_per_A2;
  p.converged = r.entry.converged;
  p.scf_steps_slab = r.slab.scf_steps;
  p.scf_steps_bulk = r.bulk.scf_steps;
  p.from_cache = r.slab.from_cache && r.bulk.from_cache;
  return p;
}

/// `s` one step further along `axis`.
DftFacetSettings stepped(DftFacetSettings s, const std::string& axis, const ConvergenceSettings& c,
                         const FacetMeshes& meshes) {
  if (axis == "layers") {
    s.layers += c.layers_step;
  } else if (axis == "vacuum") {
    s.vacuum_A += c.vacuum_step_A;
  } else if (axis == "ecut") {
    s.scf.ecut_hartree += c.ecut_step_hartree;
  } else if (axis == "smearing") {
    s.scf.smearing.width_hartree *= c.smearing_factor;
  } else if (s.kdensity_per_A > 0.0) {  // kpts, meshes from a density: raise it in proportion
    s.kdensity_per_A *= static_cast<double>(meshes.slab[0] + c.kpts_step) / meshes.slab[0];
  } else {
    s.kpts[0] += c.kpts_step;
    s.kpts[1] += c.kpts_step;
    if (s.kpts_bulk[0] > 0) s.kpts_bulk = {s.kpts[0], s.kpts[1], s.kpts_bulk[2]};
  }
  return s;
}

}  // namespace

bool FacetConvergence::converged() const {
  for (const auto& a : axes)
    if (!a.converged) return false;
  return !axes.empty();
}

FacetConvergence converge_facet(const Pseudopotential& psp, const slabs::Miller& hkl,
                                const DftFacetSettings& settings, const ConvergenceSettings& c,
                                CellCache& cache,
                                const std::function<void(const std::string&)>& log) {
  FacetConvergence out;
  out.hkl = hkl;
  DftFacetSettings current = settings;
  current.relax = false;
  out.final = dft_facet_energy(psp, hkl, current, log, &cache);
  out.points.push_back(point_of("start", current, out.final));
  const auto report = [&](const ConvergencePoint& p) {
    if (!log) return;
    char line[240];
    std::snprintf(line, sizeof line,
                  "%s %-8s layers %2d vacuum %5.1f A ecut %5.1f Ha k %dx%d smearing %.4g Ha: "
                  "E_dis %.6f eV/A2 (from F %.6f)%s",
                  slabs::miller_label(hkl).c_str(), p.axis.c_str(), p.layers, p.vacuum_A,
                  p.ecut_hartree, p.kpts[0], p.kpts[1], p.smearing_hartree, p.e_dis_eV_per_A2,
                  p.e_dis_free_energy_eV_per_A2, p.from_cache ? " (finished earlier)" : "");
    log(line);
  };
  report(out.points.back());
  double error2 = 0.0;
  for (const std::string axis : {"layers", "vacuum", "ecut", "kpts", "smearing"}) {
    AxisConvergence a;
    a.axis = axis;
    for (int i = 1; i < c.max_points; ++i) {
      const DftFacetSettings next = stepped(current, axis, c, out.final.meshes);
      DftFacetResult r = dft_facet_energy(psp, hkl, next, log, &cache);
      a.last_change = std::abs(r.entry.e_dis_eV_per_A2 - out.final.entry.e_dis_eV_per_A2);
      out.points.push_back(point_of(axis, next, r));
      report(out.points.back());
      current = next;
      out.final = std::move(r);
      if (a.last_change < c.tolerance_eV_per_A2) {
        a.converged = true;
        break;
      }
    }
    error2 += a.last_change * a.last_change;
    out.axes.push_back(a);
  }
  out.error_eV_per_A2 = std::sqrt(error2);
  return out;
}

nlohmann::json to_json(const FacetConvergence& c, const ConvergenceSettings& s) {
  nlohmann::json j = to_json(c.final);
  nlohmann::json conv;
  conv["tolerance_eV_per_A2"] = s.tolerance_eV_per_A2;
  conv["e_dis_eV_per_A2"] = c.final.entry.e_dis_eV_per_A2;
  conv["error_eV_per_A2"] = c.error_eV_per_A2;
  conv["e_dis_free_energy_eV_per_A2"] = c.final.e_dis_free_energy_eV_per_A2;
  conv["converged"] = c.converged();
  conv["error_definition"] =
      "sqrt(sum over layers, vacuum, ecut, kpts, smearing of the last step's |change| of "
      "E_dis)";
  conv["axes"] = nlohmann::json::array();
  for (const auto& a : c.axes)
    conv["axes"].push_back(
        {{"axis", a.axis}, {"converged", a.converged}, {"last_change_eV_per_A2", a.last_change}});
  conv["points"] = nlohmann::json::array();
  for (const auto& p : c.points)
    conv["points"].push_back({{"axis", p.axis},
                              {"layers", p.layers},
                              {"vacuum_A", p.vacuum_A},
                              {"ecut_Ha", p.ecut_hartree},
                              {"kpts_slab", p.kpts},
                              {"smearing_Ha", p.smearing_hartree},
                              {"e_dis_eV_per_A2", p.e_dis_eV_per_A2},
                              {"e_dis_free_energy_eV_per_A2", p.e_dis_free_energy_eV_per_A2},
                              {"converged", p.converged},
                              {"scf_steps_slab", p.scf_steps_slab},
                              {"scf_steps_bulk", p.scf_steps_bulk},
                              {"from_earlier_run", p.from_cache}});
  j["convergence"] = conv;
  return j;
}

}  // namespace fw::dft
