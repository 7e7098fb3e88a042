/// \file study.cpp
/// \brief Angles loop with per-angle resume, weld.json and weld.csv.
#include "md/weld/study.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/dir_lock.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "md/apps/metal_carbon_lj.hpp"
#include "md/apps/task_pool.hpp"
#include "md/weld/engines.hpp"
#include "slabs/wulff_rod.hpp"

namespace fw::md {
namespace {

nlohmann::json rod_json(const RelaxedRod& rod) {
  nlohmann::json facets = nlohmann::json::array();
  for (const WulffFacet& f : rod.shape.facets)
    facets.push_back({{"family", f.family},
                      {"role", f.role},
                      {"gamma_J_per_m2", f.gamma_J_per_m2},
                      {"wulff_distance_A", f.distance_A},
                      {"from", f.source}});
  return {{"element", rod.shape.spec.element},
          {"a_A", rod.shape.spec.a_A},
          {"axis", rod.shape.spec.axis},
          {"atoms", rod.lattice.size()},
          {"length_A", rod.shape.spec.length_A},
          {"wulff_facets", facets},
          {"energy_relaxed_eV", rod.energy_eV},
          {"relax",
           {{"converged", rod.converged},
            {"iterations", rod.iterations},
            {"max_force_eV_per_A", rod.max_force_eV_per_A}}},
          {"end_layer_atoms", rod.end_layer_atoms},
          {"end_face_area_A2", rod.end_face_area_A2}};
}

/// One run's entry in weld.json (the time series stay in the run's result.json).
nlohmann::json run_json(const WeldResult& r, bool have_control, double control_release_eV) {
  nlohmann::json j = weld_result_json(r);
  j.erase("samples");
  j.erase("control");
  WeldRunSpec spec{r.initial_angle_deg, r.seed, r.control};
  j["folder"] = run_folder_name(spec);
  if (!r.control) {
    j["control_release_eV"] = have_control ? nlohmann::json(control_release_eV) : nullptr;
    if (!have_control) {
      for (const char* k :
           {"energy_release_eV", "energy_release_per_atom_meV",
            "energy_release_per_neck_area_J_per_m2", "energy_release_per_end_face_eV_per_A2"})
        j[k] = nullptr;
    }
  }
  j["neck"] = {{"bridge_atoms", r.quenched.neck_bridge_atoms},
               {"cross_bonds", r.quenched.cross_bonds},
               {"radius_A", r.quenched.neck_radius_A},
               {"area_A2", r.neck_area_A2}};
  return j;
}

nlohmann::json mean_std_json(const std::string& key, const MeanStd& m) {
  return {{key + "_mean", m.mean}, {key + "_std", m.std}};
}

std::string duration_text(double seconds) {
  char buf[32];
  const long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  return buf;
}

/// Net releases from the controls, and the per-angle statistics over the finished runs.
void update_statistics(WeldStudy& study, const std::vector<bool>& finished,
                       const std::vector<bool>& control_finished) {
  const WeldSettings& s = study.settings;
  const std::size_t seeds = static_cast<std::size_t>(s.seeds);
  study.summary.clear();
  std::vector<WeldTrendRun> trend_runs;
  for (std::size_t a = 0; a < s.angles_deg.size(); ++a) {
    std::vector<double> net, raw, per_area, end_angle, quench_angle, neck, fcc;
    for (std::size_t k = 0; k < seeds; ++k) {
      const std::size_t i = a * seeds + k;
      if (!finished[i]) continue;
      WeldResult& r = study.results[i];
      if (!control_finished[k]) continue;
      set_net_release(r, study.controls[k].energy_release_raw_eV, study.rod.end_face_area_A2);
      net.push_back(r.energy_release_eV);
      raw.push_back(r.energy_release_raw_eV);
      per_area.push_back(r.energy_release_per_neck_area_J_per_m2);
      end_angle.push_back(r.angle_end_of_dynamics_deg);
      quench_angle.push_back(r.final_angle_deg);
      neck.push_back(static_cast<double>(r.quenched.neck_bridge_atoms));
      fcc.push_back(r.quenched.interface_interior_cna.fraction(CnaType::fcc));
      std::vector<double> t_ps, angle;
      for (const WeldSample& sample : r.samples) {
        t_ps.push_back(sample.time_ps);
        angle.push_back(sample.angle_deg);
      }
      trend_runs.push_back({r.initial_angle_deg, r.energy_release_eV, r.rotation_deg,
                            r.initial_angle_deg - r.final_angle_deg,
                            angle_drift_last_quarter_deg(t_ps, angle, s.time_ps)});
    }
    if (net.empty()) continue;
    WeldAngleSummary sum;
    sum.angle_deg = s.angles_deg[a];
    sum.n_seeds = static_cast<int>(net.size());
    sum.release_eV = mean_std(net);
    sum.release_raw_eV = mean_std(raw);
    sum.release_per_neck_area_J_per_m2 = mean_std(per_area);
    sum.angle_end_of_dynamics_deg = mean_std(end_angle);
    sum.angle_after_quench_deg = mean_std(quench_angle);
    sum.neck_bridge_atoms = mean_std(neck);
    sum.interface_interior_fcc_fraction = mean_std(fcc);
    study.summary.push_back(sum);
  }
  study.trend = weld_trend(trend_runs, s.time_ps, static_cast<long>(study.rod.lattice.size()));
}

/// weld.json `trend` (docs/formats.md); NaN (undefined) is written as null.
nlohmann::json trend_json(const WeldTrend& t) {
  nlohmann::json per_angle = nlohmann::json::array();
  for (const WeldTrendAngle& a : t.angles) {
    nlohmann::json j = {{"angle_deg", a.angle_deg}, {"n_seeds", a.n_seeds}};
    j.update(mean_std_json("energy_release_eV", a.release_eV));
    j["energy_release_eV_stderr"] = a.release_stderr_eV;
    j.update(mean_std_json("rotation_end_of_dynamics_deg", a.rotation_end_of_dynamics_deg));
    j.update(mean_std_json("rotation_after_quench_deg", a.rotation_after_quench_deg));
    j["max_abs_angle_drift_last_quarter_deg"] = a.max_abs_angle_drift_last_quarter_deg;
    per_angle.push_back(j);
  }
  const WeldTrendAdequacy& q = t.adequacy;
  const WeldTrendCriteria& c = t.criteria;
  return {{"release",
           "net energy_release_eV of every run whose control has finished, vs its initial "
           "angle_deg"},
          {"n_runs", t.n_runs},
          {"slope_eV_per_deg", t.fit.slope},
          {"slope_stderr_eV_per_deg", t.fit.slope_stderr},
          {"slope_p_two_sided", t.fit.slope_p_two_sided},
          {"intercept_eV", t.fit.intercept},
          {"spearman_rho", t.spearman.rho},
          {"spearman_p_two_sided", t.spearman.p_two_sided},
          {"means_fall_angle_to_angle", t.means_fall_angle_to_angle},
          {"verdict", t.verdict},
          {"per_angle", per_angle},
          {"adequacy",
           {{"enough", q.enough},
            {"min_seeds_per_angle", q.min_seeds_per_angle},
            {"enough_seeds", q.enough_seeds},
            {"n_angles", q.n_angles},
            {"enough_angles", q.enough_angles},
            {"step_resolution_eV", q.step_resolution_eV},
            {"fitted_step_eV", q.fitted_step_eV},
            {"steps_resolved", q.steps_resolved},
            {"md_time_ps", q.md_time_ps},
            {"runs_with_drift", q.runs_with_drift},
            {"runs_still_rotating", q.runs_still_rotating},
            {"max_abs_angle_drift_last_quarter_deg", q.max_abs_drift_deg},
            {"rotation_settled", q.rotation_settled},
            {"atoms_per_rod", q.atoms_per_rod},
            {"rods_large_enough", q.rods_large_enough}}},
          {"criteria",
           {{"alpha", c.alpha},
            {"min_seeds_per_angle", c.min_seeds_per_angle},
            {"min_angles", c.min_angles},
            {"max_angle_drift_last_quarter_deg", c.max_angle_drift_deg},
            {"min_atoms_per_rod", c.min_atoms_per_rod}}},
          {"sentence", weld_trend_sentence(t)}};
}

}  // namespace

std::string run_folder_name(const WeldRunSpec& run) {
  return (run.control ? std::string("control") : angle_folder_name(run.angle_deg)) + "/seed_" +
         std::to_string(run.seed);
}

nlohmann::json WeldStudy::to_json() const {
  const std::size_t seeds = controls.size();
  std::vector<bool> have_control(seeds);
  for (std::size_t k = 0; k < seeds; ++k) have_control[k] = controls[k].atoms_per_rod > 0;
  nlohmann::json runs = nlohmann::json::array(), ctrl = nlohmann::json::array(),
                 sums = nlohmann::json::array();
  long done = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const WeldResult& r = results[i];
    if (r.atoms_per_rod == 0) continue;  // not finished yet
    ++done;
    const std::size_t k = seeds > 0 ? i % seeds : 0;
    runs.push_back(
        run_json(r, have_control[k], have_control[k] ? controls[k].energy_release_raw_eV : 0.0));
  }
  bool reshaping = false;
  for (std::size_t k = 0; k < seeds; ++k) {
    if (!have_control[k]) continue;
    ++done;
    nlohmann::json c = run_json(controls[k], true, 0.0);
    const bool flagged = controls[k].energy_release_raw_eV > settings.reshaping_threshold_eV;
    reshaping = reshaping || flagged;
    c["reshaping"] = flagged;
    ctrl.push_back(c);
  }
  for (const WeldAngleSummary& s : summary) {
    nlohmann::json j = {{"angle_deg", s.angle_deg}, {"n_seeds", s.n_seeds}};
    j.update(mean_std_json("energy_release_eV", s.release_eV));
    j.update(mean_std_json("energy_release_raw_eV", s.release_raw_eV));
    j.update(
        mean_std_json("energy_release_per_neck_area_J_per_m2", s.release_per_neck_area_J_per_m2));
    j.update(mean_std_json("angle_end_of_dynamics_deg", s.angle_end_of_dynamics_deg));
    j.update(mean_std_json("angle_after_quench_deg", s.angle_after_quench_deg));
    j.update(mean_std_json("neck_bridge_atoms", s.neck_bridge_atoms));
    j.update(mean_std_json("interface_interior_fcc_fraction", s.interface_interior_fcc_fraction));
    sums.push_back(j);
  }
  nlohmann::json settings_json = settings.study_json();
  if (settings.substrate == "graphene")
    settings_json["metal_c_lj_source"] =
        metal_carbon_source(rod.shape.spec.element, settings.lj_epsilon_eV, settings.lj_sigma_A);
  nlohmann::json rod_j = rod_json(rod);
  rod_j["e_separate_eV"] = rod.e_separate_eV;
  return {{"status", complete ? "complete" : "incomplete"},
          {"runs_done", done},
          {"runs_total", results.size() + controls.size()},
          {"code_version", code_version()},
          {"facets", {{"source", facets_source}, {"engine", facets_engine}}},
          {"settings", settings_json},
          {"rod", rod_j},
          {"energy_release_definition",
           "raw = E_separate - E_welded (E_separate: the control pair, rods apart, quenched as "
           "placed); net energy_release_eV = raw - the control's release of the same seed"},
          {"reshaping", reshaping},
          {"runs", runs},
          {"controls", ctrl},
          {"summary", sums},
          {"trend", trend_json(trend)}};
}

