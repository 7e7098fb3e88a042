/// \file pseudo_atom.cpp
/// \brief The screened pseudo-atom in a spherical-Bessel basis (see pseudo_atom.hpp).
///
/// The defaults R = 25 bohr, q_max = 10 bohr⁻¹ against R = 40, q_max = 20 (measured; the
/// test PseudoAtom.EigenvaluesConvergedInSphereRadiusAndBasisSize keeps it): q_max = 10 leaves
/// < 4e-6 Ha on every Au, Si and Al level (q_max = 8: 1.5e-4 Ha on Au 5s); R = 25 leaves 3e-6 Ha on
/// Au 6p (−0.028 Ha), 1e-4 Ha on the barely bound Si/Al 4s (−0.013 Ha) (R = 20: 3e-5 Ha on Au 6p,
/// 1.0e-3 Ha on Al 4s; R = 15: 4e-4 Ha on Au 6p). A level at −ε decays as e^{−√(2ε) r}; the wall at
/// R lifts it by ~e^{−2√(2ε) R}, so R scales with the most weakly bound level kept.
#include "dft/pseudo/pseudo_atom.hpp"

#include <cblas.h>
#include <lapacke.h>
#include <xc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

#include "core/error.hpp"
#include "dft/pseudo/radial.hpp"
#include "dft/pseudo/radial_grid.hpp"

namespace fw::dft {
namespace {

constexpr double kFourPi = 4.0 * std::numbers::pi;
/// Spacing of the uniform quadrature grid on [0, R] (bohr): Simpson's error on products of two
/// basis functions at q_max = 12 is ~(2 q_max h)⁴/180 ≈ 2e-5 relative.
constexpr double kStepBohr = 0.01;
/// ABINIT's xc_denpos: the density is clipped below at this value before libxc sees it.
constexpr double kDensityFloor = 1e-14;
/// A file's atomic density is complete when it holds Z_val to this fraction (the PSML reader's
/// own check on total-charge).
constexpr double kCompleteChargeTolerance = 1e-3;

double bessel_j(int l, double x) {
  return l <= 3 ? spherical_bessel(l, x) : std::sph_bessel(static_cast<unsigned>(l), x);
}

/// The positive zeros of j_l below x_max, ascending: sign changes on a 0.05 step (zeros are ~π
/// apart), then bisection.
std::vector<double> bessel_zeros(int l, double x_max) {
  std::vector<double> zeros;
  const double step = 0.05;
  double a = 0.5 * step, fa = bessel_j(l, a);
  for (double b = a + step; b <= x_max; a = b, b += step) {
    const double fb = bessel_j(l, b);
    if ((fa < 0.0) != (fb < 0.0)) {
      double lo = a, hi = b, flo = fa;
      for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi), fm = bessel_j(l, mid);
        if ((fm < 0.0) == (flo < 0.0)) {
          lo = mid;
          flo = fm;
        } else {
          hi = mid;
        }
      }
      zeros.push_back(0.5 * (lo + hi));
    }
    fa = fb;
  }
  return zeros;
}

/// F_k = ∫_0^{r_k} f dr on the uniform grid, cubic through four points per interval (O(h⁴)), the
/// end intervals quadratic through three.
std::vector<double> cumulative_integral(const std::vector<double>& f, double h) {
  const std::size_t n = f.size();
  std::vector<double> out(n, 0.0);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    double interval;
    if (k == 0)
      interval = h / 12.0 * (5.0 * f[0] + 8.0 * f[1] - f[2]);
    else if (k + 2 >= n)
      interval = h / 12.0 * (-f[k - 1] + 8.0 * f[k] + 5.0 * f[k + 1]);
    else
      interval = h / 24.0 * (-f[k - 1] + 13.0 * f[k] + 13.0 * f[k + 1] - f[k + 2]);
    out[k + 1] = out[k] + interval;
  }
  return out;
}

/// df/dr on the uniform grid r_k = k h, fourth order; f continued to r < 0 as parity·f(−r).
std::vector<double> radial_derivative(const std::vector<double>& f, double h, double parity) {
  const std::size_t n = f.size();
  auto at = [&](long k) {
    return k < 0 ? parity * f[static_cast<std::size_t>(-k)] : f[static_cast<std::size_t>(k)];
  };
  std::vector<double> d(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    const long i = static_cast<long>(k);
    if (k + 2 < n)
      d[k] = (at(i - 2) - 8.0 * at(i - 1) + 8.0 * at(i + 1) - at(i + 2)) / (12.0 * h);
    else
      d[k] = (f[k] - f[k - 1]) / h;
  }
  return d;
}

