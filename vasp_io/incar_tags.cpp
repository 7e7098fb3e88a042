/// \file incar_tags.cpp
/// \brief Table of VASP INCAR tags (VASP 5.4–6.4, VASP wiki "Category:INCAR tag") and typo search.
#include "vasp_io/incar_tags.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace fw::vasp {
namespace {

using T = IncarType;
constexpr T L = T::logical;
constexpr T I = T::integer;
constexpr T R = T::real;
constexpr T S = T::string;
constexpr T IL = T::integer_list;
constexpr T RL = T::real_list;
constexpr T LL = T::logical_list;

// Sorted by name (checked at first use) so lookups are a binary search.
constexpr IncarTagInfo kTags[] = {
    {"ADDGRID", L},
    {"AEXX", R},
    {"AGGAC", R},
    {"AGGAX", R},
    {"ALDAC", R},
    {"ALDAX", R},
    {"ALGO", S},
    {"AMGGAC", R},
    {"AMGGAX", R},
    {"AMIN", R},
    {"AMIX", R},
    {"AMIX_MAG", R},
    {"ANDERSEN_PROB", R},
    {"ANTIRES", I},
    {"APACO", R},
    {"BMIX", R},
    {"BMIX_MAG", R},
    {"CH_LSPEC", L},
    {"CH_NEDOS", I},
    {"CH_SIGMA", R},
    {"CLN", I},
    {"CLNT", I},
    {"CLL", I},
    {"CLZ", R},
    {"CMBJ", R},
    {"CSHIFT", R},
    {"DEPER", R},
    {"DIMER_DIST", R},
    {"DIPOL", RL},
    {"DQ", R},
    {"EBREAK", R},
    {"EDIFF", R},
    {"EDIFFG", R},
    {"EFERMI", S},
    {"EFIELD", R},
    {"EFIELD_PEAD", RL},
    {"EINT", RL},
    {"ELMIN", I},
    {"EMAX", R},
    {"EMIN", R},
    {"ENAUG", R},
    {"ENCUT", R},
    {"ENCUTFOCK", R},
    {"ENCUTGW", R},
    {"ENCUTGWSOFT", R},
    {"ENINI", R},
    {"EPSILON", R},
    {"EVENONLY", L},
    {"EVENONLYGW", L},
    {"FERDO", RL},
    {"FERWE", RL},
    {"FINDIFF", I},
    {"GGA", S},
    {"GGA_COMPAT", L},
    {"HFLMAX", I},
    {"HFRCUT", R},
    {"HFSCREEN", R},
    {"HILLS_BIN", I},
    {"HILLS_H", R},
    {"HILLS_W", R},
    {"IALGO", I},
    {"IBAND", IL},
    {"IBRION", I},
    {"ICHAIN", I},
    {"ICHARG", I},
    {"ICORELEVEL", I},
    {"IDIPOL", I},
    {"IEPSILON", I},
    {"IMAGES", I},
    {"IMIX", I},
    {"INCREM", RL},
    {"INIMIX", I},
    {"INIWAV", I},
    {"IOPT", I},
    {"IPEAD", I},
    {"ISIF", I},
    {"ISMEAR", I},
    {"ISPIN", I},
    {"ISTART", I},
    {"ISYM", I},
    {"IVDW", I},
    {"IWAVPR", I},
    {"KBLOCK", I},
    {"KGAMMA", L},
    {"KPAR", I},
    {"KPOINT_BSE", IL},
    {"KSPACING", R},
    {"LADDER", L},
    {"LAECHG", L},
    {"LASPH", L},
    {"LASYNC", L},
    {"LATTICE_CONSTRAINTS", LL},
    {"LBERRY", L},
    {"LBLUEOUT", L},
    {"LBONE", L},
    {"LCALCEPS", L},
    {"LCALCPOL", L},
    {"LCHARG", L},
    {"LCHIMAG", L},
    {"LCLIMB", L},
    {"LCORR", L},
    {"LDAU", L},
    {"LDAUJ", RL},
    {"LDAUL", IL},
    {"LDAUPRINT", I},
    {"LDAUTYPE", I},
    {"LDAUU", RL},
    {"LDIAG", L},
    {"LDIPOL", L},
    {"LEFG", L},
    {"LELF", L},
    {"LEPSILON", L},
    {"LFINITE_TEMPERATURE", L},
    {"LFOCKACE", L},
    {"LHFCALC", L},
    {"LHYPERFINE", L},
    {"LKPOINTS_OPT", L},
    {"LKPROJ", L},
    {"LMAXFOCK", I},
    {"LMAXFOCKAE", I},
    {"LMAXMIX", I},
    {"LMAXPAW", I},
    {"LMAXTAU", I},
    {"LMIXTAU", L},
    {"LMODELHF", L},
    {"LMONO", L},
    {"LNABLA", L},
    {"LNMR_SYM_RED", L},
    {"LNONCOLLINEAR", L},
    {"LOCPROJ", S},
    {"LOPTICS", L},
    {"LORBIT", I},
    {"LORBMOM", L},
    {"LPARD", L},
    {"LPEAD", L},
    {"LPLANE", L},
    {"LREAL", S},
    {"LRPA", L},
    {"LSCAAWARE", L},
    {"LSCALAPACK", L},
    {"LSCALU", L},
    {"LSCSGRAD", L},
    {"LSELFENERGY", L},
    {"LSEPB", L},
    {"LSEPK", L},
    {"LSORBIT", L},
    {"LSPECTRAL", L},
    {"LSUBROT", L},
    {"LTHOMAS", L},
    {"LUSE_VDW", L},
    {"LVDW_EWALD", L},
    {"LVHAR", L},
    {"LVTOT", L},
    {"LWANNIER90", L},
    {"LWANNIER90_RUN", L},
    {"LWAVE", L},
    {"LWRITE_MMN_AMN", L},
    {"LZEROZ", L},
    {"M_CONSTR", RL},
    {"MAGMOM", RL},
    {"MAXMIX", I},
    {"MDALGO", I},
    {"METAGGA", S},
    {"MINROT", R},
    {"ML_LMLFF", L},
    {"ML_MODE", S},
    {"NBANDS", I},
    {"NBANDSGW", I},
    {"NBANDSO", I},
    {"NBANDSV", I},
    {"NBLK", I},
    {"NBLOCK", I},
    {"NBMOD", I},
    {"NCORE", I},
    {"NCRPA_BANDS", IL},
    {"NEDOS", I},
    {"NELECT", R},
    {"NELM", I},
    {"NELMDL", I},
    {"NELMIN", I},
    {"NFREE", I},
    {"NGX", I},
    {"NGXF", I},
    {"NGY", I},
    {"NGYF", I},
    {"NGYROMAG", RL},
    {"NGZ", I},
    {"NGZF", I},
    {"NKRED", I},
    {"NKREDX", I},
    {"NKREDY", I},
    {"NKREDZ", I},
    {"NLSPLINE", L},
    {"NMAXFOCKAE", I},
    {"NOMEGA", I},
    {"NOMEGAR", I},
    {"NPACO", I},
    {"NPAR", I},
    {"NSIM", I},
    {"NSTORB", I},
    {"NSUBSYS", IL},
    {"NSW", I},
    {"NTARGET_STATES", IL},
    {"NUPDOWN", R},
    {"NWRITE", I},
    {"OFIELD_A", R},
    {"OFIELD_KAPPA", R},
    {"OFIELD_Q6_FAR", R},
    {"OFIELD_Q6_NEAR", R},
    {"OMEGAMAX", R},
    {"OMEGAMIN", R},
    {"OMEGATL", R},
    {"PFLAT", L},
    {"PHON_LMC", L},
    {"PHON_NSTRUCT", I},
    {"PHON_NTLIST", I},
    {"PHON_TLIST", RL},
    {"PMASS", R},
    {"POMASS", RL},
    {"POTIM", R},
    {"PREC", S},
    {"PRECFOCK", S},
    {"PSTRESS", R},
    {"QUAD_EFG", RL},
    {"QMAXFOCKAE", RL},
    {"RANDOM_SEED", IL},
    {"ROPT", RL},
    {"RWIGS", RL},
    {"SAXIS", RL},
    {"SCALEE", R},
    {"SHAKEMAXITER", I},
    {"SHAKETOL", R},
    {"SIGMA", R},
    {"SMASS", R},
    {"SMEARINGS", RL},
    {"SPRING", R},
    {"STEP_MAX", R},
    {"STEP_SIZE", R},
    {"SYMPREC", R},
    {"SYSTEM", S},
    {"TEBEG", R},
    {"TEEND", R},
    {"TIME", R},
    {"TSUBSYS", RL},
    {"VCA", RL},
    {"VDW_A1", R},
    {"VDW_A2", R},
    {"VDW_C6", RL},
    {"VDW_D", R},
    {"VDW_R0", RL},
    {"VDW_RADIUS", R},
    {"VDW_S6", R},
    {"VDW_S8", R},
    {"VDW_SR", R},
    {"WC", R},
    {"WEIMIN", R},
    {"ZVAL", RL},
};

const std::vector<IncarTagInfo>& sorted_tags() {
  static const std::vector<IncarTagInfo> tags = [] {
    std::vector<IncarTagInfo> v(std::begin(kTags), std::end(kTags));
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return v;
  }();
  return tags;
}

}  // namespace

