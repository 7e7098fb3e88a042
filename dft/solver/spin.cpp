/// \file spin.cpp
/// \brief Starting moments and magnetic moments of collinear spin runs.
#include "dft/solver/spin.hpp"

#include <cmath>
#include <sstream>

#include "core/error.hpp"

namespace fw::dft {

std::vector<StartingMoment> parse_starting_moments(const std::string& text,
                                                   const std::string& option) {
  std::vector<StartingMoment> out;
  std::stringstream parts(text);
  std::string part;
  while (std::getline(parts, part, ',')) {
    const auto equals = part.find('=');
    StartingMoment moment;
    std::size_t used = 0;
    bool number = false;
    if (equals != std::string::npos && equals > 0) {
      moment.element = part.substr(0, equals);
      try {
        moment.moment_muB = std::stod(part.substr(equals + 1), &used);
        number = used == part.size() - equals - 1 && std::isfinite(moment.moment_muB);
      } catch (const std::exception&) {
        number = false;
      }
    }
    if (!number)
      throw InputError(option, "'" + part +
                                   "' is not ELEMENT=MOMENT (a starting moment in Bohr magnetons "
                                   "per atom, e.g. Ni=0.6)");
    for (const auto& earlier : out)
      if (earlier.element == moment.element)
        throw InputError(option, "element " + moment.element + " is given twice");
    out.push_back(moment);
  }
  return out;
}

std::vector<double> starting_moment_per_species(const Crystal& crystal,
                                                const std::vector<StartingMoment>& moments,
                                                const std::string& option) {
  std::vector<double> out(crystal.species.size(), 0.0);
  for (const auto& moment : moments) {
    bool found = false;
    for (std::size_t s = 0; s < crystal.species.size(); ++s) {
      if (crystal.species[s].element != moment.element) continue;
      found = true;
      if (std::abs(moment.moment_muB) > crystal.species[s].z_valence)
        throw InputError(option, "a starting moment of " + std::to_string(moment.moment_muB) +
                                     " muB on " + moment.element + " exceeds its " +
                                     std::to_string(crystal.species[s].z_valence) +
                                     " valence electrons");
      out[s] = moment.moment_muB;
    }
    if (!found) throw InputError(option, "the cell has no " + moment.element + " atoms");
  }
  return out;
}

MagneticMoments magnetic_moments(const std::vector<double>& magnetization_r, double volume_bohr3) {
  MagneticMoments out;
  for (double m : magnetization_r) {
    out.total_muB += m;
    out.absolute_muB += std::abs(m);
  }
  const double cell = volume_bohr3 / static_cast<double>(magnetization_r.size());
  out.total_muB *= cell;
  out.absolute_muB *= cell;
  return out;
}

}  // namespace fw::dft
