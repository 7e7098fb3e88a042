/// \file convergence.cpp
/// \brief The E_dis series: cheap axes on the thin slab, then layers, then the relaxation energy.
#include "dft/facet/convergence.hpp"

#include <algorithm>
#include <cmath>

#include "core/printf_format.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {

namespace {

/// The axes walked on the starting slab, in order, before the layers.
constexpr const char* kThinSlabAxes[] = {"ecut", "vacuum", "kpts", "smearing"};
constexpr int kUnrelaxedAxes = 5;

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
  p.e_slab_eV = r.entry.e_slab_eV;
  p.converged = r.entry.converged;
  p.scf_steps_slab = r.slab.scf_steps;
  p.scf_steps_bulk = r.bulk.scf_steps;
  p.wall_s = r.slab.wall_s + r.bulk.wall_s;
  p.from_cache = r.slab.from_cache && r.bulk.from_cache;
  return p;
}

/// The in-plane meshes raised so that the first mesh number of the slab becomes `n1` (both
/// numbers in proportion; a k-density raised in proportion).
void scale_kpts(DftFacetSettings& s, const FacetMeshes& meshes, int n1) {
  const double ratio = static_cast<double>(n1) / meshes.slab[0];
  if (s.kdensity_per_A > 0.0) {
    s.kdensity_per_A *= ratio;
    return;
  }
  s.kpts[0] = n1;
  s.kpts[1] = std::max(1, static_cast<int>(std::lround(s.kpts[1] * ratio)));
  if (s.kpts_bulk[0] > 0) s.kpts_bulk = {s.kpts[0], s.kpts[1], s.kpts_bulk[2]};
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
    // A metal's k-sampling error grows as σ shrinks; k ∝ 1/σ keeps it in proportion, so the
    // step measures the smearing, not a coarser effective sampling.
    s.scf.smearing.width_hartree *= c.smearing_factor;
    scale_kpts(s, meshes, static_cast<int>(std::ceil(meshes.slab[0] / c.smearing_factor - 1e-9)));
  } else {
    scale_kpts(s, meshes, meshes.slab[0] + c.kpts_step);
  }
  return s;
}

class Series {
 public:
  Series(const Pseudopotential& psp, const slabs::Miller& hkl, const ConvergenceSettings& c,
         CellCache& cache, const std::function<void(const std::string&)>& log,
         FacetConvergence& out)
      : psp_(psp), hkl_(hkl), c_(c), cache_(cache), log_(log), out_(out) {}

  void start(const DftFacetSettings& s) {
    current_ = s;
    current_.relax = false;
    out_.final = dft_facet_energy(psp_, hkl_, current_, log_, &cache_);
    add_point("start", current_, out_.final);
  }

  /// Steps along `axis` until one step moves E_dis less than the tolerance (or max_points).
  /// With `stay`, a converged axis stays at the setting before that step: the step is the error
  /// of that setting, and every later cell is cheaper. Otherwise (and when the axis does not
  /// converge) the series goes on from the last point.
  void walk(const std::string& axis, bool stay) {
    AxisConvergence a;
    a.axis = axis;
    for (int i = 1; i < c_.max_points; ++i) {
      const DftFacetSettings next = stepped(current_, axis, c_, out_.final.meshes);
      DftFacetResult r = dft_facet_energy(psp_, hkl_, next, log_, &cache_);
      a.last_change = std::abs(r.entry.e_dis_eV_per_A2 - out_.final.entry.e_dis_eV_per_A2);
      a.converged = a.last_change < out_.tolerance_per_axis_eV_per_A2;
      add_point(axis, next, r);
      if (a.converged && stay) break;
      current_ = next;
      out_.final = std::move(r);
      if (a.converged) break;
    }
    out_.axes.push_back(a);
  }

  const DftFacetSettings& current() const { return current_; }

