/// \file fcc_metals.cpp
/// \brief The fcc-metal table.
#include "slabs/fcc_metals.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace fw::slabs {

namespace {

// Lattice constants: C. Kittel, Introduction to Solid State Physics, 8th ed. (Wiley 2005),
// ch. 1, Table 3 (room temperature); the same values as Ashcroft & Mermin, Table 4.3.
// EAM files: Foiles, Baskes & Daw, Phys. Rev. B 33, 7983 (1986), the `*_u3.eam` funcfl files
// (equilibrium a within 0.2 % of these). Al: Jacobsen, Nørskov & Puska, Phys. Rev. B 35, 7423
// (1987) (Al_jnp.eam, funcfl like the others; its own a = 3.986 Å, 1.6 % below experiment).
// Al_zhou.eam.alloy (a = 4.041 Å) would sit closer, but its cutoff lies 0.001 Å beyond its own
// table end, which md's setfl reader refuses (LAMMPS tolerates it).
// PBE pseudopotentials (data/README.md): Debian abinit-data's ONCVPSP Au and Al; for Ag, Cu, Ni
// ONCVPSP 4.0.1 runs on PseudoDojo v0.4 standard inputs (van Setten et al., Comput. Phys. Commun.
// 226, 39 (2018)). Pd and Pt regenerated the same way show a positive-energy ghost (and Debian's Pt
// is LDA with spin-orbit): none, a native run of them needs --psp.
// VASP: the recommended PAW datasets (VASP wiki, "Available pseudopotentials") are the bare
// symbols Ag, Al, Au, Cu, Ni, Pd, Pt; ENMAX as in the headers of the potpaw_PBE.54 POTCARs of
// those names (vasp_io reads the real ENMAX from the POTCAR whenever a library is at hand).
constexpr std::array<FccMetal, 7> kFccMetals{{
    {"Ag", 4.09, "Ag_u3.eam", "Ag_pseudodojo04_pbe_sr_standard_oncvpsp401.psp8", 249.844},
    {"Al", 4.05, "Al_jnp.eam", "/usr/share/abinit/psp/13_Al_oncv.psml", 240.300},
    {"Au", 4.08, "Au_u3.eam", "/usr/share/abinit/psp/79_Au_oncv.psml", 229.898},
    {"Cu", 3.61, "Cu_u3.eam", "Cu_pseudodojo04_pbe_sr_standard_oncvpsp401.psp8", 295.446},
    {"Ni", 3.52, "Ni_u3.eam", "Ni_pseudodojo04_pbe_sr_standard_oncvpsp401.psp8", 269.532},
    {"Pd", 3.89, "Pd_u3.eam", nullptr, 250.925},
    {"Pt", 3.92, "Pt_u3.eam", nullptr, 230.283},
}};

}  // namespace

std::span<const FccMetal> fcc_metals() {
  return kFccMetals;
}

const FccMetal* find_fcc_metal(const std::string& symbol) {
  for (const FccMetal& m : kFccMetals)
    if (symbol == m.symbol) return &m;
  return nullptr;
}

std::string tabulated_fcc_metals() {
  std::string out;
  for (const FccMetal& m : kFccMetals) out += (out.empty() ? "" : ", ") + std::string(m.symbol);
  return out;
}

double tabulated_lattice_constant_A(const std::string& element, const std::string& element_option,
                                    const std::string& a_option) {
  if (const FccMetal* m = find_fcc_metal(element)) return m->lattice_constant_A;
  throw InputError(element_option, "no tabulated lattice constant for " + element + " (known: " +
                                       tabulated_fcc_metals() + "): give " + a_option);
}

void check_lattice_constant_near_tabulated(const std::string& element, double a_A,
                                           const std::string& a_option) {
  const FccMetal* m = find_fcc_metal(element);
  if (!m || std::abs(a_A / m->lattice_constant_A - 1) <= kLatticeConstantMaxDeviation) return;
  char text[200];
  std::snprintf(text, sizeof text,
                "a = %g Å is %+.0f %% from %s's %.2f Å (more than ±%.0f %%): give %s's lattice "
                "constant, or leave it out for the tabulated one",
                a_A, 100 * (a_A / m->lattice_constant_A - 1), m->symbol, m->lattice_constant_A,
                100 * kLatticeConstantMaxDeviation, m->symbol);
  throw InputError(a_option, text);
}

}  // namespace fw::slabs
