/// \file collect.cpp
/// \brief Facet energies from registry results.
#include "vasp_io/jobs/collect.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "core/units.hpp"
#include "slabs/facet_table.hpp"
#include "slabs/miller.hpp"
#include "vasp_io/jobs/manifest.hpp"
#include "vasp_io/jobs/output_check.hpp"
#include "vasp_io/jobs/registry.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;

nlohmann::json collect_facet_table(const fs::path& jobs_dir) {
  const Manifest manifest = read_manifest(jobs_dir);
  if (!fs::exists(jobs_dir / Registry::kFileName))
    throw InputError(jobs_dir.string(), "no job has run yet (no registry.sqlite)");
  Registry registry(jobs_dir);
  std::map<std::string, JobRecord> records;
  for (auto& r : registry.jobs()) records[r.name] = r;
  auto energy = [&](const JobSpec& job) -> std::optional<double> {
    auto it = records.find(job.name);
    if (it == records.end() || it->second.state != job_state::done) return std::nullopt;
    return it->second.energy_eV;
  };
  // Every energy used must be finite and come from an OUTCAR of this job's system and run type.
  for (const auto& job : manifest.jobs) {
    const auto e = energy(job);
    if (!e) continue;
    const fs::path folder = jobs_dir / job.name;
    if (!std::isfinite(*e))
      throw InputError(folder.string(), "recorded energy is not a finite number");
    if (fs::exists(folder / "OUTCAR")) check_outputs_match_job(folder);
  }
  // E_dis = 2 gamma > 0 for any cleavage: a negative or non-finite value means mixed-up or broken
  // jobs, and is never written.
  auto require_positive = [&](const std::array<int, 3>& hkl, double e_dis, const std::string& how) {
    if (std::isfinite(e_dis) && e_dis > 0) return;
    char text[64];
    std::snprintf(text, sizeof text, "%.6g", e_dis);
    throw InputError((jobs_dir / slabs::miller_compact(hkl)).string(),
                     std::string("E_dis = ") + text + " eV/A^2 " + how +
                         " is not a positive number: the energies of these jobs do not belong "
                         "together (see `facetweld vasp status`); nothing written");
  };

  // Facets in manifest order.
  std::vector<std::array<int, 3>> order;
  std::map<std::array<int, 3>, std::vector<const JobSpec*>> by_facet;
  for (const auto& job : manifest.jobs) {
    if (!by_facet.count(job.hkl)) order.push_back(job.hkl);
    by_facet[job.hkl].push_back(&job);
  }

  slabs::FacetTable table;
  table.engine = "vasp";
  table.element = manifest.element;
  table.a_A = manifest.a_A;
  std::vector<nlohmann::json> extras;  // per-facet keys beyond the shared schema
  nlohmann::json incomplete = nlohmann::json::array();
  nlohmann::json job_energies = nlohmann::json::object();
  for (const auto& job : manifest.jobs)
    if (auto e = energy(job)) job_energies[job.name] = *e;

  for (const auto& hkl : order) {
    const auto& jobs = by_facet[hkl];
    auto find_role = [&](const std::string& role) -> const JobSpec* {
      for (const JobSpec* j : jobs)
        if (j->role == role) return j;
      return nullptr;
    };
    std::vector<std::string> missing;
    for (const JobSpec* j : jobs)
      if (!energy(*j) && (manifest.method == "cut-crystal" || j->role == "bulk"))
        missing.push_back(j->name);

    if (manifest.method == "cut-crystal") {
      const JobSpec* crystal = find_role("crystal");
      const JobSpec* p1 = find_role("part1");
      const JobSpec* p2 = find_role("part2");
      if (!crystal || !p1 || !p2 || !missing.empty()) {
        incomplete.push_back({{"hkl", hkl}, {"waiting_for", missing}});
        continue;
      }
      const double e_cry = *energy(*crystal), e1 = *energy(*p1), e2 = *energy(*p2);
      const double area = crystal->area_A2;
      const double e_dis = (e1 + e2 - e_cry) / area;
      require_positive(hkl, e_dis, "= (E_part1 + E_part2 - E_crystal)/A");
      slabs::FacetEntry entry;
      entry.hkl = hkl;
      entry.e_dis_eV_per_A2 = e_dis;
      entry.method = "cut-crystal";
      entry.area_A2 = area;
      entry.e_slab_eV = e1 + e2;
      entry.e_bulk_eV = e_cry;
      table.facets.push_back(entry);
      extras.push_back({{"e_part1_eV", e1},
                        {"e_part2_eV", e2},
                        {"e_crystal_eV", e_cry},
                        {"natoms", crystal->natoms}});
      continue;
    }

    // Slab method.
    const JobSpec* bulk = find_role("bulk");
    if (!bulk || !energy(*bulk)) {
      incomplete.push_back({{"hkl", hkl}, {"waiting_for", missing}});
      continue;
    }
    const double e_bulk_per_atom = *energy(*bulk) / bulk->natoms;
    nlohmann::json series = nlohmann::json::array();
    std::vector<std::pair<int, double>> gammas;
    const JobSpec* thickest = nullptr;
    double thickest_e = 0.0, thickest_gamma = 0.0;
    for (const JobSpec* j : jobs) {
      if (j->role != "slab") continue;
      const auto e = energy(*j);
      if (!e) {
        missing.push_back(j->name);
        continue;
      }
      const double gamma = (*e - j->natoms * e_bulk_per_atom) / (2.0 * j->area_A2);
      require_positive(hkl, 2.0 * gamma, "= 2 gamma of " + j->name);
      series.push_back({{"layers", j->layers},
                        {"e_slab_eV", *e},
                        {"gamma_eV_per_A2", gamma},
                        {"gamma_J_per_m2", units::eV_per_A2_to_J_per_m2(gamma)}});
      gammas.push_back({j->layers, gamma});
      if (!thickest || j->layers > thickest->layers) {
        thickest = j;
        thickest_e = *e;
        thickest_gamma = gamma;
      }
    }
    if (!thickest) {
      incomplete.push_back({{"hkl", hkl}, {"waiting_for", missing}});
      continue;
    }
    std::sort(gammas.begin(), gammas.end());
    bool converged = false;
    if (gammas.size() >= 2) {
      const double d = gammas.back().second - gammas[gammas.size() - 2].second;
      converged = std::abs(units::eV_per_A2_to_J_per_m2(d)) < kSlabConvergenceJPerM2;
    }
    slabs::FacetEntry entry;
    entry.hkl = hkl;
    entry.e_dis_eV_per_A2 = 2.0 * thickest_gamma;
    entry.relaxed = thickest->relax;
    entry.method = "slab";
    entry.layers = thickest->layers;
    entry.area_A2 = thickest->area_A2;
    entry.e_slab_eV = thickest_e;
    entry.e_bulk_eV = thickest->natoms * e_bulk_per_atom;
    entry.converged = converged;
    table.facets.push_back(entry);
    extras.push_back({{"natoms", thickest->natoms}, {"layer_series", series}});
    if (!missing.empty()) incomplete.push_back({{"hkl", hkl}, {"waiting_for", missing}});
  }
  if (table.facets.empty())
    throw InputError(jobs_dir.string(),
                     "no facet has all its jobs done yet (see `facetweld vasp "
                     "status`)");
  nlohmann::json settings = manifest.settings;
  settings["preset"] = manifest.preset;
  settings["energy"] = "E(sigma->0) of the last ionic step, eV";
  settings["job_energies_eV"] = job_energies;
  if (manifest.method == "slab") settings["slab_convergence_J_per_m2"] = kSlabConvergenceJPerM2;
  table.settings = settings;
  nlohmann::json j = slabs::to_json(table);
  for (std::size_t i = 0; i < extras.size(); ++i) j["facets"][i].update(extras[i]);
  if (!incomplete.empty()) j["incomplete"] = incomplete;
  return j;
}

}  // namespace fw::vasp
