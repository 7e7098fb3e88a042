/// \file extxyz.cpp
/// \brief Extended XYZ as ASE and OVITO read and write it.
#include "slabs/io/extxyz.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "slabs/elements.hpp"

namespace fw::slabs {

namespace {

/// Parses `key=value key="quoted value" key` pairs of the comment line (keys lower-cased).
std::map<std::string, std::string> parse_key_values(const std::string& line) {
  std::map<std::string, std::string> kv;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != '=' && !std::isspace(static_cast<unsigned char>(line[i])))
      ++i;
    std::string key = line.substr(start, i - start);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::string value;
    if (i < line.size() && line[i] == '=') {
      ++i;
      if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
        const char quote = line[i++];
        start = i;
        while (i < line.size() && line[i] != quote) ++i;
        value = line.substr(start, i - start);
        ++i;
      } else {
        start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        value = line.substr(start, i - start);
      }
    }
    if (!key.empty()) kv[key] = value;
  }
  return kv;
}

struct Column {
  std::string name;
  char type;
  int count;
};

}  // namespace

Structure read_extxyz(std::istream& in, const std::string& source) {
  std::string line;
  if (!std::getline(in, line))
    throw InputError(source, 1, "empty file, expected the number of atoms");
  long natoms = 0;
  try {
    natoms = std::stol(line);
  } catch (const std::exception&) {
    throw InputError(source, 1, "expected the number of atoms, got '" + line + "'");
  }
  if (natoms < 0) throw InputError(source, 1, "negative number of atoms");
  if (!std::getline(in, line))
    throw InputError(source, 2, "unexpected end of file, expected the comment line");
  const auto kv = parse_key_values(line);

  Structure s;
  if (auto it = kv.find("lattice"); it != kv.end()) {
    std::istringstream ss(it->second);
    for (int i = 0; i < 3; ++i)
      for (int k = 0; k < 3; ++k)
        if (!(ss >> s.cell[i][k])) throw InputError(source, 2, "Lattice needs 9 numbers");
    s.pbc = {true, true, true};
  } else {
    s.pbc = {false, false, false};
  }
  if (auto it = kv.find("pbc"); it != kv.end()) {
    std::istringstream ss(it->second);
    for (std::size_t k = 0; k < 3; ++k) {
      std::string flag;
      if (!(ss >> flag)) throw InputError(source, 2, "pbc needs three T/F values");
      s.pbc[k] = flag == "T" || flag == "t" || flag == "True" || flag == "true" || flag == "1";
    }
  }
  std::vector<Column> columns{{"species", 'S', 1}, {"pos", 'R', 3}};
  if (auto it = kv.find("properties"); it != kv.end()) {
    columns.clear();
    std::istringstream ss(it->second);
    std::string name, type, count;
    while (std::getline(ss, name, ':') && std::getline(ss, type, ':') &&
           std::getline(ss, count, ':')) {
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      columns.push_back({name, type.empty() ? 'R' : type[0], std::stoi(count)});
    }
  }
  const bool has_pos =
      std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.name == "pos"; });
  if (!has_pos) throw InputError(source, 2, "Properties lacks pos:R:3");

  Vec3 lo{1e300, 1e300, 1e300}, hi{-1e300, -1e300, -1e300};
  for (long i = 0; i < natoms; ++i) {
    const int line_no = static_cast<int>(i) + 3;
    if (!std::getline(in, line))
      throw InputError(source, line_no,
                       "unexpected end of file, expected atom " + std::to_string(i + 1));
    std::istringstream ss(line);
    Atom atom;
    for (const Column& col : columns) {
      for (int c = 0; c < col.count; ++c) {
        std::string token;
        if (!(ss >> token))
          throw InputError(source, line_no, "too few columns for property '" + col.name + "'");
        try {
          if (col.name == "species" || col.name == "element")
            atom.species = token;
          else if (col.name == "pos") {
            atom.position[c] = std::stod(token);
            if (!std::isfinite(atom.position[c])) throw std::invalid_argument(token);
          } else if (col.name == "layer")
            atom.layer = std::stoi(token);
          else if (col.name == "part")
            atom.part = std::stoi(token);
          else if (col.name == "rod")
            atom.rod = std::stoi(token);
        } catch (const std::exception&) {
          throw InputError(source, line_no,
                           "bad value '" + token + "' for property '" + col.name + "'");
        }
      }
    }
    if (!is_element(atom.species))
      throw InputError(source, line_no, "unknown element '" + atom.species + "'");
    for (int k = 0; k < 3; ++k)
      lo[k] = std::min(lo[k], atom.position[k]), hi[k] = std::max(hi[k], atom.position[k]);
    s.atoms.push_back(atom);
  }
  if (kv.find("lattice") == kv.end()) {
    // Plain XYZ: a box 10 Å larger than the atoms' extent, nothing periodic.
    const Vec3 size = natoms > 0 ? hi - lo : Vec3{};
    s.cell = Mat3::diagonal(size.x + 10, size.y + 10, size.z + 10);
  }
  return s;
}

void write_extxyz(std::ostream& out, const Structure& s) {
  const bool has_layer =
      std::any_of(s.atoms.begin(), s.atoms.end(), [](const Atom& a) { return a.layer >= 0; });
  const bool has_part =
      std::any_of(s.atoms.begin(), s.atoms.end(), [](const Atom& a) { return a.part != 0; });
  const bool has_rod =
      std::any_of(s.atoms.begin(), s.atoms.end(), [](const Atom& a) { return a.rod != 0; });
  char buf[160];
  out << s.size() << "\n";
  out << "Lattice=\"";
  for (int i = 0; i < 3; ++i) {
    std::snprintf(buf, sizeof buf, "%s%.16g %.16g %.16g", i ? " " : "", s.cell[i].x, s.cell[i].y,
                  s.cell[i].z);
    out << buf;
  }
  out << "\" Properties=species:S:1:pos:R:3";
  if (has_layer) out << ":layer:I:1";
  if (has_part) out << ":part:I:1";
  if (has_rod) out << ":rod:I:1";
  out << " pbc=\"" << (s.pbc[0] ? "T" : "F") << " " << (s.pbc[1] ? "T" : "F") << " "
      << (s.pbc[2] ? "T" : "F") << "\"";
  std::string comment = s.comment;
  for (char& c : comment)
    if (c == '"' || c == '\n') c = ' ';
  if (!comment.empty()) out << " comment=\"" << comment << "\"";
  out << "\n";
  for (const Atom& atom : s.atoms) {
    std::snprintf(buf, sizeof buf, "%-3s %20.14f %20.14f %20.14f", atom.species.c_str(),
                  atom.position.x, atom.position.y, atom.position.z);
    out << buf;
    if (has_layer) out << " " << atom.layer;
    if (has_part) out << " " << atom.part;
    if (has_rod) out << " " << atom.rod;
    out << "\n";
  }
}

}  // namespace fw::slabs
