/// \file result_json.cpp
/// \brief result.json and timeseries.csv of a welding run, written and read back.
#include "md/weld/result_json.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_integrity.hpp"
#include "core/version.hpp"

namespace fw::md {
namespace {

nlohmann::json cna_json(const CnaCounts& c) {
  nlohmann::json j;
  for (CnaType t : {CnaType::fcc, CnaType::hcp, CnaType::bcc, CnaType::ico, CnaType::other})
    j[cna_type_name(t)] = c.of(t);
  j["fcc_fraction"] = c.fraction(CnaType::fcc);
  j["hcp_fraction"] = c.fraction(CnaType::hcp);
  j["other_fraction"] = c.fraction(CnaType::other);
  return j;
}

CnaCounts cna_from_json(const nlohmann::json& j) {
  CnaCounts c;
  for (CnaType t : {CnaType::fcc, CnaType::hcp, CnaType::bcc, CnaType::ico, CnaType::other})
    c.count[static_cast<std::size_t>(static_cast<int>(t) - 1)] = j.at(cna_type_name(t)).get<long>();
  return c;
}

nlohmann::json sample_json(const WeldSample& s) {
  return {{"time_ps", s.time_ps},
          {"potential_eV", s.potential_eV},
          {"temperature_K", s.temperature_K},
          {"angle_deg", s.angle_deg},
          {"neck_bridge_atoms", s.neck_bridge_atoms},
          {"cross_bonds", s.cross_bonds},
          {"neck_radius_A", s.neck_radius_A},
          {"interface_atoms", s.interface_atoms},
          {"interface_cna", cna_json(s.interface_cna)},
          {"interface_interior_cna", cna_json(s.interface_interior_cna)}};
}

WeldSample sample_from_json(const nlohmann::json& j) {
  WeldSample s;
  s.time_ps = j.at("time_ps");
  s.potential_eV = j.at("potential_eV");
  s.temperature_K = j.at("temperature_K");
  s.angle_deg = j.at("angle_deg");
  s.neck_bridge_atoms = j.at("neck_bridge_atoms");
  s.cross_bonds = j.at("cross_bonds");
  s.neck_radius_A = j.at("neck_radius_A");
  s.interface_atoms = j.at("interface_atoms");
  s.interface_cna = cna_from_json(j.at("interface_cna"));
  s.interface_interior_cna = cna_from_json(j.at("interface_interior_cna"));
  return s;
}

}  // namespace

nlohmann::json weld_result_json(const WeldResult& r) {
  nlohmann::json samples_json = nlohmann::json::array();
  for (const WeldSample& s : r.samples) samples_json.push_back(sample_json(s));
  return {{"angle_deg", r.initial_angle_deg},
          {"seed", r.seed},
          {"control", r.control},
          {"atoms_per_rod", r.atoms_per_rod},
          {"substrate_atoms", r.substrate_atoms},
          {"e_separate_eV", r.e_separate_eV},
          {"e_contact_start_eV", r.e_contact_start_eV},
          {"e_welded_eV", r.e_welded_eV},
          {"energy_release_raw_eV", r.energy_release_raw_eV},
          {"energy_release_eV", r.energy_release_eV},
          {"energy_release_per_atom_meV", r.energy_release_per_atom_meV},
          {"neck_bridge_atoms", r.quenched.neck_bridge_atoms},
          {"neck_radius_A", r.quenched.neck_radius_A},
          {"neck_area_A2", r.neck_area_A2},
          {"energy_release_per_neck_area_J_per_m2", r.energy_release_per_neck_area_J_per_m2},
          {"energy_release_per_end_face_eV_per_A2", r.energy_release_per_end_face_eV_per_A2},
          {"angle_end_of_dynamics_deg", r.angle_end_of_dynamics_deg},
          {"angle_after_quench_deg", r.final_angle_deg},
          {"rotation_deg", r.rotation_deg},
          {"interface_cna", cna_json(r.quenched.interface_cna)},
          {"interface_interior_cna", cna_json(r.quenched.interface_interior_cna)},
          {"quenched", sample_json(r.quenched)},
          {"all_cna", cna_json(r.all_cna)},
          {"quench",
           {{"iterations", r.quench_iterations},
            {"converged", r.quench_converged},
            {"max_force_eV_per_A", r.quench_max_force_eV_per_A}}},
          {"min_distance_start_A", r.min_distance_start_A},
          {"wall_s", r.wall_s},
          {"samples", samples_json}};
}

nlohmann::json weld_result_producer(const nlohmann::json& settings) {
  return {{"format", "facetweld-weld-result-1"},
          {"engine_version", engine_version("md")},
          {"settings", json_fingerprint(settings)}};
}

WeldResult weld_result_from_json(const nlohmann::json& j, const std::string& source) {
  try {
    WeldResult r;
    r.initial_angle_deg = j.at("angle_deg");
    r.seed = j.at("seed");
    r.control = j.at("control");
    r.atoms_per_rod = j.at("atoms_per_rod");
    r.substrate_atoms = j.at("substrate_atoms");
    r.e_separate_eV = j.at("e_separate_eV");
    r.e_contact_start_eV = j.at("e_contact_start_eV");
    r.e_welded_eV = j.at("e_welded_eV");
    r.energy_release_raw_eV = j.at("energy_release_raw_eV");
    r.energy_release_eV = j.at("energy_release_eV");
    r.energy_release_per_atom_meV = j.at("energy_release_per_atom_meV");
    r.neck_area_A2 = j.at("neck_area_A2");
    r.energy_release_per_neck_area_J_per_m2 = j.at("energy_release_per_neck_area_J_per_m2");
    r.energy_release_per_end_face_eV_per_A2 = j.at("energy_release_per_end_face_eV_per_A2");
    r.angle_end_of_dynamics_deg = j.at("angle_end_of_dynamics_deg");
    r.final_angle_deg = j.at("angle_after_quench_deg");
    r.rotation_deg = j.at("rotation_deg");
    r.quenched = sample_from_json(j.at("quenched"));
    r.all_cna = cna_from_json(j.at("all_cna"));
    r.quench_iterations = j.at("quench").at("iterations");
    r.quench_converged = j.at("quench").at("converged");
    r.quench_max_force_eV_per_A = j.at("quench").at("max_force_eV_per_A");
    r.min_distance_start_A = j.at("min_distance_start_A");
    r.wall_s = j.at("wall_s");
    for (const auto& s : j.at("samples")) r.samples.push_back(sample_from_json(s));
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(source, std::string("not a weld result: ") + e.what());
  }
}

void write_weld_result(const std::filesystem::path& path, const WeldResult& result,
                       const nlohmann::json& settings) {
  nlohmann::json j = weld_result_json(result);
  j["settings"] = settings;
  stamp_integrity(j, weld_result_producer(settings));
  write_file_atomically(path, j.dump(1) + "\n");
}

bool read_weld_result(const std::filesystem::path& path, const nlohmann::json& settings,
                      WeldResult& out) {
  if (!std::filesystem::exists(path)) return false;
  std::ifstream in(path);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  const IntegrityVerdict verdict =
      j.is_discarded() ? IntegrityVerdict{IntegrityVerdict::Status::corrupt, "not valid JSON"}
                       : check_integrity(j, weld_result_producer(settings));
  if (!verdict.trusted()) {
    print_integrity_notice(path, verdict.problem, "running it again");
    return false;
  }
  out = weld_result_from_json(j, path.string());
  return true;
}

std::string weld_timeseries_csv(const std::vector<WeldSample>& samples) {
  std::ostringstream out;
  out << "time_ps,potential_eV,temperature_K,angle_deg,neck_bridge_atoms,cross_bonds,"
         "neck_radius_A,interface_atoms,interface_fcc_fraction,interface_hcp_fraction,"
         "interface_other_fraction,interior_fcc_fraction,interior_hcp_fraction,"
         "interior_other_fraction\n";
  char row[400];
  for (const WeldSample& s : samples) {
    std::snprintf(row, sizeof row,
                  "%.4f,%.6f,%.3f,%.4f,%ld,%ld,%.4f,%ld,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", s.time_ps,
                  s.potential_eV, s.temperature_K, s.angle_deg, s.neck_bridge_atoms, s.cross_bonds,
                  s.neck_radius_A, s.interface_atoms, s.interface_cna.fraction(CnaType::fcc),
                  s.interface_cna.fraction(CnaType::hcp), s.interface_cna.fraction(CnaType::other),
                  s.interface_interior_cna.fraction(CnaType::fcc),
                  s.interface_interior_cna.fraction(CnaType::hcp),
                  s.interface_interior_cna.fraction(CnaType::other));
    out << row;
  }
  return out.str();
}

}  // namespace fw::md
