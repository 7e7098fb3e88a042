/// \file hgh.cpp
/// \brief GTH/HGH reader (ABINIT pspcod 3 and 10) and the analytic HGH functions (see hgh.hpp).
#include "dft/pseudo/hgh.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include "core/error.hpp"
#include "dft/pseudo/psp8.hpp"
#include "dft/pseudo/radial_grid.hpp"
#include "slabs/elements.hpp"

namespace fw::dft {
namespace {

constexpr double kPi = std::numbers::pi;

/// Numbers of one line, with its line number; labels after the numbers are ignored.
struct NumberLine {
  std::vector<double> values;
  int line = 0;
};

class HghLines {
 public:
  explicit HghLines(const std::string& path) : path_(path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, "cannot open pseudopotential file");
    std::string text;
    while (std::getline(in, text)) lines_.push_back(text);
  }
  const std::string& text(std::size_t index) const { return lines_.at(index); }
  bool has(std::size_t index) const { return index < lines_.size(); }
  /// Leading numbers of line `index` (0-based); at least `min_count` of them.
  NumberLine numbers(std::size_t index, std::size_t min_count, const std::string& what) const {
    const int line = static_cast<int>(index) + 1;
    if (!has(index)) throw InputError(path_, line, "unexpected end of file; expected " + what);
    std::string text = lines_[index];
    std::replace(text.begin(), text.end(), 'D', 'E');
    std::replace(text.begin(), text.end(), 'd', 'e');
    std::istringstream words(text);
    NumberLine result{{}, line};
    std::string word;
    while (words >> word) {
      char* end = nullptr;
      const double v = std::strtod(word.c_str(), &end);
      if (end == word.c_str() || *end != '\0') break;
      result.values.push_back(v);
    }
    if (result.values.size() < min_count) throw InputError(path_, line, "expected " + what);
    return result;
  }
  [[noreturn]] void fail(std::size_t index, const std::string& message) const {
    throw InputError(path_, static_cast<int>(index) + 1, message);
  }

 private:
  std::string path_;
  std::vector<std::string> lines_;
};

/// Full symmetric h from the diagonal ones of a pspcod 3 channel (HGH relations).
std::vector<double> full_h_from_diagonal(int l, const std::vector<double>& diagonal,
                                         const HghLines& lines, std::size_t line_index) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < diagonal.size(); ++i)
    if (diagonal[i] != 0.0) n = i + 1;
  if (l == 3 && n > 1)
    lines.fail(line_index,
               "HGH relations give off-diagonal h_ij only up to l = 2; found h22f != 0");
  std::vector<double> h(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) h[i * n + i] = diagonal[i];
  const double h22 = diagonal.size() > 1 ? diagonal[1] : 0.0;
  const double h33 = diagonal.size() > 2 ? diagonal[2] : 0.0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      h[i * n + j] = h[j * n + i] =
          hgh_offdiagonal(l, static_cast<int>(i + 1), static_cast<int>(j + 1), h22, h33);
  return h;
}

/// pspcod 3: "rloc c1 c2 c3 c4", then per l "r_l h11 h22 h33" (and a k line for l >= 1).
void read_pspcod3(const HghLines& lines, int lmax, GthParameters& p) {
  const auto local = lines.numbers(3, 5, "rloc c1 c2 c3 c4");
  p.r_loc_bohr = local.values[0];
  for (int k = 0; k < 4; ++k) p.c_hartree[k] = local.values[1 + k];
  std::size_t index = 4;
  for (int l = 0; l <= 3; ++l) {
    if (!lines.has(index)) {
      if (l <= lmax) lines.fail(index, "expected the l = " + std::to_string(l) + " line");
      break;
    }
    const auto row = lines.numbers(index, 4, "r_l h11 h22 h33 for l = " + std::to_string(l));
    const std::size_t h_line = index;
    index += (l == 0) ? 1 : 2;  // l >= 1 lines are followed by the spin-orbit k11 k22 k33 line
    const double r_l = row.values[0];
    const std::vector<double> diagonal(row.values.begin() + 1, row.values.begin() + 4);
    if (std::all_of(diagonal.begin(), diagonal.end(), [](double h) { return h == 0.0; })) continue;
    if (!(r_l > 0.0)) lines.fail(h_line, "expected r_l > 0 for a channel with nonzero h_ij");
    p.channels.push_back({l, r_l, full_h_from_diagonal(l, diagonal, lines, h_line)});
  }
}

