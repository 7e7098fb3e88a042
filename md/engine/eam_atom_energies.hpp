/// \file eam_atom_energies.hpp
/// \brief Per-atom EAM energies (LAMMPS `compute pe/atom` with `pair_style eam`), for analysis and
/// the ASE calculator's get_potential_energies; kept out of the threaded force kernel.
#pragma once

#include <vector>

#include "md/engine/eam_force.hpp"
#include "md/engine/neighbor_list.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// E_i = F_i(ρ_i) + ½ Σ_j φ_ij(r_ij) per atom (current atom order), with ρ_i the densities of the
/// last `eam.add_forces` on `system` and `list` the neighbour list it used; the pair energy is
/// split equally between the two atoms, as LAMMPS's eatom does, so Σ_i E_i is the EAM energy.
/// Atoms of species the potential does not describe get 0.
std::vector<double> eam_atom_energies(const EamForce& eam, const System& system,
                                      const NeighborList& list);

}  // namespace fw::md
