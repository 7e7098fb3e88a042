/// \file smearing.hpp
/// \brief Occupation smearing: Fermi–Dirac, Gaussian, Methfessel–Paxton (order 1),
/// Marzari–Vanderbilt.
#pragma once

#include <string>
#include <vector>

namespace fw::dft {

enum class SmearingKind { kFermiDirac, kGaussian, kMethfesselPaxton, kMarzariVanderbilt };

/// With x = (μ − ε)/σ: occupation(x) in [0, 1] per spin channel, and entropy_term(x) = w(x) such
/// that the free energy is F = E + σ Σ_k w_k f_max w(x) (w = f ln f + (1−f) ln(1−f) for
/// Fermi–Dirac; w'(x) = x δ(x) in general). References: Methfessel & Paxton PRB 40, 3616 (1989);
/// Marzari, Vanderbilt, De Vita & Payne PRL 82, 3296 (1999).
struct Smearing {
  SmearingKind kind = SmearingKind::kFermiDirac;
  double width_hartree = 0.01;

  double occupation(double x) const;
  double entropy_term(double x) const;
  std::string name() const;
  /// True where (E + F)/2 extrapolates to σ → 0 (Fermi–Dirac, Gaussian); MP and MV already give F ≈
  /// E(0).
  bool extrapolate_half() const {
    return kind == SmearingKind::kFermiDirac || kind == SmearingKind::kGaussian;
  }
};

/// "fermi-dirac:0.01Ha", "gaussian:0.1eV", "mp:0.02Ry", "mv:0.01" (Ha by default); names also
/// "fd", "methfessel-paxton", "marzari-vanderbilt", "cold". Throws fw::InputError(option, ...).
Smearing parse_smearing(const std::string& text, const std::string& option = "--smearing");

/// "30Ha", "60Ry", "816eV", "30" (Ha) → Hartree. Throws fw::InputError(option, ...).
double parse_energy_hartree(const std::string& text, const std::string& option);

/// Fermi level μ (Ha) such that Σ_k w_k Σ_n f_max·occupation((μ−ε_nk)/σ) = n_electrons (bisection).
double find_fermi_level(const std::vector<std::vector<double>>& eigenvalues,
                        const std::vector<double>& weights, double n_electrons,
                        const Smearing& smearing, double f_max = 2.0);

}  // namespace fw::dft
