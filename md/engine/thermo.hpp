/// \file thermo.hpp
/// \brief Instantaneous thermodynamic quantities: kinetic energy, temperature, pressure.
#pragma once

#include <array>

#include "md/engine/interaction.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

struct ThermoState {
  long step = 0;
  double time_ps = 0.0;
  double temperature_K = 0.0;
  double potential_eV = 0.0;
  double kinetic_eV = 0.0;
  double total_eV = 0.0;
  double pressure_GPa = 0.0;
  /// Conserved quantity of the ensemble (total energy plus thermostat energy), eV.
  double conserved_eV = 0.0;
};

/// Degrees of freedom: 3 per movable atom, minus 3 for the fixed centre of mass when nothing is
/// frozen (LAMMPS's default temperature compute).
double degrees_of_freedom(const System& system);
double kinetic_energy_eV(const System& system);
double temperature_K(const System& system);
/// P = (2 KE/3 + tr W/3) / V; meaningless (reported as 0) without three periodic axes.
double pressure_GPa(const System& system, const ForceResult& forces);
/// Stress in the ASE/VASP sign convention (positive = tensile), Voigt xx yy zz yz xz xy, GPa:
/// σ = −(Σ m v⊗v + W)/V.
std::array<double, 6> stress_GPa(const System& system, const ForceResult& forces);

}  // namespace fw::md
