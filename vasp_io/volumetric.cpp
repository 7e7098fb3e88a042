/// \file volumetric.cpp
/// \brief VASP volumetric data: POSCAR header, blank line, "nx ny nz", nx·ny·nz numbers with x
/// fastest (Fortran order, 5 or 10 a line), then per block optional "augmentation occupancies"
/// sections and, for spin, a line of per-ion moments before the next "nx ny nz".
#include "vasp_io/volumetric.hpp"

#include <charconv>
#include <sstream>

#include "core/error.hpp"
#include "slabs/io/poscar.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_table.hpp"

namespace fw::vasp {
namespace {

/// Index of the first line after the POSCAR header (title, scale, 3 cell rows, species, counts,
/// optional "Selective dynamics", coordinate mode, one line per atom); reads the structure.
std::size_t read_header(const TextLines& lines, Volumetric& out) {
  if (lines.size() < 9) throw InputError(out.source, "too short for a POSCAR header and a grid");
  std::string_view names[1];
  if (split_blanks(lines[5], names, 1) != 1 || parse_fortran_double(names[0]))
    throw InputError(out.source, 6,
                     "expected the species names line of a VASP 5 header (VASP 4 files without "
                     "it are not supported)");
  std::vector<double> counts = lines.numbers(6, 1, "the atom counts per species");
  std::size_t natoms = 0;
  for (double c : counts)
    natoms += static_cast<std::size_t>(lines.count(6, c, TextLines::kMaxAtoms, "an atom count"));
  if (natoms > static_cast<std::size_t>(TextLines::kMaxAtoms))
    throw InputError(out.source, 7,
                     "more than " + std::to_string(TextLines::kMaxAtoms) + " atoms in all");
  std::size_t row = 7;
  const std::string_view mode = trim(lines.has(row) ? lines[row] : std::string_view{});
  if (!mode.empty() && (mode[0] == 's' || mode[0] == 'S')) ++row;  // Selective dynamics
  const std::size_t end = row + 1 + natoms;
  if (!lines.has(end))
    throw InputError(out.source, static_cast<int>(lines.size()),
                     "file ends inside the header: expected " + std::to_string(natoms) +
                         " atom positions and then the grid size");
  std::string header;
  for (std::size_t i = 0; i < end; ++i) header.append(lines[i]).push_back('\n');
  std::istringstream in(header);
  out.structure = slabs::read_poscar(in, out.source);
  return end;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

/// True when `line` is exactly three integers; they go to `values`.
bool three_integers(std::string_view line, std::array<long long, 3>& values) {
  std::string_view tok[4];
  if (split_blanks(line, tok, 4) != 3) return false;
  for (int i = 0; i < 3; ++i) {
    const auto v = parse_integer(tok[i]);
    if (!v) return false;
    values[static_cast<std::size_t>(i)] = *v;
  }
  return true;
}

/// Reads the grid size on line `row` (blank lines before it skipped); returns the row after it.
std::size_t read_grid_size(const TextLines& lines, std::size_t row, std::size_t text_bytes,
                           Volumetric& out) {
  while (lines.has(row) && trim(lines[row]).empty()) ++row;
  std::array<long long, 3> n{};
  if (!lines.has(row) || !three_integers(lines[row], n) || n[0] <= 0 || n[1] <= 0 || n[2] <= 0)
    throw InputError(out.source, static_cast<int>(row + 1),
                     "expected the grid size after the atom positions: three positive integers "
                     "(nx ny nz)");
  // Each value takes at least two characters (a digit and a blank): a larger grid is corrupt,
  // and refusing it here keeps a bad size from allocating gigabytes.
  const double points =
      static_cast<double>(n[0]) * static_cast<double>(n[1]) * static_cast<double>(n[2]);
  if (points > static_cast<double>(text_bytes) / 2.0)
    throw InputError(out.source, static_cast<int>(row + 1),
                     "grid " + std::to_string(n[0]) + " x " + std::to_string(n[1]) + " x " +
                         std::to_string(n[2]) + " has more points than the file has numbers");
  for (std::size_t i = 0; i < 3; ++i) out.grid[i] = static_cast<int>(n[i]);
  return row + 1;
}

/// Reads one grid of out.points() values from line `row` on into C order. Returns the row after
/// the grid's last value, or 0 when the file ends first (then `got` says how many were read).
std::size_t read_block(const TextLines& lines, std::size_t row, std::vector<double>& c_order,
                       std::size_t& got, const Volumetric& out) {
  const std::size_t nx = static_cast<std::size_t>(out.grid[0]);
  const std::size_t ny = static_cast<std::size_t>(out.grid[1]);
  const std::size_t nz = static_cast<std::size_t>(out.grid[2]);
  const std::size_t total = out.points();
  c_order.assign(total, 0.0);
  got = 0;
  std::size_t ix = 0, iy = 0, iz = 0;
  for (; got < total; ++row) {
    if (!lines.has(row)) return 0;
    const std::string_view line = lines[row];
    const char* p = line.data();
    const char* const end = p + line.size();
    while (got < total) {
      while (p < end && is_blank(*p)) ++p;
      if (p == end) break;
      const char* token_end = p;
      while (token_end < end && !is_blank(*token_end)) ++token_end;
      // Fast path for the plain numbers a grid holds ("-.25718555647E+01" included); the
      // Fortran forms from_chars refuses (a leading '+', a lost exponent letter, asterisks,
      // underflow) go through parse_fortran_double.
      double value = 0.0;
      const auto [ptr, ec] = std::from_chars(p, token_end, value);
      if (ec != std::errc() || ptr != token_end) {
        const std::string_view token(p, static_cast<std::size_t>(token_end - p));
        const auto v = parse_fortran_double(token);
        if (!v)
          throw InputError(out.source, static_cast<int>(row + 1),
                           "expected a number of the " + std::to_string(nx) + " x " +
                               std::to_string(ny) + " x " + std::to_string(nz) + " grid (value " +
                               std::to_string(got + 1) + "), found '" +
                               std::string(token.substr(0, 40)) + "'");
        value = *v;
      }
      c_order[(ix * ny + iy) * nz + iz] = value;
      ++got;
      if (++ix == nx) {
        ix = 0;
        if (++iy == ny) {
          iy = 0;
          ++iz;
        }
      }
      p = token_end;
    }
  }
  return row;
}

/// From `row`, skips augmentation occupancies and per-ion moment lines to the next line that
/// repeats the grid size; returns the row after it, or 0 at the end of the file.
std::size_t next_block(const TextLines& lines, std::size_t row, Volumetric& out) {
  std::array<long long, 3> n{};
  for (; lines.has(row); ++row) {
    const std::string_view t = trim(lines[row]);
    if (t.starts_with("augmentation occupancies")) {
      ++out.augmentation_sections;
      continue;
    }
    if (three_integers(t, n) && n[0] == out.grid[0] && n[1] == out.grid[1] && n[2] == out.grid[2])
      return row + 1;
  }
  return 0;
}

Volumetric parse(const TextLines& lines, std::size_t text_bytes) {
  Volumetric out;
  out.source = lines.source();
  std::size_t row = read_header(lines, out);
  row = read_grid_size(lines, row, text_bytes, out);
  std::vector<double> block;
  std::size_t got = 0;
  while (row != 0) {
    const std::size_t after = read_block(lines, row, block, got, out);
    if (after == 0) {
      const std::string what = "grid " + std::to_string(out.blocks.size() + 1) + ": " +
                               std::to_string(got) + " of " + std::to_string(out.points()) +
                               " values before the end of the file";
      if (out.blocks.empty())
        throw InputError(out.source, static_cast<int>(lines.size()), "file ends inside " + what);
      out.completeness.mark_missing(what + " (line " + std::to_string(lines.size()) + ")");
      break;
    }
    out.blocks.push_back(std::move(block));
    row = next_block(lines, after, out);
  }
  return out;
}

}  // namespace

Volumetric read_volumetric(const std::filesystem::path& path) {
  const TextLines lines(path);
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) bytes += lines[i].size() + 1;
  return parse(lines, bytes);
}

Volumetric parse_volumetric(std::string text, const std::string& source) {
  const std::size_t bytes = text.size();
  return parse(TextLines(std::move(text), source), bytes);
}

}  // namespace fw::vasp
