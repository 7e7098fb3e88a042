/// \file kohn_sham_terms.hpp
/// \brief The Kohn–Sham functional of a run as its list of terms (dft/terms/energy_term.hpp), and
/// what the SCF asks of it: every energy, the effective potential, the forces, the stress.
#pragma once

#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/terms/energy_term.hpp"

namespace fw::dft {

/// Kinetic, local, nonlocal, Hartree, XC, Ewald and psp_core on the basis `ks` (kept alive by the
/// caller); a new term (a dipole correction) is one more entry.
EnergyTermList make_kohn_sham_terms(const KohnShamBasis& ks);

/// Every term's energy at ρ and the state's orbitals (the entropy term is the smearing's).
EnergyTerms evaluate_energies(const EnergyTermList& terms, const KohnShamState& state,
                              const DensityState& rho);

/// V_eff(r) = Σ_terms δE/δρ(r) (local + Hartree + XC).
std::vector<double> effective_potential(const EnergyTermList& terms, const DensityState& rho,
                                        std::size_t n_grid);

/// Collinear spin: (V_eff,↑, V_eff,↓), each Σ_terms δE/δρ_σ(r).
std::vector<std::vector<double>> spin_potentials(const EnergyTermList& terms,
                                                 const DensityState& rho, std::size_t n_grid);

/// F = Σ_terms −∂E/∂τ (Ha/bohr), symmetrised with the run's operations (collective).
std::vector<Vec3> compute_forces(const KohnShamBasis& ks, const EnergyTermList& terms,
                                 const KohnShamState& state, const DensityState& rho);

/// Subtracts the mean force per atom from every force and returns it (Ha/bohr). The exact forces
/// of a periodic cell sum to zero; the XC grid's egg-box term leaves a small net force that would
/// drift the cell in a relaxation or MD. ABINIT removes it the same way (m_forces.F90, favg).
Vec3 remove_mean_force(std::vector<Vec3>& forces);

/// σ = Σ_terms (1/Ω) ∂E/∂ε (Ha/bohr³, at a fixed set of plane waves; pressure −Tr σ/3),
/// symmetrised with the run's operations (collective).
Mat3 compute_stress(const KohnShamBasis& ks, const EnergyTermList& terms,
                    const KohnShamState& state, const DensityState& rho);

}  // namespace fw::dft
