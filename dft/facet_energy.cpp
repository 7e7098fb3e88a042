/// \file facet_energy.cpp
/// \brief Slab-method E_dis with the native solver.
#include "dft/facet_energy.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/units.hpp"
#include "dft/structure_adapter.hpp"
#include "slabs/oriented.hpp"

namespace fw::dft {

namespace {

/// Free energy extrapolated to σ → 0 (eV) of one cell.
ScfResult run_cell(const slabs::Structure& cell, const Pseudopotential& psp, ScfSettings scf,
                   const std::array<int, 3>& mesh, const std::string& label,
                   const std::function<void(const std::string&)>& log) {
  const std::map<std::string, Pseudopotential> pseudos{{cell.atoms.front().species, psp}};
  const Crystal crystal = crystal_from_structure(cell, pseudos, label);
  scf.kpoint_mesh = mesh;
  scf.kpoint_shift = {0, 0, 0};
  scf.compute_forces = false;
  if (log) scf.log = [&](const std::string& line) { log(label + ": " + line); };
  return run_scf(crystal, scf);
}

}  // namespace

slabs::FacetEntry dft_facet_energy(const Pseudopotential& psp, const slabs::Miller& hkl,
                                   const DftFacetSettings& s,
                                   const std::function<void(const std::string&)>& log) {
  const slabs::PlaneGeometry plane = slabs::fcc_plane_geometry(s.a_A, hkl);
  const std::string label = slabs::miller_label(plane.hkl);

  slabs::OrientedSpec slab_spec{s.element, s.a_A, plane.hkl, s.layers, 1, 1};
  const slabs::Structure slab = slabs::slab_with_vacuum(slab_spec, s.vacuum_A);
  slabs::OrientedSpec bulk_spec{s.element, s.a_A, plane.hkl, plane.stacking_period, 1, 1};
  const slabs::Structure bulk = slabs::oriented_bulk(bulk_spec);

  // Same in-plane mesh; along the normal the bulk gets the k-point density of the in-plane axes.
  const int n = std::max(1, s.kpoints_in_plane);
  const Mat3 recip = reciprocal_rows(bulk.cell);
  const double density = n / norm(recip[0]);
  const int kz = std::max(1, static_cast<int>(std::ceil(density * norm(recip[2]) - 1e-8)));

  const ScfResult e_slab = run_cell(slab, psp, s.scf, {n, n, 1}, label + " slab", log);
  const ScfResult e_bulk = run_cell(bulk, psp, s.scf, {n, n, kz}, label + " bulk", log);

  slabs::FacetEntry entry;
  entry.hkl = plane.hkl;
  entry.method = "slab";
  entry.relaxed = false;
  entry.layers = s.layers;
  entry.area_A2 = plane.area_A2;
  entry.e_slab_eV = units::hartree_to_eV(e_slab.energy_zero_smearing_hartree);
  const double per_atom_eV =
      units::hartree_to_eV(e_bulk.energy_zero_smearing_hartree) / static_cast<double>(bulk.size());
  entry.e_bulk_eV = per_atom_eV * static_cast<double>(slab.size());
  entry.e_dis_eV_per_A2 = (entry.e_slab_eV - entry.e_bulk_eV) / entry.area_A2;
  entry.converged = e_slab.converged && e_bulk.converged;
  return entry;
}

}  // namespace fw::dft
