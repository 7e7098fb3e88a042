/// \file test_overlap_check.cpp
/// \brief check_atoms_do_not_overlap: the limit is half the sum of the two species' covalent
/// radii (Cordero et al. 2008), images included, so real bonds pass and squeezed cells do not.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "slabs/fcc.hpp"
#include "slabs/input_checks.hpp"
#include "slabs/structure.hpp"

namespace fw::slabs {
namespace {

Atom atom(const std::string& species, const Vec3& position_A) {
  Atom a;
  a.species = species;
  a.position = position_A;
  return a;
}

Structure two_atoms(const std::string& a, const std::string& b, double d) {
  Structure s;
  s.cell = Mat3{{Vec3{20, 0, 0}, Vec3{0, 20, 0}, Vec3{0, 0, 20}}};
  s.atoms.push_back(atom(a, {5, 5, 5}));
  s.atoms.push_back(atom(b, {5 + d, 5, 5}));
  return s;
}

TEST(OverlapCheck, RealBondsPassAndSqueezedPairsAreRefusedNamingBothAtoms) {
  EXPECT_NO_THROW(check_atoms_do_not_overlap(fcc_bulk("Au", 4.08, FccCell::conventional), "au"));
  EXPECT_NO_THROW(check_atoms_do_not_overlap(two_atoms("C", "C", 1.42), "graphene"));
  EXPECT_NO_THROW(check_atoms_do_not_overlap(two_atoms("Au", "C", 2.2), "adsorbed"));
  // Au-C limit: (1.36 + 0.76) / 2 = 1.06 Å.
  try {
    check_atoms_do_not_overlap(two_atoms("Au", "C", 1.0), "pair.vasp");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), "pair.vasp");
    EXPECT_NE(e.message().find("atoms 1 (Au) and 2 (C) overlap: 1 Å apart, closer than 1.06 Å"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(check_atoms_do_not_overlap(Structure{}, "empty"), InputError);
}

TEST(OverlapCheck, PeriodicImagesCount) {
  // One Au atom in a 1 Å cube (a POSCAR scale factor of -1): 1 Å from its own images.
  Structure s;
  s.cell = Mat3{{Vec3{1, 0, 0}, Vec3{0, 1, 0}, Vec3{0, 0, 1}}};
  s.atoms.push_back(atom("Au", {0, 0, 0}));
  EXPECT_THROW(check_atoms_do_not_overlap(s, "tiny.vasp"), InputError);
  s.pbc = {false, false, false};  // a molecule of one atom has no neighbours
  EXPECT_NO_THROW(check_atoms_do_not_overlap(s, "atom.xyz"));
}

}  // namespace
}  // namespace fw::slabs
