/// \file weld_study.cpp
/// \brief Angles loop with per-angle resume, weld.json and weld.csv.
#include "md/weld_study.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

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

/// The result stored in `path` if it was produced with `settings`; nothing otherwise.
bool read_previous(const std::filesystem::path& path, const nlohmann::json& settings,
                   WeldResult& out) {
  if (!std::filesystem::exists(path)) return false;
  std::ifstream in(path);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("settings") || j.at("settings") != settings) return false;
  out = weld_result_from_json(j, path.string());
  return true;
}

}  // namespace

std::string angle_folder_name(double angle_deg) {
  char buf[32];
  if (std::abs(angle_deg - std::round(angle_deg)) < 1e-9)
    std::snprintf(buf, sizeof buf, "angle_%03d", static_cast<int>(std::lround(angle_deg)));
  else
    std::snprintf(buf, sizeof buf, "angle_%05.1f", angle_deg);
  return buf;
}

nlohmann::json WeldStudy::to_json() const {
  nlohmann::json angles = nlohmann::json::array();
  for (std::size_t k = 0; k < results.size(); ++k) {
    nlohmann::json r = results[k].to_json();
    r["folder"] = angle_folder_name(results[k].initial_angle_deg);
    angles.push_back(r);
  }
  return {{"code_version", code_version()},
          {"facets", {{"source", facets_source}, {"engine", facets_engine}}},
          {"settings", settings.to_json()},
          {"rod", rod_json(rod)},
          {"angles", angles}};
}

std::string weld_csv(const WeldStudy& study) {
  std::ostringstream out;
  out << "initial_angle_deg,final_angle_deg,rotation_deg,atoms_per_rod,e_separate_eV,"
         "e_welded_eV,energy_release_eV,energy_release_per_atom_meV,neck_bridge_atoms,"
         "neck_radius_A,energy_release_per_neck_area_J_per_m2,"
         "energy_release_per_end_face_eV_per_A2,interface_fcc_fraction,interface_hcp_fraction,"
         "interface_other_fraction,interior_fcc_fraction,interior_hcp_fraction,"
         "interior_other_fraction,quench_converged\n";
  char row[600];
  for (const WeldResult& r : study.results) {
    const WeldSample& q = r.quenched;
    std::snprintf(
        row, sizeof row,
        "%.4g,%.4f,%.4f,%ld,%.6f,%.6f,%.6f,%.4f,%ld,%.4f,%.5f,%.6f,%.4f,%.4f,%.4f,%.4f,"
        "%.4f,%.4f,%s\n",
        r.initial_angle_deg, r.final_angle_deg, r.rotation_deg, r.atoms_per_rod, r.e_separate_eV,
        r.e_welded_eV, r.energy_release_eV, r.energy_release_per_atom_meV, q.neck_bridge_atoms,
        q.neck_radius_A, r.energy_release_per_neck_area_J_per_m2,
        r.energy_release_per_end_face_eV_per_A2, q.interface_cna.fraction(CnaType::fcc),
        q.interface_cna.fraction(CnaType::hcp), q.interface_cna.fraction(CnaType::other),
        q.interface_interior_cna.fraction(CnaType::fcc),
        q.interface_interior_cna.fraction(CnaType::hcp),
        q.interface_interior_cna.fraction(CnaType::other), r.quench_converged ? "true" : "false");
    out << row;
  }
  return out.str();
}

WeldStudy run_weld_study(const WeldSettings& settings, const slabs::FacetTable& table,
                         const std::filesystem::path& out_dir, const std::string& facets_source) {
  check_weld_settings(settings);
  WeldStudy study;
  study.settings = settings;
  study.facets_source = facets_source;
  study.facets_engine = table.engine;
  study.rod = relax_rod(settings, table, facets_source);
  ensure_output_folder(out_dir, "-o");
  std::printf("weld: %s rod along [%d%d%d], %zu atoms, relaxed E = %.4f eV (%s, %d iterations)\n",
              study.rod.shape.spec.element.c_str(), settings.rod.axis[0], settings.rod.axis[1],
              settings.rod.axis[2], study.rod.lattice.size(), study.rod.energy_eV,
              study.rod.converged ? "converged" : "NOT converged", study.rod.iterations);
  std::fflush(stdout);

  nlohmann::json settings_json = settings.to_json();
  const auto write_summary = [&] {
    write_file_atomically(out_dir / "weld.json", study.to_json().dump(1) + "\n");
    write_file_atomically(out_dir / "weld.csv", weld_csv(study));
  };
  for (double angle : settings.angles_deg) {
    const std::filesystem::path dir = out_dir / angle_folder_name(angle);
    WeldResult r;
    const bool resumed = read_previous(dir / "result.json", settings_json, r) &&
                         r.initial_angle_deg == angle &&
                         r.atoms_per_rod == static_cast<long>(study.rod.lattice.size());
    if (!resumed) {
      std::printf("weld: angle %g deg: %.3g ps at %g K ...\n", angle, settings.time_ps,
                  settings.temperature_K);
      std::fflush(stdout);
      r = run_weld_angle(settings, study.rod, angle, dir);
    }
    study.results.push_back(r);
    study.resumed.push_back(resumed);
    char wall[32];
    std::snprintf(wall, sizeof wall, "(%.0f s)", r.wall_s);
    std::printf(
        "weld: angle %5.1f deg -> %5.1f deg  release %8.3f eV (%6.2f meV/atom)  neck %4ld atoms, "
        "r = %5.2f A  interface fcc %4.0f%% hcp %4.0f%%  %s\n",
        angle, r.final_angle_deg, r.energy_release_eV, r.energy_release_per_atom_meV,
        r.quenched.neck_bridge_atoms, r.quenched.neck_radius_A,
        100 * r.quenched.interface_interior_cna.fraction(CnaType::fcc),
        100 * r.quenched.interface_interior_cna.fraction(CnaType::hcp),
        resumed ? "(resumed)" : wall);
    std::fflush(stdout);
    write_summary();
  }
  write_summary();
  return study;
}

}  // namespace fw::md
