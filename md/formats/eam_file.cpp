/// \file eam_file.cpp
/// \brief Parsing of funcfl and setfl EAM tables with file/line context in every error.
#include "md/formats/eam_file.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace fw::md {
namespace {

/// Reads a file line by line and hands out whitespace-separated tokens, remembering the line.
class TokenReader {
 public:
  explicit TokenReader(const std::filesystem::path& path) : path_(path.string()), in_(path) {
    if (!in_) throw InputError(path_, "cannot open EAM potential file");
  }

  std::string next_line(const std::string& what) {
    std::string line;
    if (!std::getline(in_, line)) throw InputError(path_, line_ + 1, "file ends before " + what);
    ++line_;
    tokens_.clear();
    return line;
  }

  /// Tokens of the next line (for header lines with a fixed layout).
  std::vector<std::string> line_tokens(const std::string& what) {
    std::istringstream words(next_line(what));
    std::vector<std::string> out;
    for (std::string w; words >> w;) out.push_back(w);
    return out;
  }

  /// `count` numbers in free format, spanning as many lines as needed.
  std::vector<double> numbers(std::size_t count, const std::string& what) {
    std::vector<double> out;
    out.reserve(count);
    while (out.size() < count) {
      if (tokens_.empty()) {
        std::string line;
        if (!std::getline(in_, line)) {
          throw InputError(path_, line_,
                           "file ends after " + std::to_string(out.size()) + " of " +
                               std::to_string(count) + " values of " + what);
        }
        ++line_;
        std::istringstream words(line);
        for (std::string w; words >> w;) tokens_.push_back(w);
        next_token_ = 0;
        if (tokens_.empty()) continue;
      }
      out.push_back(parse_double(tokens_[next_token_], what));
      if (++next_token_ == tokens_.size()) tokens_.clear();
    }
    return out;
  }

