/// \file xdatcar.cpp
/// \brief XDATCAR: comment, scale, 3 cell rows, species, counts, then frames headed
/// "Direct configuration= k"; variable-cell runs repeat the 7 header lines before each frame.
#include "vasp_io/xdatcar.hpp"

#include <cmath>

#include "core/error.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_table.hpp"

namespace fw::vasp {
namespace {

/// Reads the 7-line header at `row` into cell (scale applied) and, the first time, species.
Mat3 read_header(const TextLines& lines, std::size_t row, Xdatcar& out) {
  const auto scale = lines.numbers(row + 1, 1, "the scale factor");
  Mat3 cell;
  for (int r = 0; r < 3; ++r) {
    const auto v = lines.numbers(row + 2 + r, 3, "a lattice vector (3 numbers)");
    cell[r] = Vec3{v[0], v[1], v[2]};
  }
  // A negative scale is the cell volume in Å³ (POSCAR convention).
  const double factor =
      scale[0] > 0 ? scale[0] : std::cbrt(-scale[0] / std::abs(determinant(cell)));
  for (int r = 0; r < 3; ++r) cell[r] = cell[r] * factor;
  if (!out.species.empty()) return cell;
  std::string_view names[128];
  const int ntypes = split_blanks(lines[row + 5], names, 128);
  const auto counts = lines.numbers(row + 6, 1, "the atom counts per species");
  if (ntypes != static_cast<int>(counts.size()) || parse_fortran_double(names[0]))
    throw InputError(out.source, static_cast<int>(row + 6),
                     "expected a line of species names (VASP 5 XDATCAR) matching the counts on "
                     "the next line");
  for (int t = 0; t < ntypes; ++t) {
    const int n = lines.count(row + 6, counts[static_cast<std::size_t>(t)], TextLines::kMaxAtoms,
                              "an atom count");
    if (out.species.size() + static_cast<std::size_t>(n) > TextLines::kMaxAtoms)
      throw InputError(out.source, static_cast<int>(row + 7),
                       "more than " + std::to_string(TextLines::kMaxAtoms) + " atoms");
    out.species.insert(out.species.end(), static_cast<std::size_t>(n), std::string(names[t]));
  }
  return cell;
}

bool is_frame_start(std::string_view line) {
  const std::string_view t = trim(line);
  return t.starts_with("Direct configuration=") || t.starts_with("Direct configuration ") ||
         t.starts_with("Cartesian configuration=");
}

Xdatcar parse(const TextLines& lines) {
  Xdatcar out;
  out.source = lines.source();
  if (lines.size() < 7) throw InputError(out.source, "too short for an XDATCAR header (7 lines)");
  out.comment = std::string(trim(lines[0]));
  Mat3 cell = read_header(lines, 0, out);
  const std::size_t natoms = out.species.size();
  std::size_t row = 7;
  std::vector<double> v;
  while (lines.has(row)) {
    if (trim(lines[row]).empty()) {
      ++row;
      continue;
    }
    if (!is_frame_start(lines[row])) {
      // A variable-cell run repeats the header (comment, scale, cell, species, counts).
      if (!lines.has(row + 7) || !is_frame_start(lines[row + 7])) {
        out.completeness.mark_missing("frame " + std::to_string(out.frames() + 1) + " (line " +
                                      std::to_string(row + 1) +
                                      ": expected 'Direct configuration=' or a new header)");
        break;
      }
      cell = read_header(lines, row, out);
      row += 7;
    }
    if (trim(lines[row]).starts_with("Cartesian"))
      throw InputError(out.source, static_cast<int>(row + 1),
                       "Cartesian XDATCAR frames are not supported (VASP writes Direct)");
    std::string_view tok[3];
    const std::string_view after = lines[row].substr(lines[row].find('=') + 1);
    const int number = split_blanks(after, tok, 1) == 1
                           ? static_cast<int>(parse_integer(tok[0]).value_or(0))
                           : static_cast<int>(out.frames() + 1);
    std::vector<Vec3> frame;
    for (std::size_t a = 0; a < natoms; ++a) {
      if (!lines.try_numbers(row + 1 + a, v) || v.size() < 3) break;
      frame.push_back(Vec3{v[0], v[1], v[2]});
    }
    if (frame.size() != natoms) {
      out.completeness.mark_missing("frame " + std::to_string(out.frames() + 1) +
                                    " (configuration " + std::to_string(number) +
                                    "): " + std::to_string(frame.size()) + " of " +
                                    std::to_string(natoms) + " positions before line " +
                                    std::to_string(row + 2 + frame.size()));
      break;
    }
    out.cells_A.push_back(cell);
    out.configuration.push_back(number);
    out.positions_fractional.insert(out.positions_fractional.end(), frame.begin(), frame.end());
    row += 1 + natoms;
  }
  if (out.frames() == 0 && out.completeness.complete)
    out.completeness.mark_missing("any frame ('Direct configuration=' and positions)");
  return out;
}

}  // namespace

slabs::Structure Xdatcar::structure(std::size_t k) const {
  slabs::Structure s;
  s.cell = cells_A[k];
  s.comment = comment;
  s.atoms.resize(species.size());
  for (std::size_t a = 0; a < species.size(); ++a) {
    s.atoms[a].species = species[a];
    s.atoms[a].position = positions_fractional[k * species.size() + a] * s.cell;
  }
  return s;
}

Xdatcar read_xdatcar(const std::filesystem::path& path) {
  return parse(TextLines(path));
}

Xdatcar parse_xdatcar(std::string text, const std::string& source) {
  return parse(TextLines(std::move(text), source));
}

}  // namespace fw::vasp
