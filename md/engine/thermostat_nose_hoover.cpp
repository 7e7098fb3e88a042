/// \file thermostat_nose_hoover.cpp
/// \brief Nosé–Hoover chain half steps (the sequence of LAMMPS fix_nh nhc_temp_integrate).
#include "md/engine/thermostat_nose_hoover.hpp"

#include <cmath>
#include <sstream>

#include "core/units.hpp"
#include "md/engine/thermo.hpp"

namespace fw::md {

NoseHooverChainThermostat::NoseHooverChainThermostat(double temperature_K, double damping_ps,
                                                     int chain_length)
    : temperature_K_(temperature_K), frequency_per_ps_(1.0 / damping_ps) {
  const auto m = static_cast<std::size_t>(chain_length);
  eta_.assign(m, 0.0);
  eta_dot_.assign(m + 1, 0.0);  // eta_dot_[m] = 0 closes the chain
  eta_dotdot_.assign(m, 0.0);
  eta_mass_.assign(m, 0.0);
}

void NoseHooverChainThermostat::half_step(System& system, double dt_ps) {
  const std::size_t m = eta_.size();
  const double kT = units::kBoltzmannEVPerK * temperature_K_;
  dof_ = degrees_of_freedom(system);
  const double ke_target = dof_ * kT;
  double ke_current = 2.0 * kinetic_energy_eV(system);
  const double w2 = frequency_per_ps_ * frequency_per_ps_;
  eta_mass_[0] = dof_ * kT / w2;
  for (std::size_t k = 1; k < m; ++k) eta_mass_[k] = kT / w2;
  eta_dotdot_[0] = eta_mass_[0] > 0.0 ? (ke_current - ke_target) / eta_mass_[0] : 0.0;
  if (!started_) {
    // The chain's forces G_k = (Q_{k-1} η̇²_{k-1} − kT)/Q_k before the first step (−kT/Q_k from
    // rest), as LAMMPS FixNH::setup; they are updated at the end of every half step after this.
    for (std::size_t k = 1; k < m; ++k)
      eta_dotdot_[k] = (eta_mass_[k - 1] * eta_dot_[k - 1] * eta_dot_[k - 1] - kT) / eta_mass_[k];
    started_ = true;
  }
  const double dt2 = 0.5 * dt_ps, dt4 = 0.25 * dt_ps, dt8 = 0.125 * dt_ps;

  for (std::size_t k = m - 1; k > 0; --k) {
    const double expfac = std::exp(-dt8 * eta_dot_[k + 1]);
    eta_dot_[k] = (eta_dot_[k] * expfac + eta_dotdot_[k] * dt4) * expfac;
  }
  double expfac = std::exp(-dt8 * eta_dot_[1]);
  eta_dot_[0] = (eta_dot_[0] * expfac + eta_dotdot_[0] * dt4) * expfac;

  const double scale = std::exp(-dt2 * eta_dot_[0]);
  for (std::size_t i = 0; i < system.size(); ++i) {
    if (system.frozen[i]) continue;
    for (std::size_t c = 3 * i; c < 3 * i + 3; ++c) system.v[c] *= scale;
  }
  ke_current *= scale * scale;
  eta_dotdot_[0] = eta_mass_[0] > 0.0 ? (ke_current - ke_target) / eta_mass_[0] : 0.0;
  for (std::size_t k = 0; k < m; ++k) eta_[k] += dt2 * eta_dot_[k];

  eta_dot_[0] = (eta_dot_[0] * expfac + eta_dotdot_[0] * dt4) * expfac;
  for (std::size_t k = 1; k < m; ++k) {
    expfac = std::exp(-dt8 * eta_dot_[k + 1]);
    eta_dotdot_[k] = (eta_mass_[k - 1] * eta_dot_[k - 1] * eta_dot_[k - 1] - kT) / eta_mass_[k];
    eta_dot_[k] = (eta_dot_[k] * expfac + eta_dotdot_[k] * dt4) * expfac;
  }
}

double NoseHooverChainThermostat::energy_eV() const {
  const double kT = units::kBoltzmannEVPerK * temperature_K_;
  double e = 0.0;
  for (std::size_t k = 0; k < eta_.size(); ++k) {
    e += (k == 0 ? dof_ * kT : kT) * eta_[k] + 0.5 * eta_mass_[k] * eta_dot_[k] * eta_dot_[k];
  }
  return e;
}

std::string NoseHooverChainThermostat::save_state() const {
  std::ostringstream out;
  out.precision(17);
  out << dof_;
  for (std::size_t k = 0; k < eta_.size(); ++k) {
    out << " " << eta_[k] << " " << eta_dot_[k] << " " << eta_dotdot_[k] << " " << eta_mass_[k];
  }
  return out.str();
}

void NoseHooverChainThermostat::restore_state(const std::string& state) {
  std::istringstream in(state);
  in >> dof_;
  for (std::size_t k = 0; k < eta_.size(); ++k)
    in >> eta_[k] >> eta_dot_[k] >> eta_dotdot_[k] >> eta_mass_[k];
  started_ = true;
}

}  // namespace fw::md
