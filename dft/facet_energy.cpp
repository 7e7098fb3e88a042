/// \file facet_energy.cpp
/// \brief Slab-method E_dis with the native solver; bulk reference in the folded primitive cell.
#include "dft/facet_energy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "dft/settings.hpp"
#include "slabs/kmesh.hpp"

namespace fw::dft {

slabs::Structure one_layer_cell(const DftFacetSettings& s, const slabs::Miller& hkl) {
  return slabs::oriented_bulk({s.element, s.a_A, hkl, 1, 1, 1});
}

slabs::Structure stacked_bulk_cell(const DftFacetSettings& s, const slabs::Miller& hkl) {
  return one_layer_cell(s, hkl).repeated(1, 1, s.layers);
}

FacetMeshes facet_meshes(const slabs::PlaneGeometry& plane, const DftFacetSettings& s) {
  slabs::OrientedSpec spec{s.element, s.a_A, plane.hkl, s.layers, 1, 1};
  const slabs::Structure bulk = stacked_bulk_cell(s, plane.hkl);
  FacetMeshes m;
  if (s.kdensity_per_A > 0.0) {
    m.slab = slabs::kmesh_from_density(slabs::slab_with_vacuum(spec, s.vacuum_A), s.kdensity_per_A,
                                       true);
    m.bulk_supercell = slabs::kmesh_from_density(bulk, s.kdensity_per_A);
    m.bulk_supercell[0] = m.slab[0];  // same in-plane k-points as the slab, always
    m.bulk_supercell[1] = m.slab[1];
  } else {
    m.slab = s.kpts;
    if (s.kpts_bulk[0] > 0) {
      m.bulk_supercell = s.kpts_bulk;
    } else {
      // kz at the in-plane density (points per Å⁻¹ of |b|): n1/|b1| · |b3| of the N-layer cell.
      const Mat3 recip = reciprocal_rows(bulk.cell);
      const double density = s.kpts[0] / norm(recip[0]);
      const int kz = std::max(1, static_cast<int>(std::ceil(density * norm(recip[2]) - 1e-8)));
      m.bulk_supercell = {s.kpts[0], s.kpts[1], kz};
    }
  }
  m.slab[2] = 1;
  m.bulk_primitive = {m.bulk_supercell[0], m.bulk_supercell[1], s.layers * m.bulk_supercell[2]};
  return m;
}

DftFacetResult dft_facet_energy(const Pseudopotential& psp, const slabs::Miller& hkl,
                                const DftFacetSettings& s,
                                const std::function<void(const std::string&)>& log,
                                CellCache* cache, const slabs::Structure* relax_from) {
  check_relaxation_layers(s, "--relax-fixed-layers");
  CellRunOptions cached;
  cached.cache = cache;
  const slabs::PlaneGeometry plane = slabs::fcc_plane_geometry(s.a_A, hkl);
  const std::string label = slabs::miller_label(plane.hkl);
  DftFacetResult r;
  r.meshes = facet_meshes(plane, s);
  r.bulk_cell = s.bulk_cell;

  slabs::OrientedSpec slab_spec{s.element, s.a_A, plane.hkl, s.layers, 1, 1};
  const slabs::Structure slab = slabs::slab_with_vacuum(slab_spec, s.vacuum_A);
  if (s.relax && !relax_from) {
    r.relaxation =
        relax_slab(slab, psp, s.scf, r.meshes.slab, s.relaxation, label + " slab", log, cache);
    r.slab = r.relaxation->unrelaxed;
  } else {
    r.slab = run_cell_energy(slab, psp, s.scf, r.meshes.slab, label + " slab", log, cached);
    if (s.relax) {
      if (relax_from->size() != slab.size())
        throw std::logic_error("dft_facet_energy: relax_from is not this slab");
      r.relaxation = relax_slab(*relax_from, psp, s.scf, r.meshes.slab, s.relaxation,
                                label + " slab", log, cache);
    }
  }

  const bool primitive = s.bulk_cell == "primitive";
  const slabs::Structure bulk =
      primitive ? one_layer_cell(s, plane.hkl) : stacked_bulk_cell(s, plane.hkl);
  r.bulk = run_cell_energy(
      bulk, psp, s.scf, primitive ? r.meshes.bulk_primitive : r.meshes.bulk_supercell,
      label + (primitive ? " bulk (1-layer cell, folded mesh)" : " bulk"), log, cached);
  const double scale = static_cast<double>(slab.size()) / static_cast<double>(bulk.size());

  slabs::FacetEntry& e = r.entry;
  e.hkl = plane.hkl;
  e.method = "slab";
  e.relaxed = false;
  e.layers = s.layers;
  e.area_A2 = plane.area_A2;
  e.e_slab_eV = r.slab.energy_eV;
  e.e_bulk_eV = r.bulk.energy_eV * scale;
  e.e_dis_eV_per_A2 = (e.e_slab_eV - e.e_bulk_eV) / e.area_A2;
  r.e_bulk_free_energy_eV = r.bulk.free_energy_eV * scale;
  r.e_dis_free_energy_eV_per_A2 = (r.slab.free_energy_eV - r.e_bulk_free_energy_eV) / e.area_A2;
  e.converged = r.slab.converged && r.bulk.converged;
  if (r.relaxation) {
    const CellEnergy& relaxed = r.relaxation->relaxed;
    r.e_dis_relaxed_eV_per_A2 = (relaxed.energy_eV - e.e_bulk_eV) / e.area_A2;
    r.e_dis_relaxed_free_energy_eV_per_A2 =
        (relaxed.free_energy_eV - r.e_bulk_free_energy_eV) / e.area_A2;
  }
  return r;
}

slabs::FacetEntry DftFacetResult::relaxed_entry() const {
  if (!relaxation) throw std::logic_error("relaxed_entry: no relaxation was run");
  slabs::FacetEntry e = entry;
  e.relaxed = true;
  e.e_slab_eV = relaxation->relaxed.energy_eV;
  e.e_dis_eV_per_A2 = e_dis_relaxed_eV_per_A2;
  e.converged = relaxation->converged && bulk.converged;
  return e;
}

nlohmann::json to_json(const DftFacetResult& r) {
  slabs::FacetTable one;
  one.facets = {r.entry};
  nlohmann::json j = slabs::to_json(one)["facets"][0];
  j["e_dis_free_energy_eV_per_A2"] = r.e_dis_free_energy_eV_per_A2;
  j["e_dis_definition"] =
      "e_dis_eV_per_A2 from E(sigma->0) = (U+F)/2; "
      "e_dis_free_energy_eV_per_A2 from F = U - TS";
  j["e_slab_free_energy_eV"] = r.slab.free_energy_eV;
  j["e_bulk_free_energy_eV"] = r.e_bulk_free_energy_eV;
  j["scf_steps_slab"] = r.slab.scf_steps;
  j["scf_steps_bulk"] = r.bulk.scf_steps;
  j["kpts_slab"] = r.meshes.slab;
  j["kpts_bulk"] = r.meshes.bulk_supercell;
  j["bulk_cell"] = r.bulk_cell;
  j["kpts_bulk_computed"] =
      r.bulk_cell == "primitive" ? r.meshes.bulk_primitive : r.meshes.bulk_supercell;
  j["symmetry_operations_slab"] = r.slab.symmetry_operations;
  j["symmetry_operations_bulk"] = r.bulk.symmetry_operations;
  j["wall_s_slab"] = r.slab.wall_s;
  j["wall_s_bulk"] = r.bulk.wall_s;
  if (const auto& x = r.relaxation) {
    j["e_dis_relaxed_eV_per_A2"] = r.e_dis_relaxed_eV_per_A2;
    j["e_dis_relaxed_free_energy_eV_per_A2"] = r.e_dis_relaxed_free_energy_eV_per_A2;
    j["e_slab_relaxed_eV"] = x->relaxed.energy_eV;
    j["e_slab_relaxed_free_energy_eV"] = x->relaxed.free_energy_eV;
    j["relaxation_converged"] = x->converged;
    j["ionic_steps"] = x->ionic_steps;
    j["max_residual_force_eV_per_A"] = x->max_residual_force_eV_per_A;
    j["scf_steps_relaxation"] = x->scf_steps_total;
    j["relaxation_energy_eV_per_step"] = x->energy_eV_per_step;
    j["relaxation_max_force_eV_per_A_per_step"] = x->max_force_eV_per_A_per_step;
  }
  return j;
}

std::vector<nlohmann::json> facet_entries_json(const DftFacetResult& r) {
  std::vector<nlohmann::json> out{to_json(r)};
  if (r.relaxation) {
    nlohmann::json relaxed = out.front();
    slabs::FacetTable one;
    one.facets = {r.relaxed_entry()};
    relaxed.update(slabs::to_json(one)["facets"][0]);
    relaxed["e_dis_free_energy_eV_per_A2"] = r.e_dis_relaxed_free_energy_eV_per_A2;
    relaxed["e_slab_free_energy_eV"] = r.relaxation->relaxed.free_energy_eV;
    relaxed["e_dis_unrelaxed_eV_per_A2"] = r.entry.e_dis_eV_per_A2;
    out.push_back(relaxed);
  }
  return out;
}

nlohmann::json facet_table_json(const slabs::FacetTable& table,
                                const std::vector<DftFacetResult>& results) {
  nlohmann::json j = slabs::to_json(table);
  j["facets"] = nlohmann::json::array();
  for (const auto& r : results)
    for (auto& e : facet_entries_json(r)) j["facets"].push_back(std::move(e));
  return j;
}

}  // namespace fw::dft
