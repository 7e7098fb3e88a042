/// \file units.hpp
/// \brief Physical constants (CODATA 2018) and unit conversions; the only place they are defined.
#pragma once

namespace fw::units {

// CODATA 2018 recommended values.
inline constexpr double kBohrInAngstrom = 0.529177210903;
inline constexpr double kHartreeInEV = 27.211386245988;
inline constexpr double kRydbergInEV = kHartreeInEV / 2.0;
inline constexpr double kBoltzmannEVPerK = 8.617333262e-5;
inline constexpr double kElementaryChargeC = 1.602176634e-19;
inline constexpr double kAvogadro = 6.02214076e23;
inline constexpr double kAtomicMassUnitKg = 1.66053906660e-27;

inline constexpr double kAngstromInBohr = 1.0 / kBohrInAngstrom;
inline constexpr double kEVInHartree = 1.0 / kHartreeInEV;

/// Metal units (Å, ps, amu, eV): 1 amu·Å²/ps² in eV, so that a = F/m / kAmuA2PerPs2InEV in
/// Å/ps² for F in eV/Å and m in amu (LAMMPS's 1/ftm2v), and E_kin = ½ m v² · kAmuA2PerPs2InEV.
inline constexpr double kAmuA2PerPs2InEV = kAtomicMassUnitKg * 1e-20 / 1e-24 / kElementaryChargeC;
/// 1 eV/Å³ in bar (LAMMPS metal pressure unit).
inline constexpr double kEVPerA3InBar = kElementaryChargeC * 1e30 * 1e-5;

/// 1 eV/Å² in J/m² (1.602176634e-19 J / 1e-20 m²).
inline constexpr double kEVPerA2InJPerM2 = kElementaryChargeC * 1e20;
/// 1 eV/Å³ in GPa.
inline constexpr double kEVPerA3InGPa = kElementaryChargeC * 1e30 * 1e-9;
/// 1 Ha/bohr³ in GPa.
inline constexpr double kHartreePerBohr3InGPa =
    kHartreeInEV / (kBohrInAngstrom * kBohrInAngstrom * kBohrInAngstrom) * kEVPerA3InGPa;

inline constexpr double hartree_to_eV(double e) {
  return e * kHartreeInEV;
}
inline constexpr double eV_to_hartree(double e) {
  return e * kEVInHartree;
}
inline constexpr double bohr_to_angstrom(double x) {
  return x * kBohrInAngstrom;
}
inline constexpr double angstrom_to_bohr(double x) {
  return x * kAngstromInBohr;
}
inline constexpr double eV_per_A2_to_J_per_m2(double s) {
  return s * kEVPerA2InJPerM2;
}
inline constexpr double J_per_m2_to_eV_per_A2(double s) {
  return s / kEVPerA2InJPerM2;
}

}  // namespace fw::units
