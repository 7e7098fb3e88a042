/// \file poscar.cpp
/// \brief POSCAR/CONTCAR reading and writing (VASP wiki "POSCAR" layout).
#include "slabs/io/poscar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.hpp"
#include "slabs/elements.hpp"

namespace fw::slabs {

namespace {

class LineReader {
 public:
  LineReader(std::istream& in, std::string source) : in_(in), source_(std::move(source)) {}

  /// Next line split into whitespace tokens; throws with `expected` at end of file.
  std::vector<std::string> tokens(const std::string& expected) {
    std::string line;
    if (!std::getline(in_, line))
      throw InputError(source_, line_no_ + 1, "unexpected end of file, expected " + expected);
    ++line_no_;
    current_ = line;
    std::istringstream ss(line);
    std::vector<std::string> out;
    for (std::string t; ss >> t;) out.push_back(t);
    return out;
  }
  const std::string& current() const { return current_; }
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(source_, line_no_, message);
  }

  double number(const std::string& token, const std::string& expected) const {
    try {
      std::size_t used = 0;
      const double v = std::stod(token, &used);
      if (used != token.size() || !std::isfinite(v)) throw std::invalid_argument(token);
      return v;
    } catch (const std::exception&) {
      fail("expected " + expected + ", got '" + token + "'");
    }
  }
  long integer(const std::string& token, const std::string& expected) const {
    try {
      std::size_t used = 0;
      const long v = std::stol(token, &used);
      if (used != token.size()) throw std::invalid_argument(token);
      return v;
    } catch (const std::exception&) {
      fail("expected " + expected + ", got '" + token + "'");
    }
  }

