/// \file doscar.cpp
/// \brief DOSCAR: 5 header lines, "Emax Emin NEDOS E-fermi weight", NEDOS rows of the total DOS,
/// then (LORBIT) per ion the same line and NEDOS rows "E column...".
#include "vasp_io/doscar.hpp"

#include "core/error.hpp"
#include "vasp_io/text_table.hpp"

namespace fw::vasp {
namespace {

Doscar parse(const TextLines& lines) {
  Doscar out;
  out.source = lines.source();
  const auto head = lines.numbers(0, 4, "4 integers (ions, ions, projected flag, NCDIJ)");
  out.nions = lines.count(0, head[0], TextLines::kMaxCount, "the number of ions (1st number)");
  const auto grid = lines.numbers(5, 4, "Emax, Emin, NEDOS, E-fermi");
  const int nedos = lines.count(5, grid[2], TextLines::kMaxCount, "NEDOS (3rd number)");
  if (nedos == 0) throw InputError(out.source, 6, "NEDOS (3rd number) must be positive");
  out.efermi_eV = grid[3];
  const auto n = static_cast<std::size_t>(nedos);

  std::vector<double> v;
  std::size_t row = 6;
  std::vector<double> rows;  // [energy][column]
  for (std::size_t e = 0; e < n; ++e, ++row) {
    if (!lines.try_numbers(row, v) || (v.size() != 3 && v.size() != 5) ||
        (e > 0 && v.size() != static_cast<std::size_t>(1 + 2 * out.nspin))) {
      out.completeness.mark_missing(
          "total DOS row " + std::to_string(e + 1) + " of " + std::to_string(n) + " (line " +
          std::to_string(row + 1) + ": " +
          (lines.has(row) ? "expected E, DOS, integrated DOS per spin" : "file ends") + ")");
      out.energies_eV.clear();
      return out;
    }
    if (e == 0) out.nspin = v.size() == 5 ? 2 : 1;
    rows.insert(rows.end(), v.begin(), v.end());
  }
  const auto ns = static_cast<std::size_t>(out.nspin), width = 1 + 2 * ns;
  out.total.resize(ns * n);
  out.integrated.resize(ns * n);
  for (std::size_t e = 0; e < n; ++e) {
    out.energies_eV.push_back(rows[e * width]);
    for (std::size_t s = 0; s < ns; ++s) {
      out.total[s * n + e] = rows[e * width + 1 + s];
      out.integrated[s * n + e] = rows[e * width + 1 + ns + s];
    }
  }

  // Projected DOS: one block per ion, each after a copy of the grid line.
  for (int ion = 0; ion < out.nions && lines.has(row); ++ion) {
    if (!lines.try_numbers(row, v) || v.size() < 4) {
      out.completeness.mark_missing("projected DOS of ion " + std::to_string(ion + 1) + " (line " +
                                    std::to_string(row + 1) +
                                    ": expected the Emax Emin NEDOS E-fermi line)");
      return out;
    }
    ++row;
    std::vector<double> block;
    for (std::size_t e = 0; e < n; ++e, ++row) {
      const bool ok = lines.try_numbers(row, v) && v.size() >= 2 &&
                      (out.projected_columns == 0 ||
                       v.size() == static_cast<std::size_t>(out.projected_columns) + 1);
      if (!ok) {
        out.completeness.mark_missing(
            "projected DOS of ion " + std::to_string(ion + 1) + ", row " + std::to_string(e + 1) +
            " (line " + std::to_string(row + 1) + ": " +
            (lines.has(row) ? "expected E and the same columns as the rows before" : "file ends") +
            ")");
        return out;
      }
      if (out.projected_columns == 0) out.projected_columns = static_cast<int>(v.size()) - 1;
      block.insert(block.end(), v.begin() + 1, v.end());
    }
    out.projected.insert(out.projected.end(), block.begin(), block.end());
    ++out.projected_ions;
  }
  if (out.projected_ions > 0 && out.projected_ions < out.nions)
    out.completeness.mark_missing("projected DOS of ions " +
                                  std::to_string(out.projected_ions + 1) + " to " +
                                  std::to_string(out.nions) + " (file ends)");
  return out;
}

}  // namespace

Doscar read_doscar(const std::filesystem::path& path) {
  return parse(TextLines(path));
}

Doscar parse_doscar(std::string text, const std::string& source) {
  return parse(TextLines(std::move(text), source));
}

}  // namespace fw::vasp