/// V_H(r) = Q(r)/r + ∫_r^R 4πρ r' dr' of the spherical density ρ on the uniform grid.
std::vector<double> hartree_potential(const std::vector<double>& r, const std::vector<double>& rho,
                                      double h) {
  const std::size_t n = r.size();
  std::vector<double> inner(n), outer(n);
  for (std::size_t k = 0; k < n; ++k) {
    inner[k] = kFourPi * rho[k] * r[k] * r[k];
    outer[k] = kFourPi * rho[k] * r[k];
  }
  const auto q = cumulative_integral(inner, h);
  const auto p = cumulative_integral(outer, h);
  std::vector<double> v(n);
  for (std::size_t k = 0; k < n; ++k) v[k] = (k == 0 ? 0.0 : q[k] / r[k]) + (p.back() - p[k]);
  return v;
}

/// v_xc of the spherical density on the uniform grid through libxc; GGA: v_ρ − 2∇·(v_σ∇ρ) with
/// the radial divergence (1/r²) d/dr (r² g) = g' + 2g/r, g = v_σ ρ' (odd, so 3g'(0) at r = 0).
std::vector<double> xc_potential(const Pseudopotential& psp, const std::vector<double>& r,
                                 const std::vector<double>& rho_in, double h) {
  if (psp.functional.libxc_ids.empty())
    throw InputError(psp.source_path, "the pseudo-atom needs the file's functional (" +
                                          psp.functional.name + ") in libxc; it has none");
  const std::size_t n = r.size();
  std::vector<double> rho(n);
  for (std::size_t k = 0; k < n; ++k) rho[k] = std::max(rho_in[k], kDensityFloor);
  const auto drho = radial_derivative(rho, h, 1.0);
  std::vector<double> sigma(n), vrho(n, 0.0), vsigma(n, 0.0), exc(n), tmp_vrho(n), tmp_vsigma(n);
  for (std::size_t k = 0; k < n; ++k) sigma[k] = drho[k] * drho[k];
  bool gga = false;
  for (int id : psp.functional.libxc_ids) {
    xc_func_type f;
    if (xc_func_init(&f, id, XC_UNPOLARIZED) != 0)
      throw InputError(psp.source_path, "libxc does not know functional id " + std::to_string(id));
    const int family = f.info->family;
    if (family == XC_FAMILY_LDA) {
      xc_lda_exc_vxc(&f, n, rho.data(), exc.data(), tmp_vrho.data());
    } else if (family == XC_FAMILY_GGA) {
      gga = true;
      xc_gga_exc_vxc(&f, n, rho.data(), sigma.data(), exc.data(), tmp_vrho.data(),
                     tmp_vsigma.data());
      for (std::size_t k = 0; k < n; ++k) vsigma[k] += tmp_vsigma[k];
    } else {
      xc_func_end(&f);
      throw InputError(
          psp.source_path,
          "the pseudo-atom supports LDA and GGA functionals only (id " + std::to_string(id) + ")");
    }
    xc_func_end(&f);
    for (std::size_t k = 0; k < n; ++k) vrho[k] += tmp_vrho[k];
  }
  if (gga) {
    std::vector<double> g(n);
    for (std::size_t k = 0; k < n; ++k) g[k] = vsigma[k] * drho[k];
    const auto dg = radial_derivative(g, h, -1.0);
    for (std::size_t k = 0; k < n; ++k)
      vrho[k] -= 2.0 * (k == 0 ? 3.0 * dg[0] : dg[k] + 2.0 * g[k] / r[k]);
  }
  return vrho;
}

/// Core shells per l when the Z − Z_val core electrons fill complete shells in (n, l) order
/// (1s 2s 2p 3s 3p 3d 4s 4p 4d 4f 5s …: Au's 60-electron ONCVPSP core is 1s–4f, its 68-electron
/// ATOM core adds 5s 5p). A partly filled last shell counts as valence.
std::vector<int> core_shells_per_l(const Pseudopotential& psp) {
  std::vector<int> shells(8, 0);
  auto remaining = static_cast<long>(std::lround(psp.z_atom - psp.z_valence));
  for (int n = 1; n <= 8 && remaining > 0; ++n)
    for (int l = 0; l < n && remaining > 0; ++l) {
      const long capacity = 2 * (2 * l + 1);
      if (remaining < capacity) return shells;
      remaining -= capacity;
      ++shells[static_cast<std::size_t>(l)];
    }
  return shells;
}

