/// \file eigenval.cpp
/// \brief EIGENVAL: a 6-line header, then per k-point a blank line, "kx ky kz weight" and one row
/// per band: index, the energy of each spin, then (VASP ≥ 5.4.4) the occupation of each spin.
#include "vasp_io/eigenval.hpp"

#include "core/error.hpp"
#include "vasp_io/text_table.hpp"

namespace fw::vasp {
namespace {

Eigenval parse(const TextLines& lines) {
  Eigenval out;
  out.source = lines.source();
  const auto head = lines.numbers(0, 4, "4 integers (ions, ions, blocks, ISPIN)");
  out.nspin = lines.count(0, head[3], 2, "ISPIN (4th number)");
  if (out.nspin == 0) throw InputError(out.source, 1, "ISPIN (4th number) must be 1 or 2");
  const auto counts = lines.numbers(5, 3, "NELECT, number of k-points, number of bands");
  out.nelect = counts[0];
  const int nk = lines.count(5, counts[1], TextLines::kMaxCount, "the number of k-points");
  const int nb = lines.count(5, counts[2], TextLines::kMaxCount, "the number of bands");
  if (nk <= 0 || nb <= 0)
    throw InputError(out.source, 6, "number of k-points and of bands must be positive");
  out.nbands = nb;
  const std::size_t ns = static_cast<std::size_t>(out.nspin);
  std::vector<double> file_order;  // [k][band][spin] (energy), then occupations alike
  std::vector<double> occ_order;
  bool with_occupations = false;
  std::size_t row = 6;
  std::vector<double> v;
  for (int k = 0; k < nk; ++k) {
    while (lines.has(row) && lines[row].find_first_not_of(" \t") == std::string_view::npos) ++row;
    if (!lines.try_numbers(row, v) || v.size() != 4) {
      out.completeness.mark_missing("k-point " + std::to_string(k + 1) + " of " +
                                    std::to_string(nk) + " (line " + std::to_string(row + 1) +
                                    ": " +
                                    (lines.has(row) ? "not 'kx ky kz weight'" : "file ends") + ")");
      break;
    }
    const Vec3 kpoint{v[0], v[1], v[2]};
    const double weight = v[3];
    ++row;
    bool complete = true;
    for (int b = 0; b < nb && complete; ++b, ++row) {
      if (!lines.try_numbers(row, v) || (v.size() != 1 + ns && v.size() != 1 + 2 * ns)) {
        out.completeness.mark_missing(
            "k-point " + std::to_string(k + 1) + ", band " + std::to_string(b + 1) + " (line " +
            std::to_string(row + 1) + ": " +
            (lines.has(row) ? "expected index, energies and occupations" : "file ends") + ")");
        complete = false;
        break;
      }
      if (k == 0 && b == 0) with_occupations = v.size() == 1 + 2 * ns;
      if (with_occupations != (v.size() == 1 + 2 * ns)) {
        out.completeness.mark_missing("k-point " + std::to_string(k + 1) + ", band " +
                                      std::to_string(b + 1) + " (line " + std::to_string(row + 1) +
                                      ": column count changes)");
        complete = false;
        break;
      }
      file_order.insert(file_order.end(), v.begin() + 1, v.begin() + 1 + static_cast<long>(ns));
      if (with_occupations)
        occ_order.insert(occ_order.end(), v.begin() + 1 + static_cast<long>(ns), v.end());
    }
    if (!complete) {
      file_order.resize(static_cast<std::size_t>(k) * nb * ns);
      occ_order.resize(with_occupations ? file_order.size() : 0);
      break;
    }
    out.kpoints.push_back(kpoint);
    out.kpoint_weights.push_back(weight);
    ++out.nkpoints;
  }
  // [k][band][spin] → [spin][k][band]
  const std::size_t nkr = static_cast<std::size_t>(out.nkpoints),
                    nbr = static_cast<std::size_t>(nb);
  out.energies_eV.resize(file_order.size());
  out.occupations.resize(occ_order.size());
  for (std::size_t k = 0; k < nkr; ++k)
    for (std::size_t b = 0; b < nbr; ++b)
      for (std::size_t s = 0; s < ns; ++s) {
        const std::size_t from = (k * nbr + b) * ns + s, to = (s * nkr + k) * nbr + b;
        out.energies_eV[to] = file_order[from];
        if (with_occupations) out.occupations[to] = occ_order[from];
      }
  return out;
}

}  // namespace

Eigenval read_eigenval(const std::filesystem::path& path) {
  return parse(TextLines(path));
}

Eigenval parse_eigenval(std::string text, const std::string& source) {
  return parse(TextLines(std::move(text), source));
}

}  // namespace fw::vasp
