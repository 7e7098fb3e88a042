/// \file velocities.hpp
/// \brief Maxwell–Boltzmann initial velocities from a seed.
#pragma once

#include <cstdint>

#include "md/engine/system.hpp"

namespace fw::md {

/// Draws v ~ N(0, kT/m) per component for movable atoms (frozen ones get zero), removes the
/// centre-of-mass drift when nothing is frozen, and rescales to exactly `temperature_K`.
/// Throws InputError("temperature") outside [0, 1e5] K.
void assign_maxwell_boltzmann(System& system, double temperature_K, std::uint64_t seed);

/// Throws InputError(option) unless 0 <= T <= 1e5 K.
void check_temperature(double temperature_K, const std::string& option);

}  // namespace fw::md
