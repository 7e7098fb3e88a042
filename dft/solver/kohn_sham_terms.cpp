/// \file kohn_sham_terms.cpp
/// \brief The term list of the Kohn–Sham functional; Hellmann–Feynman forces and stress as the sums
/// of the terms' (Ihm, Zunger & Cohen, J. Phys. C 12, 4409 (1979); Nielsen & Martin, PRB 32, 3780
/// (1985)).
#include "dft/solver/kohn_sham_terms.hpp"

#include "dft/terms/ewald.hpp"
#include "dft/terms/hartree.hpp"
#include "dft/terms/kinetic.hpp"
#include "dft/terms/local.hpp"
#include "dft/terms/nonlocal.hpp"
#include "dft/terms/psp_core.hpp"
#include "dft/terms/xc.hpp"

namespace fw::dft {

EnergyTermList make_kohn_sham_terms(const KohnShamBasis& ks) {
  EnergyTermList terms;
  terms.push_back(std::make_unique<KineticTerm>(ks));
  terms.push_back(std::make_unique<LocalTerm>(ks));
  terms.push_back(std::make_unique<NonlocalTerm>(ks));
  terms.push_back(std::make_unique<HartreeTerm>(ks));
  terms.push_back(std::make_unique<XcTerm>(ks));
  terms.push_back(std::make_unique<EwaldTerm>(ks.crystal));
  terms.push_back(std::make_unique<PspCoreTerm>(ks));
  return terms;
}

EnergyTerms evaluate_energies(const EnergyTermList& terms, const KohnShamState& state,
                              const DensityState& rho) {
  EnergyTerms e;
  for (const auto& term : terms) e.*(term->slot()) += term->energy(state, rho);
  return e;
}

std::vector<double> effective_potential(const EnergyTermList& terms, const DensityState& rho,
                                        std::size_t n_grid) {
  std::vector<double> v(n_grid, 0.0);
  for (const auto& term : terms) term->add_potential(rho, v);
  return v;
}

std::vector<std::vector<double>> spin_potentials(const EnergyTermList& terms,
                                                 const DensityState& rho, std::size_t n_grid) {
  std::vector<std::vector<double>> v(2, std::vector<double>(n_grid, 0.0));
  for (const auto& term : terms) term->add_spin_potential(rho, v[0], v[1]);
  return v;
}

std::vector<Vec3> compute_forces(const KohnShamBasis& ks, const EnergyTermList& terms,
                                 const KohnShamState& state, const DensityState& rho) {
  std::vector<Vec3> forces(ks.crystal.n_atoms());
  for (const auto& term : terms) term->add_forces(state, rho, forces);
  symmetrize_forces(forces, ks.crystal, ks.symmetry);
  return forces;
}

Vec3 remove_mean_force(std::vector<Vec3>& forces) {
  if (forces.empty()) return {};
  Vec3 mean;
  for (const Vec3& f : forces) mean += f;
  mean = mean / static_cast<double>(forces.size());
  for (Vec3& f : forces) f -= mean;
  return mean;
}

Mat3 compute_stress(const KohnShamBasis& ks, const EnergyTermList& terms,
                    const KohnShamState& state, const DensityState& rho) {
  Mat3 sigma;
  for (const auto& term : terms) term->add_stress(state, rho, sigma);
  symmetrize_stress(sigma, ks.crystal, ks.symmetry);
  return sigma;
}

}  // namespace fw::dft
