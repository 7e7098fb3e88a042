/// \file ldos.cpp
/// \brief LDOS preconditioning of a density residual (Herbst & Levitt 2020).
#include "dft/mixing/ldos.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "dft/basis/grid_operators.hpp"
#include "dft/mixing/gmres.hpp"

namespace fw::dft {
namespace {

constexpr int kGmresMaxIterations = 40;

double mean(const std::vector<double>& f) {
  double s = 0.0;
  for (double v : f) s += v;
  return s / static_cast<double>(f.size());
}

}  // namespace

double ldos_broadening_hartree(double smearing_width_hartree) {
  return std::max(smearing_width_hartree, std::min(0.1, 100.0 * smearing_width_hartree));
}

double ldos_weight(double energy_hartree, double fermi_hartree, double broadening_hartree) {
  const double x = (energy_hartree - fermi_hartree) / broadening_hartree;
  return 2.0 * std::exp(-x * x) / (broadening_hartree * std::sqrt(std::numbers::pi));
}

LdosPreconditioner::LdosPreconditioner(std::vector<double> ldos_r, const std::vector<Vec3>& box_g,
                                       const FftPlans& plans, double volume_bohr3, double g_max,
                                       double tolerance)
    : ldos_r_(std::move(ldos_r)),
      box_g_(box_g),
      plans_(plans),
      volume_(volume_bohr3),
      g_max_(g_max),
      tolerance_(tolerance) {
  total_dos_ = mean(ldos_r_) * volume_;
}

void LdosPreconditioner::apply(std::vector<Complex>& residual_g) const {
  const Complex charge = residual_g[0];
  if (total_dos_ <= 1e-10) {  // an insulator: no metallic screening to model
    return;
  }
  residual_g[0] = 0.0;
  const std::vector<double> b = to_real(residual_g, plans_);
  const double dvol = volume_ / static_cast<double>(b.size());
  // ε† x = x − χ0 v_c x, v_c x = 4π x(G)/G² (G ≠ 0).
  const LinearOperator dielectric = [&](const std::vector<double>& x, std::vector<double>& y) {
    auto v_g = to_reciprocal(x, plans_);
    for (std::size_t i = 0; i < v_g.size(); ++i) {
      const double g2 = dot(box_g_[i], box_g_[i]);
      v_g[i] *= g2 < 1e-12 ? 0.0 : 4.0 * std::numbers::pi / g2;
    }
    const auto v = to_real(v_g, plans_);
    double fermi_shift = 0.0;  // δε_F = ∫D_loc δV / D keeps the electron count
    for (std::size_t i = 0; i < v.size(); ++i) fermi_shift += ldos_r_[i] * v[i];
    fermi_shift *= dvol / total_dos_;
    y.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = x[i] + ldos_r_[i] * (v[i] - fermi_shift);
    const double m = mean(y);
    for (double& e : y) e -= m;
  };
  const GmresResult solved = gmres(dielectric, b, tolerance_, kGmresMaxIterations);
  residual_g = to_reciprocal(solved.x, plans_);
  band_limit(residual_g, box_g_, g_max_);
  zero_nyquist(residual_g, plans_.grid());
  residual_g[0] = charge;
}

}  // namespace fw::dft