 private:
  std::istream& in_;
  std::string source_;
  int line_no_ = 0;
  std::string current_;
};

bool is_integer_token(const std::string& t) {
  if (t.empty()) return false;
  std::size_t i = (t[0] == '+' || t[0] == '-') ? 1 : 0;
  if (i == t.size()) return false;
  for (; i < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

/// "Au", "Au_pv", "Au_pv/1a2b3c" (VASP 6 POTCAR hash suffix) -> "Au".
std::string species_from_label(const std::string& label) {
  const std::size_t cut = label.find_first_of("_/");
  return label.substr(0, cut);
}

bool parse_flag(const std::string& token, bool& value) {
  if (token == "T" || token == "t") return value = true, true;
  if (token == "F" || token == "f") return value = false, true;
  return false;
}

}  // namespace

Structure read_poscar(std::istream& in, const std::string& source,
                      const std::vector<std::string>& species_hint) {
  LineReader reader(in, source);
  Structure s;
  {
    reader.tokens("the title line");
    s.comment = reader.current();
    while (!s.comment.empty() && (s.comment.back() == '\r' || s.comment.back() == ' '))
      s.comment.pop_back();
  }

  const auto scale_tokens = reader.tokens("the scaling factor");
  std::vector<double> scale;
  for (const auto& t : scale_tokens) {
    if (t[0] == '!' || t[0] == '#') break;
    scale.push_back(reader.number(t, "a scaling factor"));
  }
  if (scale.size() != 1 && scale.size() != 3)
    reader.fail("expected the scaling factor: one number, or three");
  // Checked here, while the reader is on this line, so that the error names it.
  if (scale.size() == 1 && scale[0] == 0) reader.fail("the scaling factor must not be zero");
  if (scale.size() == 3 && !(scale[0] > 0 && scale[1] > 0 && scale[2] > 0))
    reader.fail("three scaling factors (one per axis) must all be positive");

  for (int i = 0; i < 3; ++i) {
    auto t = reader.tokens("lattice vector " + std::to_string(i + 1));
    if (t.size() < 3)
      reader.fail("expected three numbers for lattice vector " + std::to_string(i + 1));
    for (int k = 0; k < 3; ++k)
      s.cell[i][k] = reader.number(t[static_cast<std::size_t>(k)], "a lattice vector component");
  }
  if (std::abs(determinant(s.cell)) < 1e-12)
    reader.fail("the lattice vectors are linearly dependent (zero volume)");
  if (scale.size() == 1 && scale[0] < 0) {
    // Negative scale: the target cell volume in Å³.
    const double factor = std::cbrt(-scale[0] / std::abs(determinant(s.cell)));
    s.cell = factor * s.cell;
    scale[0] = factor;
  } else if (scale.size() == 1) {
    s.cell = scale[0] * s.cell;
  } else {
    for (int i = 0; i < 3; ++i)
      for (int k = 0; k < 3; ++k) s.cell[i][k] *= scale[static_cast<std::size_t>(k)];
  }

  auto t = reader.tokens("the species line or the atom counts");
  std::vector<std::string> species;
  if (!t.empty() && !is_integer_token(t[0])) {
    for (const auto& label : t) {
      if (label[0] == '!' || label[0] == '#') break;
      species.push_back(species_from_label(label));
    }
    t = reader.tokens("the atom counts per species");
  }
  std::vector<long> counts;
  for (const auto& c : t) {
    if (!is_integer_token(c)) break;
    counts.push_back(reader.integer(c, "an atom count"));
  }
  if (counts.empty()) reader.fail("expected atom counts per species (integers)");
  for (long c : counts)
    if (c < 0) reader.fail("atom counts must be >= 0");
  if (species.empty() && !species_hint.empty()) species = species_hint;
  if (!species.empty() && species.size() != counts.size()) {
    reader.fail("species line names " + std::to_string(species.size()) + " species but " +
                std::to_string(counts.size()) + " counts follow");
  }

  t = reader.tokens("Selective dynamics or the coordinate mode (Direct/Cartesian)");
  if (!t.empty() && (t[0][0] == 'S' || t[0][0] == 's')) {
    s.selective_dynamics = true;
    t = reader.tokens("the coordinate mode (Direct/Cartesian)");
  }
  if (t.empty()) reader.fail("expected the coordinate mode (Direct or Cartesian)");
  const char mode = t[0][0];
  const bool cartesian = mode == 'C' || mode == 'c' || mode == 'K' || mode == 'k';

  std::vector<std::string> trailing_names;
  long total = 0;
  for (long c : counts) total += c;
  for (long i = 0; i < total; ++i) {
    t = reader.tokens("coordinates of atom " + std::to_string(i + 1) + " of " +
                      std::to_string(total));
    if (t.size() < 3) reader.fail("expected three coordinates for atom " + std::to_string(i + 1));
    Vec3 r;
    for (int k = 0; k < 3; ++k)
      r[k] = reader.number(t[static_cast<std::size_t>(k)], "a coordinate");
    Atom atom;
    std::size_t next = 3;
    if (s.selective_dynamics) {
      if (t.size() < 6)
        reader.fail("expected three T/F selective-dynamics flags after the coordinates");
      for (std::size_t k = 0; k < 3; ++k)
        if (!parse_flag(t[3 + k], atom.movable[k]))
          reader.fail("expected T or F, got '" + t[3 + k] + "'");
      next = 6;
    }
    trailing_names.push_back(next < t.size() ? species_from_label(t[next]) : "");
    if (cartesian) {
      if (scale.size() == 1)
        r = r * scale[0];
      else
        for (int k = 0; k < 3; ++k) r[k] *= scale[static_cast<std::size_t>(k)];
      atom.position = r;
    } else {
      atom.position = s.cartesian(r);
    }
    s.atoms.push_back(atom);
  }

  if (species.empty()) {
    // VASP 4 without a species line and no hint: like ASE, take the title's words when they are
    // one element per count, else per-atom names if every coordinate line has one.
    std::istringstream title(s.comment);
    std::vector<std::string> title_species;
    for (std::string w; title >> w;) title_species.push_back(w);
    if (title_species.size() == counts.size() &&
        std::all_of(title_species.begin(), title_species.end(),
                    [](const std::string& n) { return is_element(n); })) {
      species = title_species;
    }
  }
  if (species.empty()) {
    const bool named = std::all_of(trailing_names.begin(), trailing_names.end(),
                                   [](const std::string& n) { return is_element(n); });
    if (!named)
      throw InputError(source, 6,
                       "VASP 4 POSCAR has no species line; give the species (e.g. --species Au)");
    for (std::size_t i = 0; i < s.atoms.size(); ++i) s.atoms[i].species = trailing_names[i];
    return s;
  }
  std::size_t index = 0;
  for (std::size_t sp = 0; sp < species.size(); ++sp) {
    if (!is_element(species[sp]))
      throw InputError(source, 6, "unknown element '" + species[sp] + "' in the species line");
    for (long c = 0; c < counts[sp]; ++c) s.atoms[index++].species = species[sp];
  }
  return s;
}

void write_poscar(std::ostream& out, const Structure& input) {
  Structure s = input;
  s.group_by_species();
  const auto order = s.species_order();
  char buf[128];
  std::string title = s.comment.empty() ? "written by facetweld" : s.comment;
  for (char& c : title)
    if (c == '\n' || c == '\r') c = ' ';
  out << title << "\n   1.0\n";
  for (int i = 0; i < 3; ++i) {
    std::snprintf(buf, sizeof buf, " %22.16f %22.16f %22.16f\n", s.cell[i].x, s.cell[i].y,
                  s.cell[i].z);
    out << buf;
  }
  for (const auto& sp : order) out << "  " << sp;
  out << "\n";
  for (const auto& sp : order) out << "  " << s.count(sp);
  out << "\n";
  if (s.selective_dynamics) out << "Selective dynamics\n";
  out << "Direct\n";
  const Mat3 inv = inverse(s.cell);
  for (const Atom& atom : s.atoms) {
    const Vec3 f = atom.position * inv;
    std::snprintf(buf, sizeof buf, " %19.14f %19.14f %19.14f", f.x, f.y, f.z);
    out << buf;
    if (s.selective_dynamics)
      for (bool m : atom.movable) out << (m ? "   T" : "   F");
    out << "  " << atom.species << "\n";
  }
}

}  // namespace fw::slabs
