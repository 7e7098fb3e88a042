/// \file lammps_input.cpp
/// \brief The LAMMPS input script of an exported run.
#include "md/formats/lammps_input.hpp"

#include <algorithm>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/formats/lammps_data.hpp"

namespace fw::md {
std::string lammps_id_ranges(std::vector<int> ids) {
  std::sort(ids.begin(), ids.end());
  std::ostringstream out;
  for (std::size_t k = 0; k < ids.size();) {
    std::size_t e = k;
    while (e + 1 < ids.size() && ids[e + 1] == ids[e] + 1) ++e;
    out << (k ? " " : "") << ids[k];
    if (e > k) out << ":" << ids[e];
    k = e + 1;
  }
  return out.str();
}

void write_lammps_pair_style(std::ostream& in, const std::vector<std::string>& names,
                             const std::string& eam_file, const std::string& eam_style,
                             const LjPair& au_c, double lj_cutoff_A,
                             const std::string& airebo_file) {
  const auto type_of = [&](const std::string& s) {
    const auto it = std::find(names.begin(), names.end(), s);
    return it == names.end() ? 0 : static_cast<int>(it - names.begin()) + 1;
  };
  const int carbon = type_of("C");
  if (carbon == 0) {
    std::string elements;
    for (const auto& n : names) elements += " " + n;
    in << "pair_style " << eam_style << "\n";
    if (eam_style == "eam") {
      in << "pair_coeff 1 1 " << eam_file << "\n";
    } else {
      in << "pair_coeff * * " << eam_file << elements << "\n";
    }
    return;
  }
  // Au–Au: EAM; Au–C: 12-6 LJ; C–C: AIREBO (flexible sheet) or nothing (rigid sheet).
  const int au = type_of(au_c.species_a);
  if (au == 0 || names.size() != 2 || eam_style != "eam") {
    throw InputError("lammps export",
                     "the substrate deck expects exactly the species Au and C with a funcfl EAM");
  }
  in << "pair_style hybrid/overlay eam lj/cut " << lj_cutoff_A
     << (airebo_file.empty() ? "" : " airebo 3.0") << "\n"
     << "pair_coeff " << au << " " << au << " eam " << eam_file << "\n"
     << "pair_coeff " << std::min(au, carbon) << " " << std::max(au, carbon) << " lj/cut "
     << au_c.epsilon_eV << " " << au_c.sigma_A
     << "  # Lewis, Jensen, Combe, Barrat PRB 61, 16084 (2000)\n";
  if (airebo_file.empty()) {
    in << "pair_coeff " << carbon << " " << carbon << " none\n";
  } else {
    in << "pair_coeff * * airebo " << airebo_file << (au == 1 ? " NULL C" : " C NULL") << "\n";
  }
}

void write_lammps_deck(const std::filesystem::path& dir, const System& input,
                       const LammpsDeckSpec& spec) {
  if (spec.eam_file.empty()) throw InputError("lammps export", "no EAM file given");
  std::filesystem::create_directories(dir);
  const System system = rotated_to_lammps_frame(input);
  write_lammps_data(dir / "data.lmp", system);
  const auto& names = system.type_names;
  std::vector<int> frozen_ids;
  for (std::size_t i = 0; i < system.size(); ++i) {
    if (system.frozen[i]) frozen_ids.push_back(system.id[i] + 1);
  }
  std::ostringstream in;
  in.precision(12);
  in << "# LAMMPS input written by facetweld: reproduces the facetweld run on data.lmp\n"
     << "# run: lmp -in in.lammps   or   mpirun -np N lmp -sf opt -in in.lammps\n"
     << "units metal\natom_style atomic\nboundary";
  for (bool p : system.pbc) in << (p ? " p" : " s");
  in << "\nbox tilt large\nread_data data.lmp\n\n";
  std::string elements;
  for (const auto& n : names) elements += " " + n;
  // C–C by AIREBO, so that the sheet can be made flexible by dropping the `frozen` group.
  write_lammps_pair_style(in, names, spec.eam_file, spec.eam_style, spec.au_c, spec.lj_cutoff_A,
                          spec.airebo_file);
  in << "neighbor " << spec.skin_A << " bin\nneigh_modify every 1 delay 0 check yes\n\n";
  if (!frozen_ids.empty()) {
    in << "group frozen id " << lammps_id_ranges(frozen_ids)
       << "\ngroup mobile subtract all frozen\n"
       << "fix freeze frozen setforce 0.0 0.0 0.0\n";
  } else {
    in << "group mobile union all\n";
  }
  in << "timestep " << spec.dt_ps << "\n"
     << "thermo_style custom step time temp pe ke etotal press\nthermo_modify format float %.10g\n"
     << "thermo " << spec.thermo_every << "\n";
  if (spec.dump_every > 0 && spec.mode != "static") {
    in << "dump traj all custom " << spec.dump_every
       << " trajectory.dump id type element x y z vx vy vz fx fy fz\n"
       << "dump_modify traj element" << elements << " sort id\n";
  }
  if (spec.mode == "minimize") {
    in << "min_style " << spec.minimizer << "\n"
       << "# LAMMPS's ftol is the 2-norm of the global force vector (facetweld: largest atomic "
          "force)\n"
       << "minimize 0.0 " << spec.force_tolerance_eV_per_A << " 100000 1000000\n";
  } else if (spec.mode == "static") {
    in << "run 0\n";
  } else {
    if (spec.mode == "nvt" && spec.thermostat == "nose-hoover-chain") {
      in << "fix integrate mobile nvt temp " << spec.temperature_K << " " << spec.temperature_K
         << " " << spec.damping_ps << "\n";
    } else {
      in << "fix integrate mobile nve\n";
      if (spec.mode == "nvt") {
        in << "fix bath mobile langevin " << spec.temperature_K << " " << spec.temperature_K << " "
           << spec.damping_ps << " " << (spec.seed % 900000000 + 1) << "\n";
      }
    }
    in << "run " << spec.steps << "\n";
  }
  in << "write_data final.data\n";
  write_file_atomically(dir / "in.lammps", in.str());
}

}  // namespace fw::md