/// pspcod 10: "rloc nloc c1..c_nloc", "nnonloc", then per l "r_l n h11 .. h1n", the remaining
/// upper-triangle rows, and for l >= 1 n rows of spin-orbit k_ij.
void read_pspcod10(const HghLines& lines, GthParameters& p) {
  const auto local = lines.numbers(3, 2, "rloc nloc c1 .. c_nloc");
  p.r_loc_bohr = local.values[0];
  const int nloc = static_cast<int>(std::lround(local.values[1]));
  if (nloc < 0 || nloc > 4 || local.values.size() < static_cast<std::size_t>(2 + nloc))
    lines.fail(3, "expected 0 <= nloc <= 4 followed by nloc coefficients C_i");
  for (int k = 0; k < nloc; ++k) p.c_hartree[k] = local.values[2 + static_cast<std::size_t>(k)];
  const int nnonloc = static_cast<int>(std::lround(lines.numbers(4, 1, "nnonloc").values[0]));
  if (nnonloc < 0 || nnonloc > 4) lines.fail(4, "expected 0 <= nnonloc <= 4");
  std::size_t index = 5;
  for (int l = 0; l < nnonloc; ++l) {
    const auto head = lines.numbers(index, 2, "r_l n h11 .. h1n for l = " + std::to_string(l));
    const double r_l = head.values[0];
    const auto n = static_cast<std::size_t>(std::lround(head.values[1]));
    if (n > 3) lines.fail(index, "expected at most 3 projectors per l");
    if (head.values.size() < 2 + n) lines.fail(index, "expected n values h11 .. h1n");
    std::vector<double> h(n * n, 0.0);
    for (std::size_t j = 0; j < n; ++j) h[j] = head.values[2 + j];
    for (std::size_t i = 1; i < n; ++i) {
      const auto row = lines.numbers(index + i, n - i, "row " + std::to_string(i + 1) + " of h_ij");
      for (std::size_t j = i; j < n; ++j) h[i * n + j] = row.values[j - i];
    }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < i; ++j) h[i * n + j] = h[j * n + i];
    index += (n == 0 ? 1 : n) + (l >= 1 ? n : 0);
    if (n == 0) continue;
    if (!(r_l > 0.0)) lines.fail(static_cast<std::size_t>(head.line - 1), "expected r_l > 0");
    p.channels.push_back({l, r_l, std::move(h)});
  }
}

/// Generalised Laguerre polynomial L_n^(α)(x) by its three-term recurrence.
double generalized_laguerre(int n, double alpha, double x) {
  double previous = 1.0;
  if (n == 0) return previous;
  double current = 1.0 + alpha - x;
  for (int k = 1; k < n; ++k) {
    const double next =
        ((2.0 * k + 1.0 + alpha - x) * current - (k + alpha) * previous) / (k + 1.0);
    previous = current;
    current = next;
  }
  return current;
}

}  // namespace

double hgh_offdiagonal(int l, int i, int j, double h22, double h33) {
  if (i > j) std::swap(i, j);
  // HGH, PRB 58, 3641 (1998): the off-diagonal couplings fixed by the diagonal ones.
  static const double k[3][3] = {
      {-0.5 * std::sqrt(3.0 / 5.0), 0.5 * std::sqrt(5.0 / 21.0), -0.5 * std::sqrt(100.0 / 63.0)},
      {-0.5 * std::sqrt(5.0 / 7.0), std::sqrt(35.0 / 11.0) / 6.0, -14.0 / (6.0 * std::sqrt(11.0))},
      {-0.5 * std::sqrt(7.0 / 9.0), 0.5 * std::sqrt(63.0 / 143.0), -9.0 / std::sqrt(143.0)}};
  if (l < 0 || l > 2 || i < 1 || j > 3 || i == j)
    throw std::invalid_argument("hgh_offdiagonal: need l <= 2 and 1 <= i < j <= 3");
  if (i == 1 && j == 2) return k[l][0] * h22;
  if (i == 1 && j == 3) return k[l][1] * h33;
  return k[l][2] * h33;
}

double gth_local_potential(const GthParameters& p, double r_bohr) {
  const double rl = p.r_loc_bohr;
  const double x = r_bohr / rl;
  const double gaussian = std::exp(-0.5 * x * x);
  const double polynomial =
      p.c_hartree[0] + x * x * (p.c_hartree[1] + x * x * (p.c_hartree[2] + x * x * p.c_hartree[3]));
  // −Z erf(r/(√2 r_loc))/r, with its r → 0 limit −Z √(2/π)/r_loc.
  const double coulomb = r_bohr < 1e-8 * rl ? -p.z_ion * std::sqrt(2.0 / kPi) / rl
                                            : -p.z_ion * std::erf(x / std::numbers::sqrt2) / r_bohr;
  return coulomb + gaussian * polynomial;
}

double gth_projector(int l, int i, double r_l_bohr, double r_bohr) {
  const double half_power = l + (4.0 * i - 1.0) / 2.0;
  const double norm =
      std::numbers::sqrt2 / (std::pow(r_l_bohr, half_power) * std::sqrt(std::tgamma(half_power)));
  return norm * std::pow(r_bohr, l + 2 * (i - 1)) *
         std::exp(-0.5 * r_bohr * r_bohr / (r_l_bohr * r_l_bohr));
}