  double parse_double(const std::string& token, const std::string& what) const {
    std::size_t used = 0;
    double value = 0.0;
    try {
      value = std::stod(token, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != token.size() || !std::isfinite(value)) {
      throw InputError(path_, line_, "expected a number for " + what + ", found '" + token + "'");
    }
    return value;
  }

  int parse_int(const std::string& token, const std::string& what) const {
    const double value = parse_double(token, what);
    if (value != std::floor(value) || std::abs(value) > 1e9) {
      throw InputError(path_, line_, "expected an integer for " + what + ", found '" + token + "'");
    }
    return static_cast<int>(value);
  }

  /// Fails unless the rest of the file is blank: extra values mean the counts are wrong.
  void expect_end(const std::string& what) {
    if (!tokens_.empty()) {
      throw InputError(path_, line_,
                       "unexpected value '" + tokens_[next_token_] + "' after " + what +
                           " (are Nrho/Nr right?)");
    }
    std::string line;
    while (std::getline(in_, line)) {
      ++line_;
      std::istringstream words(line);
      std::string w;
      if (words >> w) {
        throw InputError(path_, line_,
                         "unexpected value '" + w + "' after " + what + " (are Nrho/Nr right?)");
      }
    }
  }

  const std::string& path() const { return path_; }
  int line() const { return line_; }

 private:
  std::string path_;
  std::ifstream in_;
  int line_ = 0;
  std::vector<std::string> tokens_;
  std::size_t next_token_ = 0;
};

struct GridHeader {
  int nrho;
  double drho;
  int nr;
  double dr_A;
  double cutoff_A;
};

GridHeader read_grid_header(TokenReader& reader) {
  const auto t = reader.line_tokens("the grid line 'Nrho drho Nr dr cutoff'");
  if (t.size() < 5) {
    throw InputError(
        reader.path(), reader.line(),
        "expected 'Nrho drho Nr dr cutoff', found " + std::to_string(t.size()) + " values");
  }
  GridHeader g{reader.parse_int(t[0], "Nrho"), reader.parse_double(t[1], "drho"),
               reader.parse_int(t[2], "Nr"), reader.parse_double(t[3], "dr"),
               reader.parse_double(t[4], "cutoff")};
  // The LAMMPS splines need at least 5 knots (their 4th-order end formulas).
  if (g.nrho < 5 || g.nr < 5) {
    throw InputError(reader.path(), reader.line(), "Nrho and Nr must be at least 5");
  }
  if (!(g.drho > 0.0) || !(g.dr_A > 0.0) || !(g.cutoff_A > 0.0)) {
    throw InputError(reader.path(), reader.line(), "drho, dr and cutoff must be positive");
  }
  if (g.cutoff_A > (g.nr - 1) * g.dr_A * (1.0 + 1e-12)) {
    throw InputError(
        reader.path(), reader.line(),
        "cutoff " + std::to_string(g.cutoff_A) + " A lies beyond the table end (Nr-1)*dr");
  }
  return g;
}

}  // namespace

std::string element_symbol(int atomic_number, const std::string& source, int line) {
  static const std::array<const char*, 103> kSymbols = {
      "H",  "He", "Li", "Be", "B",  "C",  "N",  "O",  "F",  "Ne", "Na", "Mg", "Al", "Si", "P",
      "S",  "Cl", "Ar", "K",  "Ca", "Sc", "Ti", "V",  "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
      "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",  "Zr", "Nb", "Mo", "Tc", "Ru", "Rh",
      "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I",  "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
      "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W",  "Re",
      "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
      "Pa", "U",  "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr"};
  if (atomic_number < 1 || atomic_number > static_cast<int>(kSymbols.size())) {
    throw InputError(source, line,
                     "atomic number " + std::to_string(atomic_number) + " is not an element");
  }
  return kSymbols[static_cast<std::size_t>(atomic_number - 1)];
}

FuncflFile read_funcfl(const std::filesystem::path& path) {
  TokenReader reader(path);
  FuncflFile file;
  file.path = path.string();
  reader.next_line("the comment line");
  const auto head = reader.line_tokens("the line 'Z mass a lattice'");
  if (head.size() < 2) {
    throw InputError(reader.path(), reader.line(), "expected 'atomic-number mass [a lattice]'");
  }
  file.atomic_number = reader.parse_int(head[0], "the atomic number");
  file.element = element_symbol(file.atomic_number, reader.path(), reader.line());
  file.mass_amu = reader.parse_double(head[1], "the mass");
  if (!(file.mass_amu > 0.0))
    throw InputError(reader.path(), reader.line(), "mass must be positive");
  if (head.size() >= 3)
    file.lattice_constant_A = reader.parse_double(head[2], "the lattice constant");
  if (head.size() >= 4) file.lattice = head[3];
  const GridHeader g = read_grid_header(reader);
  file.nrho = g.nrho;
  file.drho = g.drho;
  file.nr = g.nr;
  file.dr_A = g.dr_A;
  file.cutoff_A = g.cutoff_A;
  file.embedding_eV = reader.numbers(static_cast<std::size_t>(g.nrho), "F(rho)");
  file.z_effective = reader.numbers(static_cast<std::size_t>(g.nr), "Z(r)");
  file.density = reader.numbers(static_cast<std::size_t>(g.nr), "rho(r)");
  reader.expect_end("rho(r)");
  return file;
}

SetflFile read_setfl(const std::filesystem::path& path) {
  TokenReader reader(path);
  SetflFile file;
  file.path = path.string();
  for (int k = 0; k < 3; ++k) reader.next_line("the three comment lines");
  const auto elements_line = reader.line_tokens("the line 'N element1 element2 ...'");
  if (elements_line.empty())
    throw InputError(reader.path(), reader.line(), "expected 'N element ...'");
  const int n = reader.parse_int(elements_line[0], "the element count");
  if (n < 1 || static_cast<int>(elements_line.size()) != n + 1) {
    throw InputError(reader.path(), reader.line(),
                     "expected " + elements_line[0] + " element names after the count, found " +
                         std::to_string(elements_line.size() - 1));
  }
  file.elements.assign(elements_line.begin() + 1, elements_line.end());
  const GridHeader g = read_grid_header(reader);
  file.nrho = g.nrho;
  file.drho = g.drho;
  file.nr = g.nr;
  file.dr_A = g.dr_A;
  file.cutoff_A = g.cutoff_A;
  for (int e = 0; e < n; ++e) {
    const std::string name = "element " + file.elements[static_cast<std::size_t>(e)];
    const auto head = reader.line_tokens("the line 'Z mass a lattice' of " + name);
    if (head.size() < 2) {
      throw InputError(reader.path(), reader.line(), "expected 'Z mass a lattice' for " + name);
    }
    const double mass = reader.parse_double(head[1], "the mass of " + name);
    if (!(mass > 0.0)) throw InputError(reader.path(), reader.line(), "mass must be positive");
    file.mass_amu.push_back(mass);
    file.embedding_eV.push_back(
        reader.numbers(static_cast<std::size_t>(g.nrho), "F(rho) of " + name));
    file.density.push_back(reader.numbers(static_cast<std::size_t>(g.nr), "rho(r) of " + name));
  }
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j <= i; ++j) {
      file.r_phi_eV_A.push_back(reader.numbers(
          static_cast<std::size_t>(g.nr), "r*phi(r) of " +
                                              file.elements[static_cast<std::size_t>(i)] + "-" +
                                              file.elements[static_cast<std::size_t>(j)]));
    }
  }
  reader.expect_end("the last r*phi(r) table");
  return file;
}

}  // namespace fw::md
