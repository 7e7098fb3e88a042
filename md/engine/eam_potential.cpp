/// \file eam_potential.cpp
/// \brief LAMMPS's re-gridding (pair_eam.cpp file2array) and splines (array2spline/interpolate).
#include "md/engine/eam_potential.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace fw::md {
namespace {

/// LAMMPS's Hartree*bohr in eV*Å used to turn funcfl Z_i Z_j into r*phi (pair_eam.cpp); the
/// CODATA value would be 14.39964..., 27.2*0.529 = 14.3888. On a 108-atom Au cell the
/// difference moves the energy by ~0.27 eV; we follow LAMMPS so that the two codes agree.
constexpr double kLammpsHartreeBohrEVA = 27.2 * 0.529;

/// Value of a 1-based funcfl table at x by LAMMPS's 4-point Lagrange interpolation.
double lagrange4(const std::vector<double>& table, double spacing, double x) {
  const int n = static_cast<int>(table.size());
  double p = x / spacing + 1.0;
  int k = static_cast<int>(p);
  k = std::min(k, n - 2);
  k = std::max(k, 2);
  p -= k;
  p = std::min(p, 2.0);
  const double sixth = 1.0 / 6.0;
  const double c1 = -sixth * p * (p - 1.0) * (p - 2.0);
  const double c2 = 0.5 * (p * p - 1.0) * (p - 2.0);
  const double c3 = -0.5 * p * (p + 1.0) * (p - 2.0);
  const double c4 = sixth * p * (p * p - 1.0);
  // table is 0-based; LAMMPS index k is 1-based.
  const auto at = [&](int one_based) { return table[static_cast<std::size_t>(one_based - 1)]; };
  return c1 * at(k - 1) + c2 * at(k) + c3 * at(k + 1) + c4 * at(k + 2);
}

}  // namespace

SplineTable SplineTable::from_values(const std::vector<double>& f, double delta) {
  const std::size_t n = f.size();
  SplineTable t;
  t.delta = delta;
  t.knots.assign(n, {});
  auto& s = t.knots;
  for (std::size_t m = 0; m < n; ++m) s[m][6] = f[m];
  s[0][5] = s[1][6] - s[0][6];
  s[1][5] = 0.5 * (s[2][6] - s[0][6]);
  s[n - 2][5] = 0.5 * (s[n - 1][6] - s[n - 3][6]);
  s[n - 1][5] = s[n - 1][6] - s[n - 2][6];
  for (std::size_t m = 2; m + 2 < n; ++m) {
    s[m][5] = ((s[m - 2][6] - s[m + 2][6]) + 8.0 * (s[m + 1][6] - s[m - 1][6])) / 12.0;
  }
  for (std::size_t m = 0; m + 1 < n; ++m) {
    s[m][4] = 3.0 * (s[m + 1][6] - s[m][6]) - 2.0 * s[m][5] - s[m + 1][5];
    s[m][3] = s[m][5] + s[m + 1][5] - 2.0 * (s[m + 1][6] - s[m][6]);
  }
  s[n - 1][4] = 0.0;
  s[n - 1][3] = 0.0;
  for (std::size_t m = 0; m < n; ++m) {
    s[m][2] = s[m][5] / delta;
    s[m][1] = 2.0 * s[m][4] / delta;
    s[m][0] = 3.0 * s[m][3] / delta;
  }
  return t;
}

SplinePoint evaluate(const SplineTable& table, double x) {
  const int n = static_cast<int>(table.knots.size());
  double p = x / table.delta + 1.0;
  int m = static_cast<int>(p);
  m = std::max(1, std::min(m, n - 1));
  p -= m;
  p = std::min(p, 1.0);
  const auto& c = table.knots[static_cast<std::size_t>(m - 1)];
  return {((c[3] * p + c[4]) * p + c[5]) * p + c[6], (c[0] * p + c[1]) * p + c[2]};
}

EamPotential EamPotential::from_funcfl(const std::vector<FuncflFile>& files) {
  if (files.empty()) throw InputError("", "an EAM potential needs at least one funcfl file");
  EamPotential pot;
  pot.lammps_style_ = "eam";
  double dr = 0.0, drho = 0.0, rmax = 0.0, rhomax = 0.0;
  for (const auto& file : files) {
    pot.elements_.push_back(file.element);
    pot.masses_amu_.push_back(file.mass_amu);
    pot.source_files_.push_back(file.path);
    dr = std::max(dr, file.dr_A);
    drho = std::max(drho, file.drho);
    rmax = std::max(rmax, (file.nr - 1) * file.dr_A);
    rhomax = std::max(rhomax, (file.nrho - 1) * file.drho);
    pot.cutoff_A_ = std::max(pot.cutoff_A_, file.cutoff_A);
  }
  // LAMMPS: "0.5 is for round-off in divide"; the common grid has one knot fewer than the file.
  const int nr = static_cast<int>(rmax / dr + 0.5);
  const int nrho = static_cast<int>(rhomax / drho + 0.5);
  pot.rho_max_ = rhomax;
  const std::size_t n = files.size();
  std::vector<double> grid;
  for (const auto& file : files) {
    grid.assign(static_cast<std::size_t>(nrho), 0.0);
    for (int m = 0; m < nrho; ++m)
      grid[static_cast<std::size_t>(m)] = lagrange4(file.embedding_eV, file.drho, m * drho);
    pot.frho_.push_back(SplineTable::from_values(grid, drho));
    grid.assign(static_cast<std::size_t>(nr), 0.0);
    for (int m = 0; m < nr; ++m)
      grid[static_cast<std::size_t>(m)] = lagrange4(file.density, file.dr_A, m * dr);
    pot.rhor_.push_back(SplineTable::from_values(grid, dr));
  }
  pot.type2rhor_.assign(n * n, 0);
  pot.type2z2r_.assign(n * n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) pot.type2rhor_[i * n + j] = static_cast<int>(j);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      grid.assign(static_cast<std::size_t>(nr), 0.0);
      for (int m = 0; m < nr; ++m) {
        const double r = m * dr;
        grid[static_cast<std::size_t>(m)] = kLammpsHartreeBohrEVA *
                                            lagrange4(files[i].z_effective, files[i].dr_A, r) *
                                            lagrange4(files[j].z_effective, files[j].dr_A, r);
      }
      const int index = static_cast<int>(pot.z2r_.size());
      pot.z2r_.push_back(SplineTable::from_values(grid, dr));
      pot.type2z2r_[i * n + j] = index;
      pot.type2z2r_[j * n + i] = index;
    }
  }
  return pot;
}