double gth_projector_q(int l, int i, double r_l_bohr, double q_per_bohr) {
  // ∫ r^(l+2+2n) e^(−r²/2a²) j_l(qr) dr = √(π/2) a^(2l+3+2n) q^l e^(−x) 2^n n! L_n^(l+1/2)(x),
  // x = q²a²/2, n = i − 1; times 4π and the normalisation of p_i^l.
  const int n = i - 1;
  const double a = r_l_bohr;
  const double x = 0.5 * q_per_bohr * q_per_bohr * a * a;
  const double half_power = l + (4.0 * i - 1.0) / 2.0;
  const double norm =
      std::numbers::sqrt2 / (std::pow(a, half_power) * std::sqrt(std::tgamma(half_power)));
  const double n_factorial = std::tgamma(n + 1.0);
  return 4.0 * kPi * norm * std::sqrt(kPi / 2.0) * std::pow(a, 2 * l + 3 + 2 * n) *
         std::pow(q_per_bohr, l) * std::exp(-x) * std::pow(2.0, n) * n_factorial *
         generalized_laguerre(n, l + 0.5, x);
}

double gth_local_potential_q(const GthParameters& p, double q_per_bohr) {
  const double rl = p.r_loc_bohr;
  const double y = q_per_bohr * q_per_bohr * rl * rl;
  const double gaussian = std::exp(-0.5 * y);
  const auto& c = p.c_hartree;
  const double polynomial = c[0] + c[1] * (3.0 - y) + c[2] * (15.0 - 10.0 * y + y * y) +
                            c[3] * (105.0 - 105.0 * y + 21.0 * y * y - y * y * y);
  return -4.0 * kPi * p.z_ion / (q_per_bohr * q_per_bohr) * gaussian +
         std::pow(2.0 * kPi, 1.5) * rl * rl * rl * gaussian * polynomial;
}

double gth_local_potential_q0_finite(const GthParameters& p) {
  const double rl = p.r_loc_bohr;
  const auto& c = p.c_hartree;
  return 2.0 * kPi * p.z_ion * rl * rl +
         std::pow(2.0 * kPi, 1.5) * rl * rl * rl * (c[0] + 3.0 * c[1] + 15.0 * c[2] + 105.0 * c[3]);
}

HghFile read_hgh_file(const std::string& path) {
  const HghLines lines(path);
  HghFile file;
  const auto header = lines.numbers(1, 2, "zatom zion pspdat");
  file.z_atom = header.values[0];
  file.parameters.z_ion = header.values[1];
  if (!(file.parameters.z_ion > 0.0) || file.parameters.z_ion > file.z_atom)
    lines.fail(1, "expected 0 < zion <= zatom");
  const auto codes = lines.numbers(2, 6, "pspcod pspxc lmax lloc mmax r2well");
  file.pspcod = static_cast<int>(std::lround(codes.values[0]));
  file.pspxc = static_cast<int>(std::lround(codes.values[1]));
  const int lmax = static_cast<int>(std::lround(codes.values[2]));
  const int z = static_cast<int>(std::lround(file.z_atom));
  file.element = slabs::element(z, path).symbol;
  if (file.pspcod == 3)
    read_pspcod3(lines, lmax, file.parameters);
  else if (file.pspcod == 10)
    read_pspcod10(lines, file.parameters);
  else
    lines.fail(
        2, "expected pspcod 3 (HGH) or 10 (HGH, full h_ij), found " + std::to_string(file.pspcod));
  if (!(file.parameters.r_loc_bohr > 0.0)) lines.fail(3, "expected rloc > 0");
  return file;
}

Pseudopotential read_hgh(const std::string& path) {
  const HghFile file = read_hgh_file(path);
  const GthParameters& p = file.parameters;
  Pseudopotential psp;
  psp.source_path = path;
  psp.format = "hgh";
  psp.element = file.element;
  psp.z_atom = file.z_atom;
  psp.z_valence = p.z_ion;
  psp.functional = functional_from_abinit_ixc(file.pspxc);
  psp.relativistic = true;  // HGH 1998 potentials are fitted to relativistic all-electron atoms
  psp.r_bohr = uniform_radial_grid(kHghGridSpacingBohr, kHghGridMaxBohr);
  psp.rab_bohr.assign(psp.r_bohr.size(), kHghGridSpacingBohr);
  psp.v_local_hartree.resize(psp.r_bohr.size());
  for (std::size_t k = 0; k < psp.r_bohr.size(); ++k)
    psp.v_local_hartree[k] = gth_local_potential(p, psp.r_bohr[k]);
  for (const auto& gth_channel : p.channels) {
    KbChannel channel;
    channel.l = gth_channel.l;
    channel.d_ij_hartree = gth_channel.h_hartree;
    const std::size_t n = gth_channel.n_projectors();
    for (std::size_t i = 0; i < n; ++i) {
      KbProjector projector;
      projector.l = gth_channel.l;
      projector.r_beta.resize(psp.r_bohr.size());
      for (std::size_t k = 0; k < psp.r_bohr.size(); ++k)
        projector.r_beta[k] = psp.r_bohr[k] * gth_projector(gth_channel.l, static_cast<int>(i + 1),
                                                            gth_channel.r_l_bohr, psp.r_bohr[k]);
      channel.projectors.push_back(std::move(projector));
    }
    psp.channels.push_back(std::move(channel));
  }
  validate(psp);
  return psp;
}

}  // namespace fw::dft
