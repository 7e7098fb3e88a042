/// \file scf_context.hpp
/// \brief Everything the SCF builds once per geometry (grid, k-points, bases, form factors,
/// projectors, fixed potentials) plus the evolving state (wavefunctions, densities).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/basis/symmetry.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/parallel/kpoint_distribution.hpp"
#include "dft/solver/gamma_hamiltonian.hpp"
#include "dft/solver/scf.hpp"
#include "dft/terms/form_factors.hpp"
#include "dft/terms/nonlocal.hpp"
#include "dft/terms/xc.hpp"

namespace fw::dft {

struct ScfContext {
  const Crystal& crystal;
  const ScfSettings& settings;
  FftGrid grid;
  std::unique_ptr<FftPlans> plans;
  std::vector<Vec3> box_g;
  std::vector<SymmetryOperation> symmetry;
  std::vector<KPointBasis> bases;
  std::vector<SpeciesFormFactors> form_factors;
  /// Per species, the energies (Ha) of form_factors[s].orbitals (the file's pseudo-atomic orbitals
  /// or those solved from its pseudopotential; 0 where a file gives none): the cell's order.
  std::vector<std::vector<double>> orbital_energies_hartree;
  std::vector<KPointProjectors> projectors;
  /// Per k: set where the wavefunctions are real (Γ with settings.real_gamma, on ranks working
  /// there); the eigensolver then runs on real coordinates, ψ stays stored as complex sphere
  /// coefficients for everything else.
  std::vector<std::optional<GammaRealBasis>> gamma;
  std::unique_ptr<XcFunctional> xc;
  std::vector<Complex> v_local_g;  ///< Σ_a v_s(G) e^{−iGτ}, G = 0 term = Σ ε_atm/Ω
  std::vector<double> v_local_r;
  std::vector<Complex> rho_core_g;  ///< empty without core correction
  std::vector<double> rho_core_r;
  double n_electrons = 0.0;
  std::size_t n_bands = 0;
  const Communicator* world = nullptr;
  const Communicator* band_group = nullptr;  ///< the ranks sharing this rank's k-points
  int threads = 1;                           ///< OpenMP threads of this rank
  /// How they are spent: over this rank's k-points when it has at least as many as threads and no
  /// other rank shares them (k_threads = threads); otherwise (Γ-only cells, few-k slabs, k-points
  /// shared with other ranks, whose MPI calls come from the main thread) the k-points in turn,
  /// each with all threads (threads_per_k = threads): over the bands of each H application and
  /// density, and inside each whole-grid FFT (threaded FFTW plans).
  int k_threads = 1;
  int threads_per_k = 1;
  KPointDistribution distribution;  ///< which k-points this rank works on
  double memory_estimate_bytes = 0.0;

  // State.
  std::vector<std::vector<Complex>> psi;  ///< per k: npw x n_bands (empty where another rank works)
  std::vector<std::vector<double>> eigenvalues;  ///< per k
  std::vector<std::vector<double>> occupations;  ///< per k, in [0, 2]
  double fermi = 0.0;

  ScfContext(const Crystal& c, const ScfSettings& s) : crystal(c), settings(s) {}
};

}  // namespace fw::dft
