/// \file cell_cache.cpp
/// \brief The finished-cell store of a facet series (JSON, atomic rewrite per cell).
#include "dft/facet/cell_cache.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_integrity.hpp"
#include "dft/parallel/communicator.hpp"

namespace fw::dft {

namespace {

constexpr const char* kFormat = "facetweld-dft-cell-cache-1";

/// The producer of one cell: the store format and the fingerprint of the cell's key (every setting
/// and input that determines its energies). No code version: a store stays valid across rebuilds
/// of the same solver (the shipped table's check cell guards against a changed solver).
nlohmann::json cell_producer(const std::string& key) {
  return {{"format", kFormat}, {"key", json_fingerprint(key)}};
}

nlohmann::json read_cell_store(const std::filesystem::path& path) {
  try {
    std::ifstream in(path);
    nlohmann::json j = nlohmann::json::parse(in);
    if (!is_cell_store(j)) throw std::runtime_error("no format \"" + std::string(kFormat) + "\"");
    return j;
  } catch (const std::exception& e) {
    throw InputError(path.string(), std::string("not a facetweld cell cache (") + e.what() +
                                        "); remove it to start the series afresh");
  }
}

nlohmann::json to_json(const CellEnergy& e) {
  nlohmann::json j{{"energy_eV", e.energy_eV}, {"free_energy_eV", e.free_energy_eV},
                   {"scf_steps", e.scf_steps}, {"converged", e.converged},
                   {"kpts", e.kpts},           {"symmetry_operations", e.symmetry_operations},
                   {"n_atoms", e.n_atoms},     {"wall_s", e.wall_s}};
  if (std::isfinite(e.pressure_GPa)) j["pressure_GPa"] = e.pressure_GPa;
  if (!e.forces_eV_per_A.empty()) {
    nlohmann::json forces = nlohmann::json::array();
    for (const Vec3& f : e.forces_eV_per_A) forces.push_back({f[0], f[1], f[2]});
    j["forces_eV_per_A"] = std::move(forces);
  }
  return j;
}

CellEnergy cell_energy_from_json(const nlohmann::json& j) {
  CellEnergy e;
  e.energy_eV = j.at("energy_eV").get<double>();
  e.free_energy_eV = j.at("free_energy_eV").get<double>();
  e.scf_steps = j.at("scf_steps").get<int>();
  e.converged = j.at("converged").get<bool>();
  e.kpts = j.at("kpts").get<std::array<int, 3>>();
  e.symmetry_operations = j.at("symmetry_operations").get<int>();
  e.n_atoms = j.at("n_atoms").get<std::size_t>();
  e.wall_s = j.at("wall_s").get<double>();
  if (j.contains("pressure_GPa")) e.pressure_GPa = j.at("pressure_GPa").get<double>();
  if (j.contains("forces_eV_per_A")) {
    for (const auto& f : j.at("forces_eV_per_A")) {
      const auto xyz = f.get<std::array<double, 3>>();
      e.forces_eV_per_A.push_back(Vec3{xyz[0], xyz[1], xyz[2]});
    }
    if (e.forces_eV_per_A.size() != e.n_atoms)
      throw std::runtime_error("a cell holds " + std::to_string(e.forces_eV_per_A.size()) +
                               " forces for " + std::to_string(e.n_atoms) + " atoms");
  }
  return e;
}

}  // namespace

CellCache::CellCache(std::filesystem::path path) : path_(std::move(path)) {
  if (!std::filesystem::exists(path_)) return;
  const nlohmann::json j = read_cell_store(path_);
  const std::size_t total = j.at("cells").size();
  std::size_t index = 0, unstamped = 0;
  for (const auto& [key, value] : j.at("cells").items()) {
    ++index;
    IntegrityVerdict verdict = check_integrity(value, cell_producer(key));
    if (verdict.trusted()) {
      try {
        cell_energy_from_json(value);  // validates
        cells_[key] = value;
        continue;
      } catch (const std::exception& e) {
        verdict = {IntegrityVerdict::Status::corrupt, e.what()};
      }
    }
    if (verdict.status == IntegrityVerdict::Status::unstamped) {
      ++unstamped;
    } else if (is_output_rank()) {
      print_integrity_notice(
          path_,
          "cell " + std::to_string(index) + " of " + std::to_string(total) + ": " + verdict.problem,
          "computing that cell again");
    }
  }
  if (unstamped > 0)
    throw InputError(path_.string(),
                     std::to_string(unstamped) + " of " + std::to_string(total) +
                         " cells carry no checksum (an older facetweld's store): not trusted; "
                         "vouch for it with `facetweld adopt " +
                         path_.string() + "`, or remove it to compute every cell again");
}

std::string CellCache::key(const slabs::Structure& cell, const std::array<int, 3>& mesh,
                           const ScfSettings& scf, const std::string& pseudopotential_path) {
  std::string k;
  char buffer[96];
  for (int i = 0; i < 3; ++i) {
    const Vec3& row = cell.cell[i];
    std::snprintf(buffer, sizeof buffer, "%.8f %.8f %.8f;", row[0], row[1], row[2]);
    k += buffer;
  }
  for (const auto& atom : cell.atoms) {
    std::snprintf(buffer, sizeof buffer, "%s %.8f %.8f %.8f;", atom.species.c_str(),
                  atom.position[0], atom.position[1], atom.position[2]);
    k += buffer;
  }
  std::snprintf(buffer, sizeof buffer, "mesh %dx%dx%d;ecut %.10g;smearing %s %.10g;", mesh[0],
                mesh[1], mesh[2], scf.ecut_hartree, scf.smearing.name().c_str(),
                scf.smearing.width_hartree);
  k += buffer;
  std::snprintf(buffer, sizeof buffer, "toldfe %.3g;drho %.3g;nbands %d;sym %d;tr %d;",
                scf.energy_tolerance_hartree, scf.density_tolerance, scf.n_bands,
                scf.use_symmetry ? 1 : 0, scf.time_reversal ? 1 : 0);
  k += buffer;
  if (scf.fft_grid) {
    const auto& g = *scf.fft_grid;
    std::snprintf(buffer, sizeof buffer, "grid %dx%dx%d;", g[0], g[1], g[2]);
    k += buffer;
  }
  if (scf.compute_stress) k += "stress;";
  if (scf.compute_forces) k += "forces;";
  return k + "xc " + scf.xc_text + ";psp " + pseudopotential_path;
}

std::optional<CellEnergy> CellCache::find(const std::string& key) const {
  const auto it = cells_.find(key);
  if (it == cells_.end()) return std::nullopt;
  return cell_energy_from_json(it->second);
}

void CellCache::store(const std::string& key, const CellEnergy& energy) {
  nlohmann::json cell = to_json(energy);
  stamp_integrity(cell, cell_producer(key));
  cells_[key] = std::move(cell);
  if (!is_output_rank()) return;  // every rank of an MPI run has the same cells; one file
  nlohmann::json j{{"format", kFormat}, {"cells", nlohmann::json::object()}};
  for (const auto& [k, v] : cells_) j["cells"][k] = v;
  write_file_atomically(path_, j.dump(1) + "\n");
}

bool is_cell_store(const nlohmann::json& doc) {
  return doc.is_object() && doc.value("format", "") == kFormat && doc.contains("cells") &&
         doc.at("cells").is_object();
}

CellStoreAdoption adopt_cell_store(const std::filesystem::path& path) {
  nlohmann::json j = read_cell_store(path);
  CellStoreAdoption done;
  for (auto& [key, value] : j.at("cells").items()) {
    switch (check_integrity(value, cell_producer(key)).status) {
      case IntegrityVerdict::Status::unstamped:
        try {
          cell_energy_from_json(value);
        } catch (const std::exception& e) {
          throw InputError(path.string(), std::string("a cell does not parse (") + e.what() +
                                              "); nothing adopted");
        }
        stamp_integrity(value, cell_producer(key));
        ++done.stamped;
        break;
      case IntegrityVerdict::Status::trusted:
        ++done.intact;
        break;
      default:
        ++done.distrusted;
    }
  }
  if (done.stamped > 0) write_file_atomically(path, j.dump(1) + "\n");
  return done;
}

}  // namespace fw::dft