const IncarTagInfo* find_incar_tag(std::string_view name) {
  const auto& tags = sorted_tags();
  auto it = std::lower_bound(tags.begin(), tags.end(), name,
                             [](const IncarTagInfo& t, std::string_view n) { return t.name < n; });
  return (it != tags.end() && it->name == name) ? &*it : nullptr;
}

int edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::optional<std::string> suggest_incar_tag(std::string_view name) {
  const int allowed = name.size() <= 4 ? 1 : 2;
  int best = allowed + 1;
  std::string_view best_name;
  for (const auto& tag : sorted_tags()) {
    const int dist = edit_distance(name, tag.name);
    if (dist < best) {
      best = dist;
      best_name = tag.name;
    }
  }
  if (best > allowed) return std::nullopt;
  return std::string(best_name);
}

std::string_view incar_type_name(IncarType type) {
  switch (type) {
    case IncarType::logical:
      return "a logical (.TRUE./.FALSE.)";
    case IncarType::integer:
      return "an integer";
    case IncarType::real:
      return "a real number";
    case IncarType::string:
      return "a word";
    case IncarType::integer_list:
      return "a list of integers";
    case IncarType::real_list:
      return "a list of real numbers";
    case IncarType::logical_list:
      return "a list of logicals";
  }
  return "a value";
}

}  // namespace fw::vasp
