/// \file thermostat.hpp
/// \brief Thermostats for velocity Verlet (Langevin, Nosé–Hoover chain) behind one interface.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "md/engine/system.hpp"

namespace fw::md {

class Thermostat {
 public:
  virtual ~Thermostat() = default;
  virtual std::string name() const = 0;
  /// Before the first velocity half-step.
  virtual void begin_step(System& /*system*/, double /*dt_ps*/) {}
  /// After the forces are computed; may add forces (Langevin).
  virtual void add_forces(System& /*system*/, double /*dt_ps*/) {}
  /// After the second velocity half-step.
  virtual void end_step(System& /*system*/, double /*dt_ps*/) {}
  /// Energy held by (or taken out through) the thermostat, so that potential + kinetic + this is
  /// the conserved quantity, eV.
  virtual double energy_eV() const { return 0.0; }
  /// Internal state for checkpoints, as text (one line).
  virtual std::string save_state() const { return ""; }
  virtual void restore_state(const std::string& /*state*/) {}
};

/// A Nosé–Hoover chain has no thermostat mass at 0 K (Q = N_f k_B T / ω²) and refuses it, as
/// LAMMPS's fix nvt does; Langevin at 0 K is friction alone (a quench). Throws
/// InputError(`source`) naming `temperature` for "nose-hoover-chain" (or "nvt") at T = 0 K.
void check_thermostat_temperature(const std::string& name, double temperature_K,
                                  const std::string& source);

/// "langevin" or "nose-hoover-chain"; damping time in ps (LAMMPS's Tdamp; 0.1 ps is typical).
/// Throws InputError for unknown names, T outside [0, 1e5] K (0 K only for langevin) or
/// damping <= 0.
std::unique_ptr<Thermostat> make_thermostat(const std::string& name, double temperature_K,
                                            double damping_ps, std::uint64_t seed);

}  // namespace fw::md
