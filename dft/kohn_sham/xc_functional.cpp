/// \file xc_functional.cpp
/// \brief libxc-based exchange–correlation (see xc_functional.hpp).
#include "dft/kohn_sham/xc_functional.hpp"

#include <omp.h>
#include <xc.h>
#include <xc_funcs.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "dft/basis/grid_operators.hpp"

namespace fw::dft {
namespace {

constexpr double kDensityFloor = 1e-14;

/// ∇f on the grid by FFT (Nyquist components dropped), three components.
std::array<std::vector<double>, 3> gradient(const std::vector<double>& f,
                                            const std::vector<Vec3>& box_g, const FftPlans& plans,
                                            const std::vector<unsigned char>& nyquist) {
  const std::size_t n = f.size();
  FftBuffer f_g(n), work(n);
  for (std::size_t i = 0; i < n; ++i) f_g[i] = f[i];
  plans.to_reciprocal_space(f_g.data());
  const double inv_n = 1.0 / static_cast<double>(n);
  std::array<std::vector<double>, 3> out;
  for (int d = 0; d < 3; ++d) {
    for (std::size_t i = 0; i < n; ++i)
      work[i] = nyquist[i] ? Complex(0.0) : Complex(0.0, box_g[i][d] * inv_n) * f_g[i];
    plans.to_real_space(work.data());
    auto& component = out[static_cast<std::size_t>(d)];
    component.resize(n);
    for (std::size_t i = 0; i < n; ++i) component[i] = work[i].real();
  }
  return out;
}

/// ∇·w on the grid by FFT, for the field w = (w_x, w_y, w_z).
std::vector<double> divergence(const std::array<std::vector<double>, 3>& w,
                               const std::vector<Vec3>& box_g, const FftPlans& plans,
                               const std::vector<unsigned char>& nyquist) {
  const std::size_t n = w[0].size();
  FftBuffer sum(n), work(n);
  const double inv_n = 1.0 / static_cast<double>(n);
  for (int d = 0; d < 3; ++d) {
    for (std::size_t i = 0; i < n; ++i) work[i] = w[static_cast<std::size_t>(d)][i];
    plans.to_reciprocal_space(work.data());
    for (std::size_t i = 0; i < n; ++i)
      if (!nyquist[i]) sum[i] += Complex(0.0, box_g[i][d] * inv_n) * work[i];
  }
  plans.to_real_space(sum.data());
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = sum[i].real();
  return out;
}

}  // namespace

XcFunctional::XcFunctional(std::vector<int> libxc_ids) : ids_(std::move(libxc_ids)) {
  if (ids_.empty()) throw std::invalid_argument("XcFunctional: no functional given");
  for (int id : ids_) {
    auto* f = new xc_func_type;
    if (xc_func_init(f, id, XC_UNPOLARIZED) != 0) {
      delete f;
      throw InputError("--xc", "libxc does not know functional id " + std::to_string(id));
    }
    const int family = f->info->family;
    if (family == XC_FAMILY_GGA)
      is_gga_ = true;
    else if (family != XC_FAMILY_LDA) {
      xc_func_end(f);
      delete f;
      throw InputError(
          "--xc", "only LDA and GGA functionals are supported (id " + std::to_string(id) + ")");
    }
    functionals_.push_back(f);
    auto* polarized = new xc_func_type;
    if (xc_func_init(polarized, id, XC_POLARIZED) != 0) {
      delete polarized;
      throw InputError("--xc",
                       "libxc has no spin-polarised form of functional id " + std::to_string(id));
    }
    polarized_.push_back(polarized);
  }
}

XcFunctional::~XcFunctional() {
  for (void* p : polarized_) {
    auto* f = static_cast<xc_func_type*>(p);
    xc_func_end(f);
    delete f;
  }
  for (void* p : functionals_) {
    auto* f = static_cast<xc_func_type*>(p);
    xc_func_end(f);
    delete f;
  }
}

std::string XcFunctional::name() const {
  std::string out;
  for (void* p : functionals_) {
    if (!out.empty()) out += "+";
    // libxc returns a malloc'd copy that the caller owns.
    std::unique_ptr<char, decltype(&std::free)> name(
        xc_functional_get_name(static_cast<xc_func_type*>(p)->info->number), &std::free);
    if (name) out += name.get();
  }
  return out;
}

double XcFunctional::evaluate(const std::vector<double>& rho_in, const std::vector<Vec3>& box_g,
                              const FftPlans& plans, double volume_bohr3, std::vector<double>& v_xc,
                              Mat3* gradient_stress) const {
  const FftGrid& grid = plans.grid();
  const std::size_t n = grid.size();
  std::vector<double> rho(n);
  for (std::size_t i = 0; i < n; ++i) rho[i] = std::max(rho_in[i], kDensityFloor);
  std::vector<double> zk(n), vrho(n, 0.0), vsigma, sigma, tmp_vrho(n), tmp_vsigma, tmp_zk(n);
  std::vector<std::vector<double>> grad;
  std::fill(zk.begin(), zk.end(), 0.0);
  const std::vector<unsigned char> nyquist =
      is_gga_ ? nyquist_mask(grid) : std::vector<unsigned char>();
  if (is_gga_) {
    FftBuffer rho_g(n), work(n);
    for (std::size_t i = 0; i < n; ++i) rho_g[i] = rho[i];
    plans.to_reciprocal_space(rho_g.data());
    const double inv_n = 1.0 / static_cast<double>(n);
    grad.assign(3, std::vector<double>(n));
    sigma.assign(n, 0.0);
    for (int d = 0; d < 3; ++d) {
      for (std::size_t i = 0; i < n; ++i)
        work[i] = nyquist[i] ? Complex(0.0) : Complex(0.0, box_g[i][d] * inv_n) * rho_g[i];
      plans.to_real_space(work.data());
      for (std::size_t i = 0; i < n; ++i) {
        grad[static_cast<std::size_t>(d)][i] = work[i].real();
        sigma[i] += work[i].real() * work[i].real();
      }
    }
    vsigma.assign(n, 0.0);
    tmp_vsigma.resize(n);
  }
  // Pointwise, so each thread evaluates its own contiguous chunk of the grid (libxc only reads the
  // shared xc_func_type); the numbers do not depend on the chunking.
  const int threads = std::max(1, omp_get_max_threads());
  const auto chunks = static_cast<std::size_t>(threads);
  for (void* p : functionals_) {
    auto* f = static_cast<xc_func_type*>(p);
    const bool gga = f->info->family == XC_FAMILY_GGA;
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
    for (std::size_t c = 0; c < chunks; ++c) {
      const std::size_t first = n * c / chunks, count = n * (c + 1) / chunks - first;
      if (gga)
        xc_gga_exc_vxc(f, count, rho.data() + first, sigma.data() + first, tmp_zk.data() + first,
                       tmp_vrho.data() + first, tmp_vsigma.data() + first);
      else
        xc_lda_exc_vxc(f, count, rho.data() + first, tmp_zk.data() + first,
                       tmp_vrho.data() + first);
    }
    if (gga)
      for (std::size_t i = 0; i < n; ++i) vsigma[i] += tmp_vsigma[i];
    for (std::size_t i = 0; i < n; ++i) {
      zk[i] += tmp_zk[i];
      vrho[i] += tmp_vrho[i];
    }
  }
  double energy = 0.0;
  for (std::size_t i = 0; i < n; ++i) energy += rho[i] * zk[i];
  energy *= volume_bohr3 / static_cast<double>(n);
  v_xc = vrho;
  if (gradient_stress) {
    *gradient_stress = Mat3{};
    if (is_gga_)
      for (int i = 0; i < 3; ++i)
        for (int j = i; j < 3; ++j) {
          const auto& gi = grad[static_cast<std::size_t>(i)];
          const auto& gj = grad[static_cast<std::size_t>(j)];
          double sum = 0.0;
          for (std::size_t r = 0; r < n; ++r) sum += vsigma[r] * gi[r] * gj[r];
          (*gradient_stress)[i][j] = (*gradient_stress)[j][i] = -2.0 * sum / static_cast<double>(n);
        }
  }
  if (is_gga_) {
    // v −= 2 ∇·(v_σ ∇ρ)
    FftBuffer divergence(n), work(n);
    const double inv_n = 1.0 / static_cast<double>(n);
    for (int d = 0; d < 3; ++d) {
      for (std::size_t i = 0; i < n; ++i)
        work[i] = vsigma[i] * grad[static_cast<std::size_t>(d)][i];
      plans.to_reciprocal_space(work.data());
      for (std::size_t i = 0; i < n; ++i)
        if (!nyquist[i]) divergence[i] += Complex(0.0, box_g[i][d] * inv_n) * work[i];
    }
    plans.to_real_space(divergence.data());
    for (std::size_t i = 0; i < n; ++i) v_xc[i] -= 2.0 * divergence[i].real();
  }
  return energy;
}

double XcFunctional::evaluate_polarized(const std::vector<double>& rho_up,
                                        const std::vector<double>& rho_down,
                                        const std::vector<Vec3>& box_g, const FftPlans& plans,
                                        double volume_bohr3, std::vector<double>& v_up,
                                        std::vector<double>& v_down) const {
  const std::size_t n = plans.grid().size();
  // libxc's spin layout: ρ (↑, ↓) per point; σ (↑↑, ↑↓, ↓↓) per point; the same for v_ρ, v_σ.
  std::vector<double> rho(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    rho[2 * i] = std::max(rho_up[i], 0.5 * kDensityFloor);
    rho[2 * i + 1] = std::max(rho_down[i], 0.5 * kDensityFloor);
  }
  const std::vector<unsigned char> nyquist =
      is_gga_ ? nyquist_mask(plans.grid()) : std::vector<unsigned char>();
  std::array<std::vector<double>, 3> grad_up, grad_down;
  std::vector<double> sigma;
  if (is_gga_) {
    std::vector<double> channel(n);
    for (std::size_t i = 0; i < n; ++i) channel[i] = rho[2 * i];
    grad_up = gradient(channel, box_g, plans, nyquist);
    for (std::size_t i = 0; i < n; ++i) channel[i] = rho[2 * i + 1];
    grad_down = gradient(channel, box_g, plans, nyquist);
    sigma.assign(3 * n, 0.0);
    for (std::size_t d = 0; d < 3; ++d)
      for (std::size_t i = 0; i < n; ++i) {
        sigma[3 * i] += grad_up[d][i] * grad_up[d][i];
        sigma[3 * i + 1] += grad_up[d][i] * grad_down[d][i];
        sigma[3 * i + 2] += grad_down[d][i] * grad_down[d][i];
      }
  }
  std::vector<double> zk(n, 0.0), vrho(2 * n, 0.0), vsigma(is_gga_ ? 3 * n : 0, 0.0);
  std::vector<double> tmp_zk(n), tmp_vrho(2 * n), tmp_vsigma(vsigma.size());
  const int threads = std::max(1, omp_get_max_threads());
  const auto chunks = static_cast<std::size_t>(threads);
  for (void* p : polarized_) {
    auto* f = static_cast<xc_func_type*>(p);
    const bool gga = f->info->family == XC_FAMILY_GGA;
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
    for (std::size_t c = 0; c < chunks; ++c) {
      const std::size_t first = n * c / chunks, count = n * (c + 1) / chunks - first;
      if (gga)
        xc_gga_exc_vxc(f, count, rho.data() + 2 * first, sigma.data() + 3 * first,
                       tmp_zk.data() + first, tmp_vrho.data() + 2 * first,
                       tmp_vsigma.data() + 3 * first);
      else
        xc_lda_exc_vxc(f, count, rho.data() + 2 * first, tmp_zk.data() + first,
                       tmp_vrho.data() + 2 * first);
    }
    for (std::size_t i = 0; i < n; ++i) zk[i] += tmp_zk[i];
    for (std::size_t i = 0; i < 2 * n; ++i) vrho[i] += tmp_vrho[i];
    if (gga)
      for (std::size_t i = 0; i < 3 * n; ++i) vsigma[i] += tmp_vsigma[i];
  }
  double energy = 0.0;
  for (std::size_t i = 0; i < n; ++i) energy += (rho[2 * i] + rho[2 * i + 1]) * zk[i];
  energy *= volume_bohr3 / static_cast<double>(n);
  v_up.resize(n);
  v_down.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    v_up[i] = vrho[2 * i];
    v_down[i] = vrho[2 * i + 1];
  }
  if (is_gga_) {
    std::array<std::vector<double>, 3> flux_up, flux_down;
    for (std::size_t d = 0; d < 3; ++d) {
      flux_up[d].resize(n);
      flux_down[d].resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        flux_up[d][i] = 2.0 * vsigma[3 * i] * grad_up[d][i] + vsigma[3 * i + 1] * grad_down[d][i];
        flux_down[d][i] =
            2.0 * vsigma[3 * i + 2] * grad_down[d][i] + vsigma[3 * i + 1] * grad_up[d][i];
      }
    }
    const auto div_up = divergence(flux_up, box_g, plans, nyquist);
    const auto div_down = divergence(flux_down, box_g, plans, nyquist);
    for (std::size_t i = 0; i < n; ++i) {
      v_up[i] -= div_up[i];
      v_down[i] -= div_down[i];
    }
  }
  return energy;
}

