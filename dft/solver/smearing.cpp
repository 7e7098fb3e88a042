/// \file smearing.cpp
/// \brief Smearing functions and the Fermi level.
#include "dft/solver/smearing.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/error.hpp"
#include "core/units.hpp"

namespace fw::dft {

double Smearing::occupation(double x) const {
  const double sqrt_pi = std::sqrt(std::numbers::pi);
  switch (kind) {
    case SmearingKind::kFermiDirac:
      return x > 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
    case SmearingKind::kGaussian:
      return 0.5 * std::erfc(-x);
    case SmearingKind::kMethfesselPaxton:
      return 0.5 * std::erfc(-x) + x * std::exp(-x * x) / (2.0 * sqrt_pi);
    case SmearingKind::kMarzariVanderbilt: {
      const double xp = x - 1.0 / std::sqrt(2.0);
      return 0.5 * std::erfc(-xp) + std::exp(-xp * xp) / std::sqrt(2.0 * std::numbers::pi);
    }
  }
  return 0.0;
}

double Smearing::entropy_term(double x) const {
  const double sqrt_pi = std::sqrt(std::numbers::pi);
  switch (kind) {
    case SmearingKind::kFermiDirac: {
      const double f = occupation(x);
      double w = 0.0;
      if (f > 1e-300) w += f * std::log(f);
      if (1.0 - f > 1e-300) w += (1.0 - f) * std::log(1.0 - f);
      return w;
    }
    case SmearingKind::kGaussian:
      return -std::exp(-x * x) / (2.0 * sqrt_pi);
    case SmearingKind::kMethfesselPaxton:
      return (2.0 * x * x - 1.0) * std::exp(-x * x) / (4.0 * sqrt_pi);
    case SmearingKind::kMarzariVanderbilt: {
      const double xp = x - 1.0 / std::sqrt(2.0);
      return xp * std::exp(-xp * xp) / std::sqrt(2.0 * std::numbers::pi);
    }
  }
  return 0.0;
}

std::string Smearing::name() const {
  switch (kind) {
    case SmearingKind::kFermiDirac:
      return "fermi-dirac";
    case SmearingKind::kGaussian:
      return "gaussian";
    case SmearingKind::kMethfesselPaxton:
      return "methfessel-paxton";
    case SmearingKind::kMarzariVanderbilt:
      return "marzari-vanderbilt";
  }
  return "";
}

double parse_energy_hartree(const std::string& text, const std::string& option) {
  std::size_t pos = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &pos);
  } catch (const std::exception&) {
    throw InputError(option, "expected an energy such as 30Ha, 60Ry or 816eV, got '" + text + "'");
  }
  std::string unit = text.substr(pos);
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (unit.empty() || unit == "ha" || unit == "hartree") return value;
  if (unit == "ry" || unit == "rydberg") return 0.5 * value;
  if (unit == "ev") return units::eV_to_hartree(value);
  throw InputError(option,
                   "unknown energy unit '" + unit + "' in '" + text + "' (expected Ha, Ry or eV)");
}

Smearing parse_smearing(const std::string& text, const std::string& option) {
  const auto colon = text.find(':');
  std::string name = text.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  Smearing s;
  if (name == "fermi-dirac" || name == "fd" || name == "fermi")
    s.kind = SmearingKind::kFermiDirac;
  else if (name == "gaussian" || name == "gauss")
    s.kind = SmearingKind::kGaussian;
  else if (name == "methfessel-paxton" || name == "mp")
    s.kind = SmearingKind::kMethfesselPaxton;
  else if (name == "marzari-vanderbilt" || name == "mv" || name == "cold")
    s.kind = SmearingKind::kMarzariVanderbilt;
  else
    throw InputError(
        option, "unknown smearing '" + name +
                    "' (expected fermi-dirac, gaussian, methfessel-paxton or marzari-vanderbilt)");
  if (colon != std::string::npos)
    s.width_hartree = parse_energy_hartree(text.substr(colon + 1), option);
  if (!(s.width_hartree > 0.0)) throw InputError(option, "smearing width must be positive");
  return s;
}

double find_fermi_level(const std::vector<std::vector<double>>& eigenvalues,
                        const std::vector<double>& weights, double n_electrons,
                        const Smearing& smearing, double f_max) {
  double lo = 1e300, hi = -1e300;
  for (const auto& e : eigenvalues)
    for (double v : e) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  lo -= 20.0 * smearing.width_hartree + 1.0;
  hi += 20.0 * smearing.width_hartree + 1.0;
  auto count = [&](double mu) {
    double n = 0.0;
    for (std::size_t k = 0; k < eigenvalues.size(); ++k)
      for (double e : eigenvalues[k])
        n += weights[k] * f_max * smearing.occupation((mu - e) / smearing.width_hartree);
    return n;
  };
  if (count(hi) < n_electrons - 1e-10)
    throw std::runtime_error("not enough bands to hold the electrons");
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    (count(mid) < n_electrons ? lo : hi) = mid;
    if (hi - lo < 1e-15) break;
  }
  return 0.5 * (lo + hi);
}

}  // namespace fw::dft
