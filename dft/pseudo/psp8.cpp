/// \file psp8.cpp
/// \brief Reader of ABINIT's pspcod = 8 norm-conserving format (see psp8.hpp for the layout).
#include "dft/pseudo/psp8.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include "core/error.hpp"

namespace fw::dft {
namespace {

/// Line-oriented reader that knows where it is, for error messages.
class LineReader {
 public:
  explicit LineReader(const std::string& path) : path_(path), in_(path) {
    if (!in_) throw InputError(path, "cannot open pseudopotential file");
  }
  /// Next line split into numbers (Fortran 'D' exponents accepted); `min_count` numbers required.
  std::vector<double> numbers(std::size_t min_count, const std::string& what) {
    std::string line;
    if (!std::getline(in_, line)) fail("unexpected end of file; expected " + what);
    ++line_number_;
    std::replace(line.begin(), line.end(), 'D', 'E');
    std::replace(line.begin(), line.end(), 'd', 'e');
    std::istringstream words(line);
    std::vector<double> values;
    std::string word;
    while (words >> word) {
      char* end = nullptr;
      const double v = std::strtod(word.c_str(), &end);
      if (end == word.c_str() || *end != '\0') break;  // trailing labels such as "zatom,zion,pspd"
      values.push_back(v);
    }
    if (values.size() < min_count) fail("expected " + what);
    return values;
  }
  void skip_line(const std::string& what) {
    std::string line;
    if (!std::getline(in_, line)) fail("unexpected end of file; expected " + what);
    ++line_number_;
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(path_, line_number_, message);
  }
  int line_number() const { return line_number_; }