std::vector<int> parse_xc_functional(const std::string& text_in, const std::string& option) {
  std::string text = text_in;
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (text == "pbe") return {XC_GGA_X_PBE, XC_GGA_C_PBE};
  if (text == "lda" || text == "pw" || text == "pw92") return {XC_LDA_X, XC_LDA_C_PW};
  if (text == "pz") return {XC_LDA_X, XC_LDA_C_PZ};
  if (text == "pbesol") return {XC_GGA_X_PBE_SOL, XC_GGA_C_PBE_SOL};
  if (!text.empty() && text[0] == '-' && text.size() > 1 &&
      std::isdigit(static_cast<unsigned char>(text[1]))) {
    const int code = std::stoi(text.substr(1));
    std::vector<int> ids;
    if (code / 1000 > 0) ids.push_back(code / 1000);
    if (code % 1000 > 0) ids.push_back(code % 1000);
    return ids;
  }
  std::vector<int> ids;
  std::stringstream parts(text);
  std::string part;
  while (std::getline(parts, part, '+')) {
    if (part.empty()) continue;
    int id = 0;
    if (std::isdigit(static_cast<unsigned char>(part[0])))
      id = std::stoi(part);
    else
      id = xc_functional_get_number(part.c_str());
    if (id <= 0)
      throw InputError(option, "unknown exchange-correlation functional '" + part +
                                   "' (expected pbe, lda, pz, pbesol, libxc names or ids)");
    ids.push_back(id);
  }
  if (ids.empty()) throw InputError(option, "empty exchange-correlation functional");
  return ids;
}

}  // namespace fw::dft
