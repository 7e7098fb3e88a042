/// \file md_test_helpers.hpp
/// \brief Shared helpers of the md tests: fcc crystals, perturbations, running LAMMPS as the peer.
#pragma once

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "md/engine/system.hpp"
#include "md/formats/lammps_data.hpp"
#include "md/weld/settings.hpp"
#include "slabs/facet_table.hpp"

namespace fw::md::test {

inline const char* kAuU3 = "/usr/share/lammps/potentials/Au_u3.eam";

inline bool have_lammps() {
  return std::system("command -v lmp > /dev/null 2>&1") == 0 && std::filesystem::exists(kAuU3);
}

/// The EAM facet table of Au_u3 (relaxed γ 100/110/111 = 0.915/0.977/0.786 J/m², docs/md.md):
/// what `facetweld edis --engine eam` writes, for the weld tests' Wulff rods.
inline slabs::FacetTable au_eam_facet_table() {
  slabs::FacetTable t;
  t.engine = "eam";
  t.element = "Au";
  t.a_A = 4.08;
  const std::pair<slabs::Miller, double> gammas[] = {
      {{1, 0, 0}, 0.915}, {{1, 1, 0}, 0.977}, {{1, 1, 1}, 0.786}};
  for (const auto& [hkl, gamma] : gammas) {
    slabs::FacetEntry e;
    e.hkl = hkl;
    e.e_dis_eV_per_A2 = units::J_per_m2_to_eV_per_A2(2 * gamma);
    e.relaxed = true;
    t.facets.push_back(e);
  }
  return t;
}

/// n0 x n1 x n2 conventional fcc cells of side a, atoms of one type.
inline System fcc_crystal(int n0, int n1, int n2, double a_A = 4.08,
                          const std::string& element = "Au", double mass_amu = 196.97) {
  System s;
  s.cell = Mat3::diagonal(n0 * a_A, n1 * a_A, n2 * a_A);
  const int t = s.type_index(element, mass_amu);
  const double basis[4][3] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
  for (int i = 0; i < n0; ++i)
    for (int j = 0; j < n1; ++j)
      for (int k = 0; k < n2; ++k)
        for (const auto& b : basis)
          s.add_atom(t, Vec3{(i + b[0]) * a_A, (j + b[1]) * a_A, (k + b[2]) * a_A});
  return s;
}

/// Uniform random displacements in [-amplitude, amplitude] per component.
inline void perturb(System& s, double amplitude_A, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-amplitude_A, amplitude_A);
  for (double& c : s.x) c += u(rng);
}

struct LammpsResult {
  double energy_eV = 0.0;
  std::vector<Vec3> forces_eV_per_A;     ///< by atom id
  std::vector<double> atom_energies_eV;  ///< `compute pe/atom`, by atom id
  double volume_A3 = 0.0;                ///< LAMMPS box volume (shrink-wrapped on open axes)
  std::array<double, 6> pressure_bar{};  ///< virial part: xx yy zz yz xz xy
};

/// Runs `lmp` once (run 0) on `system` (already in LAMMPS's frame) and reads energy, forces and
/// the virial pressure. `pair_lines` are the pair_style/pair_coeff commands.
inline LammpsResult run_lammps_static(const System& system, const std::string& pair_lines,
                                      const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  write_lammps_data(dir / "data.lmp", system);
  std::string boundary;
  for (bool p : system.pbc) boundary += p ? "p " : "s ";
  std::ofstream in(dir / "in.static");
  in << "units metal\natom_style atomic\nboundary " << boundary << "\nbox tilt large\n"
     << "read_data data.lmp\n"
     << pair_lines << "\nneighbor 1.0 bin\n"
     << "compute pv all pressure NULL virial\ncompute pe all pe/atom\n"
     << "thermo_style custom step pe vol c_pv[1] c_pv[2] c_pv[3] c_pv[6] c_pv[5] c_pv[4]\n"
     << "thermo_modify format float %.17g\n"
     << "dump d all custom 1 forces.dump id fx fy fz c_pe\n"
     << "dump_modify d format float %.17g sort id\n"
     << "run 0\n";
  in.close();
  const std::string cmd =
      "cd '" + dir.string() + "' && lmp -in in.static -log log.lammps -screen none";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("lmp failed in " + dir.string());
  LammpsResult result;
  std::ifstream log(dir / "log.lammps");
  std::string line;
  bool next_is_data = false;
  while (std::getline(log, line)) {
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (next_is_data) {
      words >> result.energy_eV >> result.volume_A3;
      for (double& p : result.pressure_bar) words >> p;
      next_is_data = false;
    }
    if (first == "Step") next_is_data = true;
  }
  std::ifstream dump(dir / "forces.dump");
  result.forces_eV_per_A.resize(system.size());
  result.atom_energies_eV.resize(system.size());
  while (std::getline(dump, line)) {
    if (line.rfind("ITEM: ATOMS", 0) == 0) {
      for (std::size_t k = 0; k < system.size(); ++k) {
        int id;
        Vec3 f;
        double energy;
        dump >> id >> f.x >> f.y >> f.z >> energy;
        result.forces_eV_per_A[static_cast<std::size_t>(id - 1)] = f;
        result.atom_energies_eV[static_cast<std::size_t>(id - 1)] = energy;
      }
    }
  }
  return result;
}

/// The cheapest weld study: end to end in vacuum (the fastest set-up), tip mode, 2 angles × 2
/// seeds and the control, two workers, 0.3 ps.
inline WeldSettings tiny_weld_study() {
  WeldSettings s = default_weld_settings();
  s.potential = kAuU3;
  s.mode = "tip";
  s.substrate = "none";
  s.rod.radius_A = 6.0;
  s.rod.length_A = 30.0;
  s.angles_deg = {0, 60};
  s.seeds = 2;
  s.workers = 2;
  s.time_ps = 0.3;
  s.sample_every_ps = 0.1;
  s.trajectory_every_ps = 0.1;
  return s;
}

}  // namespace fw::md::test
