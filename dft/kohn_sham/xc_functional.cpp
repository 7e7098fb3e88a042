/// \file xc_functional.cpp
/// \brief libxc-based exchange–correlation (see xc_functional.hpp).
#include "dft/kohn_sham/xc_functional.hpp"

#include <omp.h>
#include <xc.h>
#include <xc_funcs.h>

#include <algorithm>
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
  }
}

XcFunctional::~XcFunctional() {
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