std::string weld_csv(const WeldStudy& study) {
  std::ostringstream out;
  out << "kind,angle_deg,seed,energy_release_raw_eV,energy_release_eV,"
         "angle_end_of_dynamics_deg,angle_after_quench_deg,atoms_per_rod,e_separate_eV,"
         "e_welded_eV,neck_bridge_atoms,neck_radius_A,energy_release_per_neck_area_J_per_m2,"
         "interface_fcc_fraction,interface_hcp_fraction,interface_other_fraction,"
         "interior_fcc_fraction,interior_hcp_fraction,interior_other_fraction,quench_converged\n";
  char row[700];
  const auto put = [&](const WeldResult& r) {
    if (r.atoms_per_rod == 0) return;
    const WeldSample& q = r.quenched;
    std::snprintf(
        row, sizeof row,
        "%s,%.4g,%llu,%.6f,%.6f,%.4f,%.4f,%ld,%.6f,%.6f,%ld,%.4f,%.5f,%.4f,%.4f,%.4f,"
        "%.4f,%.4f,%.4f,%s\n",
        r.control ? "control" : "weld", r.initial_angle_deg,
        static_cast<unsigned long long>(r.seed), r.energy_release_raw_eV, r.energy_release_eV,
        r.angle_end_of_dynamics_deg, r.final_angle_deg, r.atoms_per_rod, r.e_separate_eV,
        r.e_welded_eV, q.neck_bridge_atoms, q.neck_radius_A,
        r.energy_release_per_neck_area_J_per_m2, q.interface_cna.fraction(CnaType::fcc),
        q.interface_cna.fraction(CnaType::hcp), q.interface_cna.fraction(CnaType::other),
        q.interface_interior_cna.fraction(CnaType::fcc),
        q.interface_interior_cna.fraction(CnaType::hcp),
        q.interface_interior_cna.fraction(CnaType::other), r.quench_converged ? "true" : "false");
    out << row;
  };
  for (const WeldResult& r : study.controls) put(r);
  for (const WeldResult& r : study.results) put(r);
  return out.str();
}