/// Simpson weights of the uniform grid (n odd; a leftover last interval by the trapezoid).
std::vector<double> simpson_weights(std::size_t n, double h) {
  std::vector<double> w(n, 0.0);
  const std::size_t n_simpson = n % 2 == 1 ? n : n - 1;
  for (std::size_t k = 0; k < n_simpson; ++k)
    w[k] = h / 3.0 * ((k == 0 || k + 1 == n_simpson) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0));
  if (n_simpson < n) {
    w[n - 2] += 0.5 * h;
    w[n - 1] += 0.5 * h;
  }
  return w;
}

/// One channel's basis: q_n, and N_n j_l(q_n r) on the quadrature grid (row k, column n).
struct BesselBasis {
  int l = 0;
  std::vector<double> q;
  std::vector<double> norm;
  std::vector<double> j_on_grid;  ///< (n_grid x n_basis), row-major
  std::size_t size() const { return q.size(); }
  double u(std::size_t n, double r) const { return norm[n] * r * bessel_j(l, q[n] * r); }
};

BesselBasis make_basis(int l, const std::vector<double>& r, const PseudoAtomOptions& o) {
  BesselBasis b;
  b.l = l;
  const double radius = o.sphere_radius_bohr;
  for (double z : bessel_zeros(l, o.q_max_per_bohr * radius)) {
    b.q.push_back(z / radius);
    // ∫_0^R r² j_l(q r)² dr = R³ j_{l+1}(qR)²/2 at a zero of j_l.
    b.norm.push_back(std::sqrt(2.0 / (radius * radius * radius)) / std::abs(bessel_j(l + 1, z)));
  }
  const std::size_t nb = b.size();
  b.j_on_grid.resize(r.size() * nb);
  for (std::size_t k = 0; k < r.size(); ++k)
    for (std::size_t n = 0; n < nb; ++n)
      b.j_on_grid[k * nb + n] = b.norm[n] * bessel_j(l, b.q[n] * r[k]);
  return b;
}

/// One channel's fixed part: the basis on the quadrature grid (U_kn = r_k N_n j_l(q_n r_k),
/// row-major) and the kinetic plus nonlocal matrix ½q_n² δ_mn + Σ_ij ⟨u_m|β_i⟩ D_ij ⟨β_j|u_n⟩
/// (overlaps on the file's grid, where the projectors are tabulated).
struct Channel {
  BesselBasis basis;
  std::vector<double> u;
  std::vector<double> h_fixed;
};

Channel make_channel(const Pseudopotential& psp, int l, const std::vector<double>& r,
                     const PseudoAtomOptions& options) {
  Channel c;
  c.basis = make_basis(l, r, options);
  const BesselBasis& b = c.basis;
  const std::size_t nb = b.size(), ng = r.size();
  c.u.resize(ng * nb);
  for (std::size_t k = 0; k < ng; ++k)
    for (std::size_t n = 0; n < nb; ++n) c.u[k * nb + n] = r[k] * b.j_on_grid[k * nb + n];
  c.h_fixed.assign(nb * nb, 0.0);
  for (std::size_t n = 0; n < nb; ++n) c.h_fixed[n * nb + n] = 0.5 * b.q[n] * b.q[n];
  for (const KbChannel& channel : psp.channels) {
    if (channel.l != l) continue;
    const std::size_t np = channel.projectors.size();
    std::vector<double> overlap(np * nb, 0.0), integrand(psp.n_points());
    for (std::size_t i = 0; i < np; ++i) {
      const auto& r_beta = channel.projectors[i].r_beta;
      // The projector's support: beyond its last non-zero value the integrand vanishes.
      std::size_t support = psp.n_points();
      while (support > 0 && r_beta[support - 1] == 0.0) --support;
      for (std::size_t n = 0; n < nb; ++n) {
        std::fill(integrand.begin(), integrand.end(), 0.0);
        for (std::size_t k = 0; k < support && psp.r_bohr[k] <= options.sphere_radius_bohr; ++k)
          integrand[k] = r_beta[k] * b.u(n, psp.r_bohr[k]);
        overlap[i * nb + n] = radial_integral(psp, integrand);
      }
    }
    for (std::size_t i = 0; i < np; ++i)
      for (std::size_t j = 0; j < np; ++j) {
        const double d = channel.d(i, j);
        if (d == 0.0) continue;
        for (std::size_t m = 0; m < nb; ++m)
          for (std::size_t n = 0; n < nb; ++n)
            c.h_fixed[m * nb + n] += overlap[i * nb + m] * d * overlap[j * nb + n];
      }
  }
  return c;
}

