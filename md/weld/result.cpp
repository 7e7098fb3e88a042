/// \file result.cpp
/// \brief The net release of a run and what derives from it.
#include "md/weld/result.hpp"

#include "core/units.hpp"

namespace fw::md {

void set_net_release(WeldResult& r, double control_release_eV, double end_face_area_A2) {
  r.energy_release_eV = r.energy_release_raw_eV - control_release_eV;
  const long atoms = 2 * r.atoms_per_rod;
  r.energy_release_per_atom_meV = atoms > 0 ? 1e3 * r.energy_release_eV / double(atoms) : 0.0;
  r.energy_release_per_neck_area_J_per_m2 =
      r.neck_area_A2 > 0 ? units::eV_per_A2_to_J_per_m2(r.energy_release_eV / r.neck_area_A2) : 0.0;
  r.energy_release_per_end_face_eV_per_A2 =
      end_face_area_A2 > 0 ? r.energy_release_eV / end_face_area_A2 : 0.0;
}

}  // namespace fw::md