 private:
  void add_point(const std::string& axis, const DftFacetSettings& s, const DftFacetResult& r) {
    out_.points.push_back(point_of(axis, s, r));
    if (!log_) return;
    const ConvergencePoint& p = out_.points.back();
    log_(
        format("%s %-8s layers %2d vacuum %5.1f A ecut %5.1f Ha k %dx%d smearing %.4g Ha: "
               "E_dis %.6f eV/A2 (from F %.6f), %.0f s%s",
               slabs::miller_label(hkl_).c_str(), p.axis.c_str(), p.layers, p.vacuum_A,
               p.ecut_hartree, p.kpts[0], p.kpts[1], p.smearing_hartree, p.e_dis_eV_per_A2,
               p.e_dis_free_energy_eV_per_A2, p.wall_s, p.from_cache ? " (finished earlier)" : ""));
  }

  const Pseudopotential& psp_;
  slabs::Miller hkl_;
  const ConvergenceSettings& c_;
  CellCache& cache_;
  const std::function<void(const std::string&)>& log_;
  FacetConvergence& out_;
  DftFacetSettings current_;
};

}  // namespace

double per_axis_tolerance(const ConvergenceSettings& c, bool relax) {
  return c.tolerance_eV_per_A2 / std::sqrt(kUnrelaxedAxes + (relax ? 1.0 : 0.0));
}

double FacetConvergence::e_dis_eV_per_A2() const {
  return final.entry.e_dis_eV_per_A2 + (relaxation ? relaxation->correction_eV_per_A2 : 0.0);
}

bool FacetConvergence::converged() const {
  for (const auto& a : axes)
    if (!a.converged) return false;
  if (relaxation &&
      (!relaxation->converged || relaxation->error_eV_per_A2 >= tolerance_per_axis_eV_per_A2))
    return false;
  return !axes.empty();
}

FacetConvergence converge_facet(const Pseudopotential& psp, const slabs::Miller& hkl,
                                const DftFacetSettings& settings, const ConvergenceSettings& c,
                                CellCache& cache,
                                const std::function<void(const std::string&)>& log) {
  FacetConvergence out;
  out.hkl = hkl;
  out.tolerance_per_axis_eV_per_A2 = per_axis_tolerance(c, settings.relax);
  Series series(psp, hkl, c, cache, log, out);
  series.start(settings);
  for (const char* axis : kThinSlabAxes) series.walk(axis, true);
  out.thickness_series.push_back(point_of("start", series.current(), out.final));
  series.walk("layers", false);
  for (const auto& p : out.points)
    if (p.axis == "layers") out.thickness_series.push_back(p);
  std::vector<int> layers;
  std::vector<double> energies;
  for (const auto& p : out.thickness_series) {
    layers.push_back(p.layers);
    energies.push_back(p.e_slab_eV);
  }
  if (layers.size() >= 2)
    out.layer_fit = fit_slab_energies(layers, energies, out.final.entry.area_A2);

  double error2 = 0.0;
  for (const auto& a : out.axes) error2 += a.last_change * a.last_change;
  if (settings.relax) {
    out.relaxation = relaxation_correction(psp, hkl, series.current(), settings.layers, c,
                                           out.tolerance_per_axis_eV_per_A2, cache, log);
    error2 += out.relaxation->error_eV_per_A2 * out.relaxation->error_eV_per_A2;
  }
  out.error_eV_per_A2 = std::sqrt(error2);
  out.settings = series.current();
  return out;
}

