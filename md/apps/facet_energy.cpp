/// \file facet_energy.cpp
/// \brief Slab and cut-crystal E_dis with the EAM engine.
#include "md/apps/facet_energy.hpp"

#include <cmath>

#include "core/error.hpp"
#include "md/engine/force_fields.hpp"
#include "md/engine/minimizer.hpp"
#include "md/formats/structure_bridge.hpp"
#include "slabs/cleave.hpp"
#include "slabs/oriented.hpp"

namespace fw::md {
namespace {

struct Energies {
  double unrelaxed_eV;
  double relaxed_eV;
  bool converged;
};

Energies energies(const std::shared_ptr<const EamPotential>& potential,
                  const slabs::Structure& structure, const EamFacetSettings& settings, bool relax) {
  System system = system_from_structure(structure, potential_masses(*potential));
  ForceField field = make_force_field({.name = "eam", .potential = potential, .skin_A = 1.0});
  Energies e{field.compute(system).energy_eV, 0.0, true};
  e.relaxed_eV = e.unrelaxed_eV;
  if (relax) {
    MinimizeSettings ms;
    ms.force_tolerance_eV_per_A = settings.force_tolerance_eV_per_A;
    const MinimizeResult r = make_minimizer(settings.minimizer)->minimize(system, field, ms);
    e.relaxed_eV = r.energy_eV;
    e.converged = r.converged;
  }
  return e;
}

/// Smallest repeat n with n·width ≥ 2·cutoff.
int repeats_for(double width_A, double cutoff_A) {
  return std::max(1, static_cast<int>(std::ceil(2.0 * cutoff_A * (1.0 + 1e-9) / width_A)));
}

}  // namespace

EamFacetResult eam_facet_energy(const std::shared_ptr<const EamPotential>& potential,
                                const slabs::Miller& hkl, const EamFacetSettings& settings) {
  const std::string element = potential->elements().front();
  EamFacetResult out;
  out.unrelaxed.hkl = out.relaxed.hkl = slabs::reduce_miller(hkl);
  out.unrelaxed.method = out.relaxed.method = settings.method;
  out.relaxed.relaxed = true;
  if (settings.method == "slab") {
    slabs::OrientedSpec spec;
    spec.element = element;
    spec.a_A = settings.a_A;
    spec.hkl = hkl;
    spec.layers = 1;
    const slabs::Structure unit = slabs::oriented_bulk(spec);
    const Vec3 &a = unit.cell[0], &b = unit.cell[1];
    const double area1 = norm(cross(a, b));
    spec.repeat_a = repeats_for(area1 / norm(b), potential->cutoff_A());
    spec.repeat_b = repeats_for(area1 / norm(a), potential->cutoff_A());
    const double spacing = slabs::fcc_plane_geometry(settings.a_A, hkl).layer_spacing_A;
    spec.layers = std::max(settings.layers, repeats_for(spacing, potential->cutoff_A()));
    const Energies bulk = energies(potential, slabs::oriented_bulk(spec), settings, false);
    const slabs::Structure slab_structure = slabs::slab_with_vacuum(spec, settings.vacuum_A);
    const Energies slab = energies(potential, slab_structure, settings, true);
    const double area = norm(cross(slab_structure.cell[0], slab_structure.cell[1]));
    for (auto* entry : {&out.unrelaxed, &out.relaxed}) {
      entry->layers = spec.layers;
      entry->area_A2 = area;
      entry->e_bulk_eV = bulk.unrelaxed_eV;
    }
    out.unrelaxed.e_slab_eV = slab.unrelaxed_eV;
    out.relaxed.e_slab_eV = slab.relaxed_eV;
    out.relaxed.converged = slab.converged;
    // Two surfaces of area A each: E_dis = (E_slab − E_bulk)/A = 2γ.
    out.unrelaxed.e_dis_eV_per_A2 = (slab.unrelaxed_eV - bulk.unrelaxed_eV) / area;
    out.relaxed.e_dis_eV_per_A2 = (slab.relaxed_eV - bulk.unrelaxed_eV) / area;
  } else if (settings.method == "cut-crystal") {
    slabs::CleaveSpec spec;
    spec.element = element;
    spec.a_A = settings.a_A;
    spec.cells = settings.cells;
    spec.hkl = hkl;
    spec.vacuum_A = 10.0;
    slabs::CleavedCrystal cut = slabs::cleave_crystal(spec);
    for (auto* s : {&cut.crystal, &cut.part1, &cut.part2}) s->pbc = {false, false, false};
    const Energies crystal = energies(potential, cut.crystal, settings, true);
    const Energies part1 = energies(potential, cut.part1, settings, true);
    const Energies part2 = energies(potential, cut.part2, settings, true);
    for (auto* entry : {&out.unrelaxed, &out.relaxed}) {
      entry->layers = 0;
      entry->area_A2 = cut.cut_area_A2;
    }
    out.unrelaxed.e_slab_eV = part1.unrelaxed_eV + part2.unrelaxed_eV;
    out.unrelaxed.e_bulk_eV = crystal.unrelaxed_eV;
    out.relaxed.e_slab_eV = part1.relaxed_eV + part2.relaxed_eV;
    out.relaxed.e_bulk_eV = crystal.relaxed_eV;
    out.relaxed.converged = crystal.converged && part1.converged && part2.converged;
    for (auto* entry : {&out.unrelaxed, &out.relaxed}) {
      entry->e_dis_eV_per_A2 = (entry->e_slab_eV - entry->e_bulk_eV) / entry->area_A2;
    }
  } else {
    throw InputError("--method",
                     "unknown method '" + settings.method + "' (expected slab or cut-crystal)");
  }
  return out;
}

}  // namespace fw::md
