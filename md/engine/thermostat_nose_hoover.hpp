/// \file thermostat_nose_hoover.hpp
/// \brief Nosé–Hoover chain thermostat (as LAMMPS fix nvt, chain length 3).
#pragma once

#include <vector>

#include "md/engine/thermostat.hpp"

namespace fw::md {

/// Martyna, Klein and Tuckerman, JCP 97, 2635 (1992); Trotter splitting of Martyna, Tuckerman,
/// Tobias and Klein, Mol. Phys. 87, 1117 (1996): a half step of the chain before and after the
/// velocity-Verlet update. Masses Q_0 = N_f k_B T τ², Q_k = k_B T τ².
class NoseHooverChainThermostat : public Thermostat {
 public:
  NoseHooverChainThermostat(double temperature_K, double damping_ps, int chain_length = 3);
  std::string name() const override { return "nose-hoover-chain"; }
  void begin_step(System& system, double dt_ps) override { half_step(system, dt_ps); }
  void end_step(System& system, double dt_ps) override { half_step(system, dt_ps); }
  double energy_eV() const override;
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

 private:
  void half_step(System& system, double dt_ps);

  double temperature_K_;
  double frequency_per_ps_;
  double dof_ = 0.0;
  std::vector<double> eta_, eta_dot_, eta_dotdot_, eta_mass_;
  bool started_ = false;  ///< chain forces set (first half step, or restored from a checkpoint)
};

}  // namespace fw::md
