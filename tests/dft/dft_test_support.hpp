/// \file dft_test_support.hpp
/// \brief Shared fixtures of the dft tests: the Debian PseudoDojo Au.psp8 and fcc Au cells.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "dft/crystal.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft::testing {

/// LDA-generated PseudoDojo Au (abinit-data), the code-to-code file of the ABINIT references.
inline const std::string kAuPsp8 =
    "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8";
/// ABINIT's acell for 4.08 Å (its Bohr radius 0.52917720859 Å); bench/dft/abinit/README.md.
inline constexpr double kAbinitAuLatticeBohr = 7.7100826222;

inline bool have_au_psp8() {
  return std::filesystem::exists(kAuPsp8);
}

/// One-atom fcc primitive cell (ABINIT's rprim 0 ½ ½ / ½ 0 ½ / ½ ½ 0).
inline Crystal fcc_au_primitive(double a_bohr = kAbinitAuLatticeBohr) {
  Crystal c;
  c.cell_bohr = Mat3{{Vec3{0, a_bohr / 2, a_bohr / 2}, Vec3{a_bohr / 2, 0, a_bohr / 2},
                      Vec3{a_bohr / 2, a_bohr / 2, 0}}};
  c.positions_frac = {Vec3{0, 0, 0}};
  c.species_of_atom = {0};
  c.species.push_back(read_pseudopotential(kAuPsp8));
  return c;
}

/// A small, tightly converged SCF for comparing two ways of running it: PBE (libxc 101+130) at
/// `ecut_hartree` on the Γ-centred `mesh`, Fermi–Dirac 0.02 Ha, toldfe `toldfe_hartree`, one
/// thread.
inline ScfSettings small_pbe_settings(double ecut_hartree, std::array<int, 3> mesh,
                                      double toldfe_hartree) {
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = ecut_hartree;
  s.kpoint_mesh = mesh;
  s.xc_libxc_ids = {101, 130};
  s.smearing = Smearing{SmearingKind::kFermiDirac, 0.02};
  s.energy_tolerance_hartree = toldfe_hartree;
  s.threads = 1;
  return s;
}

}  // namespace fw::dft::testing

/// Fails the test when Au.psp8 is missing: tools/setup.sh always installs it (abinit-data), so a
/// missing file is a broken setup, not a reason to skip.
#define FW_REQUIRE_AU_PSP8()                \
  if (!fw::dft::testing::have_au_psp8())    \
  GTEST_FAIL() << fw::dft::testing::kAuPsp8 \
               << " missing: tools/setup.sh installs Debian's abinit-data"
