/// \file lammps_input.hpp
/// \brief LAMMPS export: a data file and an input script that reproduce a facetweld run under
/// `lmp` / `mpirun lmp` (the path for systems larger than one workstation).
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "md/engine/lennard_jones.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

struct LammpsDeckSpec {
  std::string mode = "nve";  ///< nve | nvt | minimize | static
  long steps = 1000;
  double dt_ps = 0.001;
  double temperature_K = 300.0;
  std::string thermostat = "langevin";  ///< langevin | nose-hoover-chain
  double damping_ps = 0.1;
  std::uint64_t seed = 12345;
  double skin_A = 1.0;
  long thermo_every = 100;
  long dump_every = 1000;
  std::string minimizer = "fire";
  double force_tolerance_eV_per_A = 1e-3;
  std::string eam_file;           ///< absolute path
  std::string eam_style = "eam";  ///< eam | eam/alloy
  /// With carbon present: pair_style hybrid eam + airebo (C–C) + lj/cut (Au–C).
  LjPair au_c = default_au_c_pair();
  double lj_cutoff_A = 10.0;
  std::string airebo_file = "CH.airebo";
};

/// 1-based atom ids as LAMMPS `group id` ranges: {1, 2, 3, 7, 8} → "1:3 7:8".
std::string lammps_id_ranges(std::vector<int> ids);

/// The pair_style / pair_coeff lines for the species `type_names` (LAMMPS types 1, 2, ... in
/// that order). Au alone: `pair_style eam` (or eam/alloy). Au and C: `pair_style hybrid/overlay`
/// of eam (Au–Au), lj/cut (Au–C, `au_c`, truncated at `lj_cutoff_A`) and, when `airebo_file` is
/// not empty, airebo (C–C; Stuart, Tutein and Harrison, JCP 112, 6472 (2000)); with no
/// `airebo_file` C–C is `none` (a rigid sheet: the pair contributes nothing, as in facetweld).
/// Throws InputError for any other set of species.
void write_lammps_pair_style(std::ostream& out, const std::vector<std::string>& type_names,
                             const std::string& eam_file, const std::string& eam_style,
                             const LjPair& au_c, double lj_cutoff_A,
                             const std::string& airebo_file);

/// Writes <dir>/data.lmp (rotated into LAMMPS's frame, velocities included) and <dir>/in.lammps.
/// Frozen atoms form group `frozen` (setforce 0, not integrated). Types follow system.type_names.
void write_lammps_deck(const std::filesystem::path& dir, const System& system,
                       const LammpsDeckSpec& spec);

}  // namespace fw::md