WeldStudy run_weld_study(const WeldSettings& given, const slabs::FacetTable& table,
                         const std::filesystem::path& out_dir, const std::string& facets_source,
                         LammpsLauncher* launcher) {
  check_weld_settings(given);
  // Rods on graphene at the Au–C defaults weld with their own metal–carbon pair.
  WeldSettings settings = given;
  const LjPair pair = substrate_pair_for_element(
      table.element, given.substrate, given.lj_epsilon_eV, given.lj_sigma_A, "--lj-epsilon");
  settings.lj_epsilon_eV = pair.epsilon_eV;
  settings.lj_sigma_A = pair.sigma_A;
  check_weld_lattice_constant(table, facets_source);
  WeldStudy study;
  study.settings = settings;
  study.facets_source = facets_source;
  study.facets_engine = table.engine;
  // A missing program or file of the engine (lmp, CH.airebo) is a user error found before
  // anything is written (no empty results folder).
  const bool queued = make_weld_engine(settings, launcher)->queues_runs();
  // A rod too large to build is refused before the results folder exists (issue 21).
  slabs::check_nanorod_size(slabs::wulff_rod_shape(table, settings.rod, facets_source).spec);
  ensure_output_folder(out_dir, "-o");
  // A second study into this folder stops here (exit 2 naming the folder and this PID) instead of
  // interleaving its runs and weld.json with ours.
  const DirLock lock(out_dir, "a welding study");
  study.rod = relax_rod(settings, table, facets_source, out_dir / "rod", launcher);
  std::printf(
      "weld: %s rod along [%d%d%d], %zu atoms, relaxed E = %.4f eV (%s, %d iterations); "
      "%s mode, substrate %s, rods apart E_separate = %.4f eV\n",
      study.rod.shape.spec.element.c_str(), settings.rod.axis[0], settings.rod.axis[1],
      settings.rod.axis[2], study.rod.lattice.size(), study.rod.energy_eV,
      study.rod.converged ? "converged" : "NOT converged", study.rod.iterations,
      settings.mode.c_str(), settings.substrate.c_str(), study.rod.e_separate_eV);
  std::fflush(stdout);

  const std::size_t seeds = static_cast<std::size_t>(settings.seeds);
  const std::size_t angles = settings.angles_deg.size();
  study.results.assign(angles * seeds, WeldResult{});
  study.resumed.assign(angles * seeds, false);
  study.controls.assign(seeds, WeldResult{});
  // Task list: the controls first (every net release needs its seed's), then angle × seed.
  struct Task {
    WeldRunSpec spec;
    WeldResult* slot;
    std::size_t result_index;  // into results, or npos for a control
  };
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<Task> tasks;
  for (std::size_t k = 0; k < seeds; ++k)
    tasks.push_back({WeldRunSpec{0.0, settings.seed + k, true}, &study.controls[k], npos});
  for (std::size_t a = 0; a < angles; ++a)
    for (std::size_t k = 0; k < seeds; ++k)
      tasks.push_back({WeldRunSpec{settings.angles_deg[a], settings.seed + k, false},
                       &study.results[a * seeds + k], a * seeds + k});

  std::vector<bool> finished(angles * seeds, false), control_finished(seeds, false);
  const nlohmann::json settings_json = settings.to_json();
  const auto write_summary = [&] {
    update_statistics(study, finished, control_finished);
    write_file_atomically(out_dir / "weld.json", study.to_json().dump(1) + "\n");
    write_file_atomically(out_dir / "weld.csv", weld_csv(study));
  };
  const auto mark_finished = [&](const Task& t) {
    if (t.result_index == npos)
      control_finished[t.spec.seed - settings.seed] = true;
    else
      finished[t.result_index] = true;
  };

  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const Task& t = tasks[i];
    WeldResult r;
    const bool resumed =
        read_weld_result(out_dir / run_folder_name(t.spec) / "result.json", settings_json, r) &&
        r.seed == t.spec.seed && r.control == t.spec.control &&
        (t.spec.control || r.initial_angle_deg == t.spec.angle_deg) &&
        r.atoms_per_rod == static_cast<long>(study.rod.lattice.size()) &&
        r.e_separate_eV == study.rod.e_separate_eV;
    if (resumed) {
      *t.slot = r;
      if (t.result_index != npos) study.resumed[t.result_index] = true;
      mark_finished(t);
    } else {
      pending.push_back(i);
    }
  }
  std::printf("weld: %zu runs (%zu angles x %zu seeds + %zu controls), %zu to run, %zu read back\n",
              tasks.size(), angles, seeds, seeds, pending.size(), tasks.size() - pending.size());
  std::fflush(stdout);
  write_summary();  // status "incomplete" until the last run

  const auto start = std::chrono::steady_clock::now();
  std::size_t ran = 0;
  std::vector<WeldResult> outcome(pending.size());
  // A batch queue holds the runs: every one is submitted at once (its thread mostly waits).
  run_task_pool(
      pending.size(), queued ? static_cast<int>(pending.size()) : settings.workers,
      [&](std::size_t p) {
        const Task& t = tasks[pending[p]];
        outcome[p] =
            run_weld(settings, study.rod, t.spec, out_dir / run_folder_name(t.spec), launcher);
      },
      [&](std::size_t p) {
        const Task& t = tasks[pending[p]];
        *t.slot = outcome[p];
        mark_finished(t);
        ++ran;
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double eta =
            elapsed / static_cast<double>(ran) * static_cast<double>(pending.size() - ran);
        const WeldResult& r = outcome[p];
        char what[64];
        if (t.spec.control)
          std::snprintf(what, sizeof what, "control   seed %llu",
                        static_cast<unsigned long long>(t.spec.seed));
        else
          std::snprintf(what, sizeof what, "angle %5g seed %llu", t.spec.angle_deg,
                        static_cast<unsigned long long>(t.spec.seed));
        std::printf(
            "weld [%zu/%zu] %s: raw release %8.3f eV, angle %5.1f -> %5.1f (end of MD) -> %5.1f "
            "deg (quenched), neck %4ld atoms (%.0f s)  ETA %s\n",
            tasks.size() - pending.size() + ran, tasks.size(), what, r.energy_release_raw_eV,
            r.initial_angle_deg, r.angle_end_of_dynamics_deg, r.final_angle_deg,
            r.quenched.neck_bridge_atoms, r.wall_s, duration_text(eta).c_str());
        std::fflush(stdout);
        write_summary();
      });
  study.complete = true;
  write_summary();

  std::printf("weld: net release (raw - control of the same seed), %zu seeds:\n", seeds);
  for (std::size_t k = 0; k < seeds; ++k)
    std::printf("  control seed %llu: %8.3f eV%s\n",
                static_cast<unsigned long long>(study.controls[k].seed),
                study.controls[k].energy_release_raw_eV,
                study.controls[k].energy_release_raw_eV > settings.reshaping_threshold_eV
                    ? "  (reshaping: above the threshold)"
                    : "");
  std::printf(
      "  angle   net release (eV)   raw (eV)        end-of-MD angle   quenched angle   neck\n");
  for (const WeldAngleSummary& s : study.summary)
    std::printf(
        "  %5g   %7.2f ± %5.2f   %7.2f ± %5.2f   %5.1f ± %4.1f     %5.1f ± %4.1f    %5.0f\n",
        s.angle_deg, s.release_eV.mean, s.release_eV.std, s.release_raw_eV.mean,
        s.release_raw_eV.std, s.angle_end_of_dynamics_deg.mean, s.angle_end_of_dynamics_deg.std,
        s.angle_after_quench_deg.mean, s.angle_after_quench_deg.std, s.neck_bridge_atoms.mean);
  std::printf("weld: %s\n", weld_trend_sentence(study.trend).c_str());
  std::fflush(stdout);
  return study;
}

}  // namespace fw::md
