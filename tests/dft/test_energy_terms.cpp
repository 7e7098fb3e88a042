/// \file test_energy_terms.cpp
/// \brief Every energy term's potential is the functional derivative of its energy:
/// (E[ρ + hδρ] − E[ρ − hδρ])/2h = ∫ v δρ dr, for the terms of bulk Au (local, Hartree, XC with
/// model core), and the terms fill their own slots of the energy table.
#include <gtest/gtest.h>

#include <cmath>

#include "dft/basis/grid_operators.hpp"
#include "dft/settings.hpp"
#include "dft/solver/kohn_sham_terms.hpp"
#include "dft/solver/scf_setup.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

TEST(EnergyTerms, EachPotentialIsTheDerivativeOfItsEnergy) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 12.0;
  s.kpoint_mesh = {2, 2, 2};
  s.xc_libxc_ids = {101, 130};
  KohnShamBasis ks(crystal, s.ecut_hartree);
  const Communicator& world = Communicator::world();
  ks.world = &world;
  std::vector<std::string> warnings;
  setup_basis(ks, s, warnings, [](const std::string&) {});
  ASSERT_FALSE(ks.rho_core_r.empty()) << "the test wants the model-core path of the XC term";
  const auto rho = initial_density(ks);
  // A smooth, charge-neutral perturbation: a few low G components.
  std::vector<Complex> delta(rho.size(), 0.0);
  for (std::size_t i = 1; i < delta.size(); ++i) {
    const double g2 = dot(ks.box_g[i], ks.box_g[i]);
    if (g2 < 6.0) delta[i] = 0.02 * rho[i] + 1e-4 * std::exp(-g2);
  }
  // Keep it the transform of a real field.
  delta = to_reciprocal(to_real(delta, *ks.plans), *ks.plans);
  delta[0] = 0.0;
  const auto delta_r = to_real(delta, *ks.plans);
  const double dvol = crystal.volume_bohr3() / static_cast<double>(ks.grid.size());
  const EnergyTermList terms = make_kohn_sham_terms(ks);
  int with_potential = 0;
  for (const auto& term : terms) {
    const DensityState at = make_density_state(ks, rho);
    std::vector<double> v(ks.grid.size(), 0.0);
    term->add_potential(at, v);
    double linear = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) linear += v[i] * delta_r[i] * dvol;
    bool any = false;
    for (double x : v) any = any || x != 0.0;
    if (!any) continue;  // kinetic, nonlocal (orbital operators), Ewald, psp_core
    ++with_potential;
    const double h = 1e-3;
    std::vector<Complex> plus = rho, minus = rho;
    for (std::size_t i = 0; i < rho.size(); ++i) {
      plus[i] += h * delta[i];
      minus[i] -= h * delta[i];
    }
    const KohnShamState no_orbitals;  // the density terms read only ρ
    const double derivative = (term->energy(no_orbitals, make_density_state(ks, plus)) -
                               term->energy(no_orbitals, make_density_state(ks, minus))) /
                              (2.0 * h);
    EXPECT_NEAR(derivative, linear, 1e-7 * std::max(1.0, std::abs(linear)))
        << "slot "
        << (term->slot() == &EnergyTerms::xc        ? "xc"
            : term->slot() == &EnergyTerms::hartree ? "hartree"
                                                    : "local");
  }
  EXPECT_EQ(with_potential, 3);  // local, Hartree, XC
  // Every slot of the table but the smearing's is some term's, once.
  std::vector<double EnergyTerms::*> slots;
  for (const auto& term : terms) slots.push_back(term->slot());
  for (auto slot :
       {&EnergyTerms::kinetic, &EnergyTerms::hartree, &EnergyTerms::xc, &EnergyTerms::ewald,
        &EnergyTerms::psp_core, &EnergyTerms::local, &EnergyTerms::nonlocal})
    EXPECT_EQ(std::count(slots.begin(), slots.end(), slot), 1);
}

}  // namespace
}  // namespace fw::dft