 private:
  std::string path_;
  std::ifstream in_;
  int line_number_ = 0;
};

int to_int(double v) {
  return static_cast<int>(std::lround(v));
}

/// Reads mmax rows "i r c_1 .. c_n"; returns the columns c_1..c_ncols and checks the grid.
std::vector<std::vector<double>> read_radial_block(LineReader& reader, int mmax, std::size_t ncols,
                                                   const std::vector<double>& grid,
                                                   const std::string& what) {
  std::vector<std::vector<double>> columns(ncols,
                                           std::vector<double>(static_cast<std::size_t>(mmax)));
  for (int i = 0; i < mmax; ++i) {
    const auto row =
        reader.numbers(2 + ncols, what + " row " + std::to_string(i + 1) + " (index, r, " +
                                      std::to_string(ncols) + " values)");
    if (to_int(row[0]) != i + 1)
      reader.fail("expected radial index " + std::to_string(i + 1) + " in " + what);
    if (!grid.empty() && std::abs(row[1] - grid[static_cast<std::size_t>(i)]) >
                             1e-10 * (1.0 + grid[static_cast<std::size_t>(i)]))
      reader.fail("radial grid of " + what + " differs from the first block's");
    for (std::size_t c = 0; c < ncols; ++c) columns[c][static_cast<std::size_t>(i)] = row[2 + c];
  }
  return columns;
}

std::vector<double> read_grid_only(LineReader& reader, int mmax, std::size_t ncols,
                                   std::vector<std::vector<double>>& columns,
                                   const std::string& what) {
  std::vector<double> grid(static_cast<std::size_t>(mmax));
  columns.assign(ncols, std::vector<double>(static_cast<std::size_t>(mmax)));
  for (int i = 0; i < mmax; ++i) {
    const auto row = reader.numbers(2 + ncols, what + " row " + std::to_string(i + 1));
    if (to_int(row[0]) != i + 1)
      reader.fail("expected radial index " + std::to_string(i + 1) + " in " + what);
    grid[static_cast<std::size_t>(i)] = row[1];
    for (std::size_t c = 0; c < ncols; ++c) columns[c][static_cast<std::size_t>(i)] = row[2 + c];
  }
  return grid;
}

}  // namespace

PseudoFunctional functional_from_abinit_ixc(int ixc) {
  PseudoFunctional f;
  if (ixc < 0) {
    const int code = -ixc;
    const int first = code / 1000, second = code % 1000;
    if (first > 0) f.libxc_ids.push_back(first);
    if (second > 0) f.libxc_ids.push_back(second);
    if (f.libxc_ids == std::vector<int>{1, 12})
      f.name = "PW";
    else if (f.libxc_ids == std::vector<int>{1, 9})
      f.name = "PZ";
    else if (f.libxc_ids == std::vector<int>{101, 130})
      f.name = "PBE";
    else if (f.libxc_ids == std::vector<int>{116, 133})
      f.name = "PBEsol";
    else
      f.name = "libxc " + std::to_string(first) + "+" + std::to_string(second);
    return f;
  }
  switch (ixc) {
    case 1:
      f = {{20}, "Teter93"};
      break;
    case 2:
      f = {{1, 9}, "PZ"};
      break;
    case 7:
      f = {{1, 12}, "PW"};
      break;
    case 11:
      f = {{101, 130}, "PBE"};
      break;
    default:
      f = {{}, "ABINIT ixc " + std::to_string(ixc)};
      break;
  }
  return f;
}

Pseudopotential read_psp8(const std::string& path) {
  LineReader reader(path);
  Pseudopotential psp;
  psp.source_path = path;
  psp.format = "psp8";

  {
    std::ifstream title_in(path);
    std::string title;
    std::getline(title_in, title);
    std::istringstream words(title);
    words >> psp.element;
  }
  reader.skip_line("title line");
  const auto line2 = reader.numbers(2, "zatom zion pspd");
  psp.z_atom = line2[0];
  psp.z_valence = line2[1];
  const auto line3 = reader.numbers(6, "pspcod pspxc lmax lloc mmax r2well");
  if (to_int(line3[0]) != 8)
    reader.fail("expected pspcod = 8, found " + std::to_string(to_int(line3[0])));
  const int pspxc = to_int(line3[1]);
  const int lmax = to_int(line3[2]);
  const int lloc = to_int(line3[3]);
  const int mmax = to_int(line3[4]);
  if (lmax < 0 || lmax > 4) reader.fail("expected 0 <= lmax <= 4");
  if (mmax < 10) reader.fail("expected mmax >= 10 radial points");
  psp.functional = functional_from_abinit_ixc(pspxc);
  const auto line4 = reader.numbers(3, "rchrg fchrg qchrg");
  const bool has_core = line4[1] > 0.0;
  const auto nproj_line = reader.numbers(static_cast<std::size_t>(lmax + 1),
                                         "nproj for l = 0.." + std::to_string(lmax));
  std::vector<int> nproj;
  for (int l = 0; l <= lmax; ++l) nproj.push_back(to_int(nproj_line[static_cast<std::size_t>(l)]));
  const auto ext_line = reader.numbers(1, "extension_switch");
  const int extension_switch = to_int(ext_line[0]);
  const bool has_spin_orbit = extension_switch == 2 || extension_switch == 3;
  const bool has_valence = extension_switch == 1 || extension_switch == 3;
  std::vector<int> nproj_so(static_cast<std::size_t>(lmax + 1), 0);
  if (has_spin_orbit) {
    const auto so = reader.numbers(static_cast<std::size_t>(lmax),
                                   "nprojso for l = 1.." + std::to_string(lmax));
    for (int l = 1; l <= lmax; ++l)
      nproj_so[static_cast<std::size_t>(l)] = to_int(so[static_cast<std::size_t>(l - 1)]);
  }

  auto read_local_block = [&](int label) {
    const auto head = reader.numbers(1, "local potential block label " + std::to_string(lloc));
    if (to_int(head[0]) != label)
      reader.fail("expected local potential block label " + std::to_string(label));
    std::vector<std::vector<double>> cols;
    if (psp.r_bohr.empty())
      psp.r_bohr = read_grid_only(reader, mmax, 1, cols, "local potential");
    else
      cols = read_radial_block(reader, mmax, 1, psp.r_bohr, "local potential");
    psp.v_local_hartree = cols[0];
  };

  for (int l = 0; l <= lmax; ++l) {
    if (l == lloc) {
      read_local_block(l);
      continue;
    }
    const int n = nproj[static_cast<std::size_t>(l)];
    if (n == 0) continue;
    const std::string what = "projector block for l = " + std::to_string(l);
    const auto head = reader.numbers(1 + static_cast<std::size_t>(n),
                                     what + " header (l, " + std::to_string(n) + " ekb)");
    if (to_int(head[0]) != l) reader.fail("expected " + what);
    std::vector<std::vector<double>> cols;
    if (psp.r_bohr.empty())
      psp.r_bohr = read_grid_only(reader, mmax, static_cast<std::size_t>(n), cols, what);
    else
      cols = read_radial_block(reader, mmax, static_cast<std::size_t>(n), psp.r_bohr, what);
    KbChannel channel;
    channel.l = l;
    channel.d_ij_hartree.assign(static_cast<std::size_t>(n * n), 0.0);
    for (int i = 0; i < n; ++i) {
      channel.projectors.push_back(KbProjector{l, cols[static_cast<std::size_t>(i)]});
      channel.d_ij_hartree[static_cast<std::size_t>(i * n + i)] =
          head[1 + static_cast<std::size_t>(i)];
    }
    psp.channels.push_back(std::move(channel));
  }
  if (lloc > lmax) read_local_block(lloc);
  if (psp.v_local_hartree.empty())
    reader.fail("no local potential block (lloc = " + std::to_string(lloc) + ")");

  if (has_spin_orbit) {  // scalar-relativistic part only: skip the spin-orbit projectors
    for (int l = 1; l <= lmax; ++l) {
      const int n = nproj_so[static_cast<std::size_t>(l)];
      if (n == 0) continue;
      reader.numbers(1, "spin-orbit block header for l = " + std::to_string(l));
      read_radial_block(reader, mmax, static_cast<std::size_t>(n), psp.r_bohr,
                        "spin-orbit projectors");
    }
  }
  constexpr double kFourPi = 4.0 * std::numbers::pi;
  if (has_core) {
    auto cols = read_radial_block(reader, mmax, 5, psp.r_bohr, "model core charge block");
    psp.rho_core = cols[0];
    for (double& v : psp.rho_core) v /= kFourPi;  // the file stores 4π·ρ_core
  }
  if (has_valence) {
    auto cols = read_radial_block(reader, mmax, 1, psp.r_bohr, "valence density block");
    psp.rho_valence_atom = cols[0];
    for (double& v : psp.rho_valence_atom) v /= kFourPi;  // the file stores 4π·ρ_valence
  }

  const double h = psp.r_bohr[1] - psp.r_bohr[0];
  psp.rab_bohr.assign(psp.r_bohr.size(), h);
  for (std::size_t i = 1; i < psp.r_bohr.size(); ++i)
    if (std::abs(psp.r_bohr[i] - psp.r_bohr[i - 1] - h) > 1e-8 * (1.0 + h))
      throw InputError(path, "psp8 radial grid is not linear (row " + std::to_string(i + 1) + ")");
  validate(psp);
  return psp;
}

}  // namespace fw::dft