DftFacetSettings settings_carried_to(const FacetConvergence& previous, const slabs::Miller& next,
                                     const DftFacetSettings& start) {
  const DftFacetSettings& done = previous.settings;
  DftFacetSettings s = start;
  s.scf.ecut_hartree = std::max(start.scf.ecut_hartree, done.scf.ecut_hartree);
  s.vacuum_A = std::max(start.vacuum_A, done.vacuum_A);
  s.scf.smearing.width_hartree =
      std::min(start.scf.smearing.width_hartree, done.scf.smearing.width_hartree);
  if (start.kdensity_per_A > 0.0) {
    s.kdensity_per_A = std::max(start.kdensity_per_A, done.kdensity_per_A);
    return s;
  }
  // In-plane reciprocal lengths of both slabs (the vacuum axis is normal to the surface).
  const auto in_plane = [&](const slabs::Miller& hkl, int i) {
    const slabs::Miller plane = slabs::fcc_plane_geometry(s.a_A, hkl).hkl;
    const slabs::Structure slab =
        slabs::slab_with_vacuum({s.element, s.a_A, plane, 1, 1, 1}, s.vacuum_A);
    return norm(reciprocal_rows(slab.cell)[static_cast<std::size_t>(i)]);
  };
  // One density, the previous mesh's densest axis, on both axes of the new cell: carried axis by
  // axis, (110)'s 10x8 became 12x14 on the hexagonal (111) cell, a mesh that keeps 2 of the
  // slab's 12 symmetry operations (86 irreducible k-points where 14x14 has 24).
  const std::array<int, 3>& mesh = previous.final.meshes.slab;
  double density = 0.0;
  for (int i = 0; i < 2; ++i)
    density = std::max(density, mesh[static_cast<std::size_t>(i)] / in_plane(previous.hkl, i));
  for (int i = 0; i < 2; ++i) {
    const int n = static_cast<int>(std::ceil(density * in_plane(next, i) - 1e-9));
    s.kpts[static_cast<std::size_t>(i)] = std::max(start.kpts[static_cast<std::size_t>(i)], n);
  }
  if (s.kpts_bulk[0] > 0) s.kpts_bulk = {s.kpts[0], s.kpts[1], s.kpts_bulk[2]};
  return s;
}

nlohmann::json to_json(const FacetConvergence& c, const ConvergenceSettings& s) {
  nlohmann::json j = to_json(c.final);
  nlohmann::json conv;
  conv["tolerance_eV_per_A2"] = s.tolerance_eV_per_A2;
  conv["tolerance_per_axis_eV_per_A2"] = c.tolerance_per_axis_eV_per_A2;
  conv["e_dis_eV_per_A2"] = c.e_dis_eV_per_A2();
  conv["e_dis_unrelaxed_eV_per_A2"] = c.final.entry.e_dis_eV_per_A2;
  conv["relaxed"] = c.relaxation.has_value();
  conv["error_eV_per_A2"] = c.error_eV_per_A2;
  conv["e_dis_free_energy_eV_per_A2"] = c.final.e_dis_free_energy_eV_per_A2;
  conv["converged"] = c.converged();
  conv["error_definition"] =
      "sqrt(sum over ecut, vacuum, kpts, smearing, layers of the last step's |change| of E_dis, "
      "plus the squared change of the relaxation energy between the two relaxed thicknesses)";
  conv["axes"] = nlohmann::json::array();
  for (const auto& a : c.axes)
    conv["axes"].push_back(
        {{"axis", a.axis}, {"converged", a.converged}, {"last_change_eV_per_A2", a.last_change}});
  if (const auto& f = c.layer_fit)
    conv["layer_fit"] = {{"method", "E_slab(N) = N*e + A*E_dis over the layers axis"},
                         {"points", f->points},
                         {"e_dis_eV_per_A2", f->e_dis_eV_per_A2},
                         {"standard_error_eV_per_A2", f->standard_error_eV_per_A2},
                         {"e_layer_eV", f->e_layer_eV}};
  if (const auto& r = c.relaxation) {
    nlohmann::json slabs = nlohmann::json::array();
    for (const auto& x : r->slabs) slabs.push_back(facet_entries_json(x).back());
    conv["relaxation"] = {{"correction_eV_per_A2", r->correction_eV_per_A2},
                          {"error_eV_per_A2", r->error_eV_per_A2},
                          {"converged", r->converged},
                          {"slabs", slabs}};
  }
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
                              {"e_slab_eV", p.e_slab_eV},
                              {"converged", p.converged},
                              {"scf_steps_slab", p.scf_steps_slab},
                              {"scf_steps_bulk", p.scf_steps_bulk},
                              {"wall_s", p.wall_s},
                              {"from_earlier_run", p.from_cache}});
  j["convergence"] = conv;
  return j;
}

}  // namespace fw::dft
