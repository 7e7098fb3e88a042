/// \file errors.cpp
/// \brief The custodian message table and the line scan.
#include "vasp_io/jobs/errors.hpp"

#include <algorithm>

namespace fw::vasp {

const std::vector<ErrorPattern>& vasp_error_patterns() {
  static const std::vector<ErrorPattern> patterns = {
      {"tet",
       {"Tetrahedron method fails", "Fatal error detecting k-mesh",
        "Fatal error: unable to match k-point", "Routine TETIRR needs special values",
        "Tetrahedron method fails (number of k-points < 4)", "BZINTS"}},
      {"inv_rot_mat", {"rotation matrix was not found (increase SYMPREC)"}},
      {"brmix", {"BRMIX: very serious problems"}},
      {"subspacematrix", {"WARNING: Sub-Space-Matrix is not hermitian in DAV"}},
      {"tetirr", {"Routine TETIRR needs special values"}},
      {"incorrect_shift", {"Could not get correct shifts"}},
      {"real_optlay", {"REAL_OPTLAY: internal error", "REAL_OPT: internal ERROR"}},
      {"rspher", {"ERROR RSPHER"}},
      {"dentet", {"DENTET"}},
      {"too_few_bands", {"TOO FEW BANDS"}},
      {"triple_product", {"ERROR: the triple product of the basis vectors"}},
      {"rot_matrix", {"Found some non-integer element in rotation matrix", "SGRCON"}},
      {"brions", {"BRIONS problems: POTIM should be increased"}},
      {"pricel", {"internal error in subroutine PRICEL"}},
      {"zpotrf", {"LAPACK: Routine ZPOTRF failed", "Routine ZPOTRF ZTRTRI"}},
      {"amin", {"One of the lattice vectors is very long (>50 A), but AMIN"}},
      {"zbrent", {"ZBRENT: fatal internal in", "ZBRENT: fatal error in bracketing"}},
      {"pssyevx", {"ERROR in subspace rotation PSSYEVX"}},
      {"eddrmm", {"WARNING in EDDRMM: call to ZHEGV failed"}},
      {"edddav", {"Error EDDDAV: Call to ZHEGV failed"}},
      {"algo_tet", {"ALGO=A and IALGO=5X tend to fail"}},
      {"grad_not_orth", {"EDWAV: internal error, the gradient is not orthogonal"}},
      {"nicht_konv", {"ERROR: SBESSELITER : nicht konvergent"}},
      {"zheev", {"ERROR EDDIAG: Call to routine ZHEEV failed!"}},
      {"eddiag", {"ERROR in EDDIAG: call to ZHEEV/ZHEEVX/DSYEV/DSYEVX failed"}},
      {"elf_kpar", {"ELF: KPAR>1 not implemented"}},
      {"elf_ncl", {"WARNING: ELF not implemented for non collinear case"}},
      {"rhosyg", {"RHOSYG"}},
      {"posmap", {"POSMAP"}},
      {"point_group", {"group operation missing"}},
      {"pricelv", {"PRICELV: current lattice and primitive lattice are incommensurate"}},
      {"symprec_noise", {"determination of the symmetry of your systems shows a strong"}},
      {"dfpt_ncore", {"PEAD calculations are not supported for NCORE"}},
      {"bravais", {"Inconsistent Bravais lattice"}},
      {"nbands_not_sufficient", {"number of bands is not sufficient"}},
      {"hnform", {"HNFORM: k-point generating"}},
      {"coef", {"while reading plane", "while reading WAVECAR"}},
      {"set_core_wf", {"internal error in SET_CORE_WF"}},
      {"read_error", {"Error reading item", "Error code was IERR= 5"}},
      {"auto_nbands", {"The number of bands has been changed"}, false},
  };
  return patterns;
}

std::vector<VaspError> detect_errors_in_text(std::string_view text) {
  std::vector<VaspError> found;
  const auto& patterns = vasp_error_patterns();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    for (const auto& pattern : patterns) {
      for (const auto& msg : pattern.messages) {
        if (line.find(msg) == std::string_view::npos) continue;
        const bool seen = std::any_of(found.begin(), found.end(),
                                      [&](const VaspError& e) { return e.code == pattern.code; });
        if (!seen) found.push_back({pattern.code, msg});
        break;
      }
    }
  }
  return found;
}

bool is_fatal_error(const std::string& code) {
  for (const auto& p : vasp_error_patterns())
    if (p.code == code) return p.fatal;
  return true;
}

}  // namespace fw::vasp
