/// \file vasprun_dos.cpp
/// \brief Rows of the vasprun.xml <dos> block into flat arrays, with shape checks.
#include "vasp_io/vasprun_dos.hpp"

#include "vasp_io/fortran_number.hpp"

namespace fw::vasp {
namespace {

/// Columns of a DOS row: energy plus at most 16 orbitals (s, 3 p, 5 d, 7 f), or energy, total,
/// integrated. One more slot detects a row that is too long.
constexpr int kMaxColumns = 18;

/// Parses `text` into `values`; returns the count, or -1 if a token is not a number.
int parse_row(std::string_view text, double* values) {
  std::string_view tokens[kMaxColumns];
  const int n = split_blanks(text, tokens, kMaxColumns);
  for (int k = 0; k < n; ++k) {
    const auto v = parse_fortran_double(tokens[k]);
    if (!v) return -1;
    values[k] = *v;  // "*****" (Fortran overflow) is NaN, as elsewhere in the reader
  }
  return n;
}

}  // namespace

void DosBuilder::total_row(std::string_view text) {
  double v[kMaxColumns];
  if (parse_row(text, v) != 3) {
    bad("total DOS row '" + std::string(trim(text)) + "': expected energy, total, integrated");
    return;
  }
  if (total_spins_ == 1) dos_.energies_eV.push_back(v[0]);
  dos_.total.push_back(v[1]);
  dos_.integrated.push_back(v[2]);
}

void DosBuilder::partial_field(std::string_view name) {
  if (fields_seen_++ > 0) dos_.orbitals.emplace_back(trim(name));  // the first is "energy"
}

void DosBuilder::partial_row(std::string_view text) {
  double v[kMaxColumns];
  const int n = parse_row(text, v);
  if (n != static_cast<int>(dos_.orbitals.size()) + 1) {
    bad("projected DOS row '" + std::string(trim(text)) + "': expected energy and " +
        std::to_string(dos_.orbitals.size()) + " orbitals");
    return;
  }
  dos_.partial.insert(dos_.partial.end(), v + 1, v + n);
}

std::optional<VasprunDos> DosBuilder::finish(std::string& problem) {
  const std::size_t nedos = dos_.energies_eV.size();
  dos_.nspin = total_spins_;
  if (problem_.empty() && (nedos == 0 || dos_.total.size() != nedos * total_spins_))
    bad("total DOS: " + std::to_string(total_spins_) + " spin blocks of unequal length");
  if (problem_.empty() && dos_.nions > 0) {
    const std::size_t expected =
        static_cast<std::size_t>(dos_.nions) * total_spins_ * nedos * dos_.orbitals.size();
    if (partial_spins_ != dos_.nions * total_spins_ || dos_.partial.size() != expected)
      bad("projected DOS: " + std::to_string(dos_.partial.size()) + " values, expected " +
          std::to_string(expected) + " (ions x spins x NEDOS x orbitals)");
  }
  if (!problem_.empty()) {
    problem = problem_;
    return std::nullopt;
  }
  if (dos_.nions == 0) dos_.orbitals.clear();
  return std::move(dos_);
}

}  // namespace fw::vasp