/// Eigenpairs of H_l = h_fixed + Uᵀ diag(w V) U (eigenvalues ascending, eigenvectors as columns of
/// the row-major `vectors`).
void diagonalise(const Channel& c, const std::vector<double>& weights,
                 const std::vector<double>& v_screened, std::vector<double>& energies,
                 std::vector<double>& vectors) {
  const std::size_t nb = c.basis.size(), ng = weights.size();
  std::vector<double> wvu(ng * nb);
  for (std::size_t k = 0; k < ng; ++k)
    for (std::size_t n = 0; n < nb; ++n)
      wvu[k * nb + n] = weights[k] * v_screened[k] * c.u[k * nb + n];
  vectors = c.h_fixed;
  cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, static_cast<int>(nb), static_cast<int>(nb),
              static_cast<int>(ng), 1.0, c.u.data(), static_cast<int>(nb), wvu.data(),
              static_cast<int>(nb), 1.0, vectors.data(), static_cast<int>(nb));
  energies.assign(nb, 0.0);
  const int info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'U', static_cast<int>(nb), vectors.data(),
                                  static_cast<int>(nb), energies.data());
  if (info != 0)
    throw std::runtime_error("pseudo-atom: dsyevd failed (info " + std::to_string(info) + ")");
}

/// A bound level while solving: its channel, index in the channel and coefficients.
struct Solution {
  std::size_t channel = 0, index = 0;
  double energy = 0.0, occupation = 0.0;
  std::vector<double> coefficients;
};

/// Bound levels of every channel at the screened potential, lowest first, with aufbau
/// occupations holding `electrons`.
std::vector<Solution> bound_levels(const std::vector<Channel>& channels,
                                   const std::vector<double>& weights,
                                   const std::vector<double>& v_screened, double electrons) {
  std::vector<Solution> levels;
  std::vector<double> energies, vectors;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    diagonalise(channels[c], weights, v_screened, energies, vectors);
    const std::size_t nb = energies.size();
    for (std::size_t i = 0; i < nb && energies[i] < 0.0; ++i) {
      Solution s{c, i, energies[i], 0.0, std::vector<double>(nb)};
      for (std::size_t n = 0; n < nb; ++n) s.coefficients[n] = vectors[n * nb + i];
      levels.push_back(std::move(s));
    }
  }
  std::stable_sort(levels.begin(), levels.end(),
                   [](const Solution& a, const Solution& b) { return a.energy < b.energy; });
  double remaining = electrons;
  for (Solution& s : levels) {
    const double capacity = 2.0 * (2 * channels[s.channel].basis.l + 1);
    s.occupation = std::min(capacity, std::max(remaining, 0.0));
    remaining -= s.occupation;
  }
  return levels;
}

/// Pulay's coefficients: minimise |Σ c_i R_i|² subject to Σ c_i = 1 (the bordered normal
/// equations); the newest residual alone where the system is singular.
std::vector<double> pulay_coefficients(const std::vector<std::vector<double>>& residuals,
                                       const std::vector<double>& r,
                                       const std::vector<double>& weights) {
  const std::size_t m = residuals.size(), dim = m + 1;
  std::vector<double> a(dim * dim, 0.0), b(dim, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double dot = 0.0;
      for (std::size_t k = 0; k < r.size(); ++k)
        dot += weights[k] * kFourPi * r[k] * r[k] * residuals[i][k] * residuals[j][k];
      a[i * dim + j] = a[j * dim + i] = dot;
    }
    a[i * dim + m] = a[m * dim + i] = 1.0;
  }
  b[m] = 1.0;
  std::vector<int> pivots(dim);
  const int info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, static_cast<int>(dim), 1, a.data(),
                                 static_cast<int>(dim), pivots.data(), b.data(), 1);
  std::vector<double> c(m, 0.0);
  if (info != 0) {
    c.back() = 1.0;
    return c;
  }
  std::copy(b.begin(), b.begin() + static_cast<long>(m), c.begin());
  return c;
}

