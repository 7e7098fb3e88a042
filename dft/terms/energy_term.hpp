/// \file energy_term.hpp
/// \brief The interface of a Kohn–Sham energy term (DFTK's src/terms/): its energy, its
/// contribution to the local potential δE/δρ(r), its forces −∂E/∂τ and its stress (1/Ω) ∂E/∂ε. The
/// Hamiltonian is the sum of the terms' operators: the kinetic diagonal, the nonlocal projectors,
/// and one local potential into which the density terms (local, Hartree, XC) add theirs.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/terms/energy_table.hpp"

namespace fw::dft {

/// The valence density a term is evaluated at, in both spaces, and with collinear spin the
/// magnetisation m = ρ↑ − ρ↓ on the grid (ρ↑ = (ρ + m)/2, ρ↓ = (ρ − m)/2).
struct DensityState {
  const std::vector<Complex>& rho_g;    ///< box G coefficients (e/bohr³)
  std::vector<double> rho_r;            ///< on the grid
  std::vector<double> magnetization_r;  ///< on the grid; empty when spin-unpolarised
};

/// ρ in both spaces (to_real of rho_g).
DensityState make_density_state(const KohnShamBasis& ks, const std::vector<Complex>& rho_g);

/// ρ and m (empty magnetization_g: spin-unpolarised, as the overload above).
DensityState make_density_state(const KohnShamBasis& ks, const std::vector<Complex>& rho_g,
                                const std::vector<Complex>& magnetization_g);

/// A term is built on the fixed KohnShamBasis it reads (DFTK's `basis`); each evaluation is handed
/// the state: orbital terms (kinetic, nonlocal) read its ψ and occupations, density terms the
/// density `rho` (which the SCF chooses: its output density for energies, forces and stress).
class EnergyTerm {
 public:
  virtual ~EnergyTerm() = default;
  /// The entry of ABINIT's energy table this term fills.
  virtual double EnergyTerms::*slot() const = 0;
  /// E (Ha) at density ρ and the state's orbitals and occupations. Orbital terms (kinetic,
  /// nonlocal) sum over the k-points of every rank (collective).
  virtual double energy(const KohnShamState& state, const DensityState& rho) const = 0;
  /// Adds δE/δρ(r) (Ha) to v_r; terms without a local potential add nothing.
  virtual void add_potential(const DensityState& /*rho*/, std::vector<double>& /*v_r*/) const {}
  /// Collinear spin: adds δE/δρ↑(r) to v_up and δE/δρ↓(r) to v_down. A term of the total density
  /// alone (local, Hartree) adds its add_potential to both; XC overrides it.
  virtual void add_spin_potential(const DensityState& rho, std::vector<double>& v_up,
                                  std::vector<double>& v_down) const;
  /// Adds −∂E/∂τ_a (Ha/bohr) to forces (collective for orbital terms).
  virtual void add_forces(const KohnShamState& /*state*/, const DensityState& /*rho*/,
                          std::vector<Vec3>& /*forces*/) const {}
  /// Adds σ_ij = (1/Ω) ∂E/∂ε_ij (Ha/bohr³) to sigma: the derivative under the homogeneous strain
  /// r → (1 + ε) r at a fixed set of plane waves (fixed Miller indices, G → (1 − ε) G), with fixed
  /// fractional positions, orbital coefficients and Ω·ρ(G) (Nielsen & Martin, PRB 32, 3780
  /// (1985); ABINIT's convention). Collective for orbital terms.
  virtual void add_stress(const KohnShamState& /*state*/, const DensityState& /*rho*/,
                          Mat3& /*sigma*/) const {}
};

using EnergyTermList = std::vector<std::unique_ptr<EnergyTerm>>;

/// Σ_u w_k(u) per_unit(u) over the (k, σ) units (KohnShamBasis::n_units) whose k-point this rank
/// contributes (OpenMP over them), summed over the ranks: the pattern of every orbital term's
/// energy. Unpolarised, the units are the k-points.
double sum_over_kpoints(const KohnShamBasis& ks,
                        const std::function<double(std::size_t unit)>& per_unit);

}  // namespace fw::dft
