/// \file eos_settings.hpp
/// \brief Where and how densely the E(V) curve of the lattice-constant fit is sampled.
#pragma once

#include <array>

namespace fw::dft {

/// Defaults, units and ranges: dft/settings.cpp (the eos_* keys of the [dft] table).
struct EosSettings {
  double ecut_hartree{};      ///< cut-off of the E(V) points (a0 converges more slowly than E_dis)
  std::array<int, 3> kpts{};  ///< Γ-centred mesh of the one-atom cell
  int points{};               ///< lattice constants sampled
  double spread{};            ///< they span a·(1 ± spread)
};

}  // namespace fw::dft