/// Σ f |φ|² / 4π on the quadrature grid, φ(r) = Σ_n c_n N_n j_l(q_n r).
std::vector<double> level_density(const std::vector<Channel>& channels,
                                  const std::vector<Solution>& levels, std::size_t n_grid) {
  std::vector<double> rho(n_grid, 0.0);
  for (const Solution& s : levels) {
    if (s.occupation <= 0.0) continue;
    const BesselBasis& b = channels[s.channel].basis;
    const std::size_t nb = b.size();
    for (std::size_t k = 0; k < n_grid; ++k) {
      double phi = 0.0;
      for (std::size_t n = 0; n < nb; ++n) phi += s.coefficients[n] * b.j_on_grid[k * nb + n];
      rho[k] += s.occupation * phi * phi / kFourPi;
    }
  }
  return rho;
}

}  // namespace

std::string PseudoAtomLevel::label() const {
  static const char kLetters[] = "spdfghik";
  return std::to_string(n) + (l >= 0 && l < 8 ? kLetters[l] : '?');
}

PseudoAtom solve_pseudo_atom(const Pseudopotential& psp, const PseudoAtomOptions& options) {
  if (!(options.sphere_radius_bohr > 2.0) || !(options.q_max_per_bohr > 1.0))
    throw std::invalid_argument("solve_pseudo_atom: need R > 2 bohr and q_max > 1 bohr^-1");
  const double h = kStepBohr;
  const std::vector<double> r = uniform_radial_grid(h, options.sphere_radius_bohr);
  const std::size_t ng = r.size();
  const std::vector<double> weights = simpson_weights(ng, h);

  // The file's functions on the quadrature grid; beyond the file's last point V_loc is the
  // Coulomb tail −Z_val/r and the densities vanish.
  std::vector<double> v_local = resample_radial(psp.r_bohr, psp.v_local_hartree, r);
  for (std::size_t k = 0; k < ng; ++k)
    if (r[k] > psp.r_bohr.back() * (1.0 + 1e-12)) v_local[k] = -psp.z_valence / r[k];
  const std::vector<double> rho_core = psp.rho_core.empty()
                                           ? std::vector<double>(ng, 0.0)
                                           : resample_radial(psp.r_bohr, psp.rho_core, r);
  PseudoAtom atom;
  std::vector<double> rho(ng);
  if (!psp.rho_valence_atom.empty()) {
    rho = resample_radial(psp.r_bohr, psp.rho_valence_atom, r);
    std::vector<double> integrand(psp.n_points());
    for (std::size_t k = 0; k < integrand.size(); ++k)
      integrand[k] = kFourPi * psp.r_bohr[k] * psp.r_bohr[k] * psp.rho_valence_atom[k];
    atom.file_valence_charge = radial_integral(psp, integrand);
  } else {
    // The SCF's own fallback: a Gaussian of the valence charge, ρ(G) = Z_val e^{−G²/4}.
    for (std::size_t k = 0; k < ng; ++k)
      rho[k] = psp.z_valence * std::exp(-r[k] * r[k]) / std::pow(std::numbers::pi, 1.5);
  }
  // A density short of Z_val (psp8 tabulates it only out to rlmax, 5 bohr for the ONCVPSP Au,
  // 0.07 e⁻ short) leaves a −ΔQ/r tail that binds every level ~12 mHa too deep.
  const bool complete = std::abs(atom.file_valence_charge - psp.z_valence) <=
                        kCompleteChargeTolerance * std::max(1.0, psp.z_valence);
  const bool self_consistent = options.self_consistent || !complete;

  std::vector<Channel> channels;
  for (int l = 0; l <= std::max(psp.l_max(), 0); ++l)
    channels.push_back(make_channel(psp, l, r, options));

  std::vector<Solution> levels;
  // Pulay (DIIS) mixing of the density, Pulay, Chem. Phys. Lett. 73, 393 (1980): the input
  // densities and residuals of the last kHistory steps, the residual norm ∫4πr²R_iR_j dr.
  constexpr int kMaxIterations = 200;
  constexpr std::size_t kHistory = 6;
  constexpr double kBeta = 0.3, kChargeTolerance = 1e-9;
  std::vector<std::vector<double>> rho_history, residual_history;
  for (int iteration = 0;; ++iteration) {
    std::vector<double> total(ng);
    for (std::size_t k = 0; k < ng; ++k) total[k] = rho[k] + rho_core[k];
    const std::vector<double> v_h = hartree_potential(r, rho, h);
    const std::vector<double> v_xc = xc_potential(psp, r, total, h);
    std::vector<double> v(ng);
    for (std::size_t k = 0; k < ng; ++k) v[k] = v_local[k] + v_h[k] + v_xc[k];
    levels = bound_levels(channels, weights, v, psp.z_valence);
    if (!self_consistent) break;
    const std::vector<double> rho_out = level_density(channels, levels, ng);
    std::vector<double> residual(ng);
    double charge_residual = 0.0;
    for (std::size_t k = 0; k < ng; ++k) {
      residual[k] = rho_out[k] - rho[k];
      charge_residual += weights[k] * kFourPi * r[k] * r[k] * std::abs(residual[k]);
    }
    atom.scf_iterations = iteration + 1;
    if (charge_residual < kChargeTolerance * std::max(1.0, psp.z_valence)) break;
    if (iteration + 1 == kMaxIterations)
      throw std::runtime_error("pseudo-atom of " + psp.source_path + " did not converge in " +
                               std::to_string(kMaxIterations) + " iterations");
    rho_history.push_back(rho);
    residual_history.push_back(residual);
    if (rho_history.size() > kHistory) {
      rho_history.erase(rho_history.begin());
      residual_history.erase(residual_history.begin());
    }
    const std::vector<double> c = pulay_coefficients(residual_history, r, weights);
    std::fill(rho.begin(), rho.end(), 0.0);
    for (std::size_t i = 0; i < c.size(); ++i)
      for (std::size_t k = 0; k < ng; ++k)
        rho[k] += c[i] * (rho_history[i][k] + kBeta * residual_history[i][k]);
  }
  atom.self_consistent = self_consistent;

  const std::vector<int> core = core_shells_per_l(psp);
  for (const Solution& s : levels) {
    const BesselBasis& b = channels[s.channel].basis;
    PseudoAtomLevel level;
    level.l = b.l;
    level.n =
        b.l + 1 + core[static_cast<std::size_t>(std::min(b.l, 7))] + static_cast<int>(s.index);
    level.energy_hartree = s.energy;
    level.occupation = s.occupation;
    // rφ on the quadrature grid, then onto the file's grid (8-point Lagrange; 0 beyond R).
    const std::size_t nb = b.size();
    std::vector<double> r_phi(ng);
    for (std::size_t k = 0; k < ng; ++k) {
      double value = 0.0;
      for (std::size_t n = 0; n < nb; ++n) value += s.coefficients[n] * b.j_on_grid[k * nb + n];
      r_phi[k] = r[k] * value;
    }
    level.r_phi = resample_radial(r, r_phi, psp.r_bohr);
    std::vector<double> squared(psp.n_points());
    double largest = 0.0;
    for (std::size_t k = 0; k < squared.size(); ++k) {
      squared[k] = level.r_phi[k] * level.r_phi[k];
      largest = std::max(largest, std::abs(level.r_phi[k]));
    }
    const double norm = std::sqrt(radial_integral(psp, squared));
    // Sign: positive where it first rises above 1e-3 of its largest magnitude (near r = 0).
    double sign = 1.0;
    for (double value : level.r_phi)
      if (std::abs(value) > 1e-3 * largest) {
        sign = value > 0.0 ? 1.0 : -1.0;
        break;
      }
    for (double& value : level.r_phi) value *= sign / norm;
    atom.levels.push_back(std::move(level));
  }
  return atom;
}

std::vector<AtomicOrbital> starting_orbitals(const PseudoAtom& atom) {
  // Per l: the highest occupied level's n (or none).
  std::vector<int> highest_occupied_n(8, -1);
  for (const PseudoAtomLevel& level : atom.levels)
    if (level.occupation > 0.0 && level.l < 8)
      highest_occupied_n[static_cast<std::size_t>(level.l)] =
          std::max(highest_occupied_n[static_cast<std::size_t>(level.l)], level.n);
  std::vector<bool> next_taken(8, false);
  std::vector<AtomicOrbital> orbitals;
  for (const PseudoAtomLevel& level : atom.levels) {  // lowest first
    if (level.l >= 8) continue;
    const auto l = static_cast<std::size_t>(level.l);
    bool take = level.occupation > 0.0;
    if (!take && !next_taken[l] && level.n > highest_occupied_n[l]) take = next_taken[l] = true;
    if (take)
      orbitals.push_back(AtomicOrbital{level.l, level.label(), level.r_phi, level.energy_hartree});
  }
  return orbitals;
}

}  // namespace fw::dft
