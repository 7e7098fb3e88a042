/// \file pseudopotential.cpp
/// \brief Invariant checks of the common pseudopotential and the format dispatch.
#include "dft/pseudo/pseudopotential.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "dft/pseudo/hgh.hpp"
#include "dft/pseudo/psml.hpp"
#include "dft/pseudo/psp8.hpp"
#include "dft/pseudo/upf.hpp"

namespace fw::dft {

void validate(const Pseudopotential& psp) {
  auto fail = [&](const std::string& what) {
    throw InputError(psp.source_path, 0, "pseudopotential: " + what);
  };
  const std::size_t n = psp.r_bohr.size();
  if (n < 10) fail("expected at least 10 radial grid points");
  if (psp.rab_bohr.size() != n) fail("rab_bohr must have one entry per radial point");
  for (std::size_t i = 1; i < n; ++i)
    if (!(psp.r_bohr[i] > psp.r_bohr[i - 1])) fail("radial grid must increase strictly");
  if (psp.r_bohr[0] < 0.0) fail("radial grid must start at r >= 0");
  if (psp.v_local_hartree.size() != n) fail("local potential must have one value per radial point");
  if (!(psp.z_valence > 0.0) || psp.z_valence > psp.z_atom + 1e-12) fail("expected 0 < Z_val <= Z");
  int previous_l = -1;
  for (const auto& ch : psp.channels) {
    if (ch.l <= previous_l) fail("nonlocal channels must be in strictly ascending l");
    previous_l = ch.l;
    const std::size_t np = ch.projectors.size();
    if (np == 0) fail("channel l = " + std::to_string(ch.l) + " has no projectors");
    if (ch.d_ij_hartree.size() != np * np)
      fail("D_ij of l = " + std::to_string(ch.l) + " must be n x n");
    for (std::size_t i = 0; i < np; ++i)
      for (std::size_t j = 0; j < np; ++j)
        if (std::abs(ch.d(i, j) - ch.d(j, i)) > 1e-10 * (1.0 + std::abs(ch.d(i, j))))
          fail("D_ij of l = " + std::to_string(ch.l) + " must be symmetric");
    for (const auto& p : ch.projectors) {
      if (p.l != ch.l) fail("projector l differs from its channel's l");
      if (p.r_beta.size() != n) fail("projector must have one value per radial point");
    }
  }
  if (!psp.rho_core.empty() && psp.rho_core.size() != n)
    fail("core density must have one value per radial point");
  if (!psp.rho_valence_atom.empty() && psp.rho_valence_atom.size() != n)
    fail("atomic valence density must have one value per radial point");
  for (const auto& orbital : psp.orbitals)
    if (orbital.r_phi.size() != n) fail("atomic orbital must have one value per radial point");
}

Pseudopotential read_pseudopotential(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open pseudopotential file");
  // Readers are chosen by the file's content first (XML root, ABINIT pspcod), then by extension.
  std::string head, line;
  std::vector<std::string> lines;
  for (int i = 0; i < 40 && std::getline(in, line); ++i) {
    head += line + "\n";
    lines.push_back(line);
  }
  const auto ends_with = [&](const std::string& suffix) {
    if (path.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), path.rbegin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
  };
  if (head.find("<psml") != std::string::npos) return read_psml(path);
  if (head.find("<UPF") != std::string::npos || head.find("<PP_INFO") != std::string::npos ||
      head.find("<PP_HEADER") != std::string::npos)
    return read_upf(path);
  if (lines.size() >= 3) {  // ABINIT formats: line 3 starts with pspcod
    std::istringstream words(lines[2]);
    int pspcod = 0;
    if (words >> pspcod) {
      if (pspcod == 8) return read_psp8(path);
      if (pspcod == 3 || pspcod == 10) return read_hgh(path);
    }
  }
  if (ends_with(".psp8")) return read_psp8(path);
  if (ends_with(".psml")) return read_psml(path);
  if (ends_with(".upf")) return read_upf(path);
  if (ends_with(".hgh")) return read_hgh(path);
  throw InputError(path,
                   "unrecognised pseudopotential format (expected psp8, PSML, UPF or GTH/HGH)");
}

}  // namespace fw::dft