EamPotential EamPotential::from_setfl(const SetflFile& file,
                                      const std::vector<std::string>& wanted) {
  EamPotential pot;
  pot.lammps_style_ = "eam/alloy";
  pot.source_files_.push_back(file.path);
  pot.cutoff_A_ = file.cutoff_A;
  pot.rho_max_ = (file.nrho - 1) * file.drho;
  const std::vector<std::string> elements = wanted.empty() ? file.elements : wanted;
  std::vector<std::size_t> map;
  for (const auto& element : elements) {
    const auto it = std::find(file.elements.begin(), file.elements.end(), element);
    if (it == file.elements.end()) {
      throw InputError(file.path, "element " + element + " is not in this setfl file");
    }
    map.push_back(static_cast<std::size_t>(it - file.elements.begin()));
    pot.elements_.push_back(element);
    pot.masses_amu_.push_back(file.mass_amu[map.back()]);
  }
  for (std::size_t e = 0; e < file.elements.size(); ++e) {
    pot.frho_.push_back(SplineTable::from_values(file.embedding_eV[e], file.drho));
    pot.rhor_.push_back(SplineTable::from_values(file.density[e], file.dr_A));
  }
  for (const auto& table : file.r_phi_eV_A)
    pot.z2r_.push_back(SplineTable::from_values(table, file.dr_A));
  // Keep only the embedding tables of the chosen types, in type order.
  std::vector<SplineTable> frho;
  for (std::size_t m : map) frho.push_back(pot.frho_[m]);
  pot.frho_ = std::move(frho);
  const std::size_t n = elements.size();
  pot.type2rhor_.assign(n * n, 0);
  pot.type2z2r_.assign(n * n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      pot.type2rhor_[i * n + j] = static_cast<int>(map[j]);
      const std::size_t hi = std::max(map[i], map[j]), lo = std::min(map[i], map[j]);
      pot.type2z2r_[i * n + j] = static_cast<int>(hi * (hi + 1) / 2 + lo);
    }
  }
  return pot;
}

EamPotential EamPotential::read(const std::filesystem::path& path,
                                const std::vector<std::string>& elements) {
  const std::string name = path.filename().string();
  const auto ends_with = [&](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".eam.alloy") || ends_with(".setfl")) return from_setfl(read_setfl(path), elements);
  EamPotential pot = from_funcfl({read_funcfl(path)});
  if (!elements.empty() && (elements.size() != 1 || elements[0] != pot.elements_[0])) {
    throw InputError(path.string(), "this funcfl file describes " + pot.elements_[0] + " only");
  }
  return pot;
}

EamPotential read_eam_for_element(const std::filesystem::path& path, const std::string& element,
                                  const std::string& source) {
  EamPotential pot = EamPotential::read(path);
  if (pot.type_of(element) < 0) {
    std::string held;
    for (const auto& e : pot.elements()) held += (held.empty() ? "" : ", ") + e;
    throw InputError(source, "the EAM potential " + path.filename().string() + " is for " + held +
                                 ", not " + element + ": give a potential for " + element +
                                 " or the element it describes");
  }
  return pot.type_count() == 1 ? pot : EamPotential::read(path, {element});
}

int EamPotential::type_of(const std::string& element) const {
  const auto it = std::find(elements_.begin(), elements_.end(), element);
  return it == elements_.end() ? -1 : static_cast<int>(it - elements_.begin());
}

const SplineTable& EamPotential::density(int type_i, int type_j) const {
  return rhor_[static_cast<std::size_t>(type2rhor_[static_cast<std::size_t>(type_i) * type_count() +
                                                   static_cast<std::size_t>(type_j)])];
}

const SplineTable& EamPotential::r_phi(int type_i, int type_j) const {
  return z2r_[static_cast<std::size_t>(type2z2r_[static_cast<std::size_t>(type_i) * type_count() +
                                                 static_cast<std::size_t>(type_j)])];
}

double EamPotential::embedding_eV(int type, double rho) const {
  const SplinePoint f = evaluate(embedding(type), rho);
  // LAMMPS extrapolates linearly beyond the table end.
  return rho > rho_max_ ? f.value + f.derivative * (rho - rho_max_) : f.value;
}

double EamPotential::density_at(int type_i, int type_j, double r_A) const {
  return r_A < cutoff_A_ ? evaluate(density(type_i, type_j), r_A).value : 0.0;
}

double EamPotential::pair_eV(int type_i, int type_j, double r_A) const {
  return r_A < cutoff_A_ ? evaluate(r_phi(type_i, type_j), r_A).value / r_A : 0.0;
}

}  // namespace fw::md
