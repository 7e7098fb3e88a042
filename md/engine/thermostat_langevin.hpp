/// \file thermostat_langevin.hpp
/// \brief Langevin thermostat: friction plus random force (as LAMMPS fix langevin).
#pragma once

#include <random>

#include "md/engine/thermostat.hpp"

namespace fw::md {

/// F_i += −m_i v_i/τ + sqrt(2 m_i k_B T/(τ Δt)) ξ_i with ξ standard normal (Schneider and Stoll,
/// PRB 17, 1302 (1978); Dünweg and Paul, IJMPC 2, 817 (1991)). The energy the bath exchanges
/// is tallied so that the conserved quantity can be monitored.
class LangevinThermostat : public Thermostat {
 public:
  LangevinThermostat(double temperature_K, double damping_ps, std::uint64_t seed);
  std::string name() const override { return "langevin"; }
  void add_forces(System& system, double dt_ps) override;
  void end_step(System& system, double dt_ps) override;
  double energy_eV() const override { return -work_eV_; }
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

 private:
  double temperature_K_;
  double damping_ps_;
  std::mt19937_64 rng_;
  std::normal_distribution<double> gauss_{0.0, 1.0};
  std::vector<double> bath_force_;
  double work_eV_ = 0.0;  ///< work done by the bath forces so far
};

}  // namespace fw::md
