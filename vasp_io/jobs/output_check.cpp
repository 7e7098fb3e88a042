/// \file output_check.cpp
/// \brief OUTCAR vs INCAR/POSCAR of its job folder.
#include "vasp_io/jobs/output_check.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/error.hpp"
#include "slabs/io/structure_file.hpp"
#include "vasp_io/incar.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace {

/// Species runs as VASP counts them: consecutive atoms of one species form one type.
std::vector<std::pair<std::string, int>> types_of(const slabs::Structure& s) {
  std::vector<std::pair<std::string, int>> types;
  for (const auto& atom : s.atoms) {
    if (types.empty() || types.back().first != atom.species) types.push_back({atom.species, 0});
    ++types.back().second;
  }
  return types;
}

std::string formula(const std::vector<std::pair<std::string, int>>& types) {
  std::string out;
  for (const auto& [species, n] : types) out += species + std::to_string(n);
  return out;
}

/// VASP's defaults (VASP wiki): NSW = 0; IBRION = -1 for NSW = 0 or -1, else 0.
std::pair<int, int> ibrion_nsw(const Incar& incar) {
  const int nsw = static_cast<int>(incar.integer("NSW").value_or(0));
  const int ibrion = static_cast<int>(incar.integer("IBRION").value_or(nsw <= 0 ? -1 : 0));
  return {ibrion, nsw};
}

/// The most ionic steps the run type allows; -1 when the count is not bounded by NSW
/// (finite differences, IBRION >= 5).
int max_ionic_steps(int ibrion, int nsw) {
  if (ibrion >= 5) return -1;
  return std::max(nsw, 1);
}

}  // namespace

std::vector<std::string> output_mismatches(const fs::path& folder, const Outcar& outcar) {
  std::vector<std::string> problems;
  const int steps = static_cast<int>(outcar.ionic_steps.size());

  try {
    const slabs::Structure s = slabs::read_structure(folder / "POSCAR");
    const auto want = types_of(s);
    if (outcar.nions != static_cast<int>(s.size())) {
      std::string got = std::to_string(outcar.nions) + " atoms";
      if (outcar.species.size() == outcar.ions_per_type.size() && !outcar.species.empty()) {
        std::vector<std::pair<std::string, int>> types;
        for (std::size_t i = 0; i < outcar.species.size(); ++i)
          types.push_back({outcar.species[i], outcar.ions_per_type[i]});
        got += " (" + formula(types) + ")";
      }
      problems.push_back("OUTCAR has " + got + ", the POSCAR " + std::to_string(s.size()) + " (" +
                         formula(want) + ")");
    } else if (!outcar.species.empty()) {
      bool same =
          outcar.species.size() == want.size() && outcar.ions_per_type.size() == want.size();
      for (std::size_t i = 0; same && i < want.size(); ++i)
        same = outcar.species[i] == want[i].first && outcar.ions_per_type[i] == want[i].second;
      if (!same) {
        std::string got;
        for (std::size_t i = 0; i < outcar.species.size(); ++i)
          got += outcar.species[i] +
                 (i < outcar.ions_per_type.size() ? std::to_string(outcar.ions_per_type[i]) : "?");
        problems.push_back("OUTCAR species " + got + " differ from the POSCAR's " + formula(want));
      }
    }
    if (outcar.initial_cell_A) {
      double worst = 0.0, scale = 1.0;
      for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
          worst = std::max(worst, std::abs((*outcar.initial_cell_A)[r][c] - s.cell[r][c]));
          scale = std::max(scale, std::abs(s.cell[r][c]));
        }
      // VASP prints the lattice with 9 decimals; a POSCAR may carry fewer digits (6 is common).
      if (worst > 2e-6 * scale + 1e-6) {
        std::ostringstream m;
        m.precision(6);
        m << "OUTCAR starts from another cell (lattice vectors differ by up to " << worst
          << " A from the POSCAR's)";
        problems.push_back(m.str());
      }
    }
  } catch (const InputError& e) {
    problems.push_back(std::string("cannot read the job's POSCAR: ") + e.what());
  }

  try {
    const Incar incar = Incar::read(folder / "INCAR");
    const auto [ibrion, nsw] = ibrion_nsw(incar);
    // With NSW <= 0 no ion moves whatever IBRION says, so IBRION only counts for NSW > 0.
    // NSW = -1 and 0 are the same single point.
    const bool header_differs = (outcar.nsw && std::max(*outcar.nsw, 0) != std::max(nsw, 0)) ||
                                (nsw > 0 && outcar.ibrion && *outcar.ibrion != ibrion);
    if (header_differs)
      problems.push_back(
          "OUTCAR ran with IBRION = " +
          (outcar.ibrion ? std::to_string(*outcar.ibrion) : std::string("?")) +
          ", NSW = " + (outcar.nsw ? std::to_string(*outcar.nsw) : std::string("?")) +
          ", the INCAR sets IBRION = " + std::to_string(ibrion) + ", NSW = " + std::to_string(nsw));
    const int most = max_ionic_steps(ibrion, nsw);
    if (most > 0 && steps > most)
      problems.push_back(
          "OUTCAR has " + std::to_string(steps) + " ionic steps, the INCAR allows " +
          (most == 1 ? std::string("one (a single point)") : std::to_string(most) + " (NSW)"));
  } catch (const InputError& e) {
    problems.push_back(std::string("cannot read the job's INCAR: ") + e.what());
  }
  return problems;
}

void throw_output_mismatch(const fs::path& folder, const std::vector<std::string>& problems) {
  std::string text;
  for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
  throw InputError(folder.string(), "the outputs are not those of this job: " + text +
                                        " (a copied or stale OUTCAR?)");
}

void check_outputs_match_job(const fs::path& folder, const Outcar& outcar) {
  const auto problems = output_mismatches(folder, outcar);
  if (!problems.empty()) throw_output_mismatch(folder, problems);
}

void check_outputs_match_job(const fs::path& folder) {
  check_outputs_match_job(folder, read_outcar(folder / "OUTCAR"));
}

}  // namespace fw::vasp
