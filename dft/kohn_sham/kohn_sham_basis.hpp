/// \file kohn_sham_basis.hpp
/// \brief The fixed discretisation of one Kohn–Sham problem (DFTK's PlaneWaveBasis): everything an
/// SCF builds once per geometry — grid, FFT plans, plane-wave bases per k, symmetry, form factors,
/// projectors, Γ-point real bases, the XC functional, the fixed local potential and core density,
/// electron and band counts, and the parallel layout. Built by dft/solver/scf_setup; read, never
/// changed, by the energy terms (dft/terms/) and the solver steps. What evolves is KohnShamState.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/basis/symmetry.hpp"
#include "dft/crystal.hpp"
#include "dft/kohn_sham/form_factors.hpp"
#include "dft/kohn_sham/gamma_real_basis.hpp"
#include "dft/kohn_sham/projectors.hpp"
#include "dft/kohn_sham/xc_functional.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/parallel/kpoint_distribution.hpp"

namespace fw::dft {

struct KohnShamBasis {
  const Crystal& crystal;
  double ecut_hartree = 0.0;
  FftGrid grid;
  std::unique_ptr<FftPlans> plans;
  std::vector<Vec3> box_g;
  std::vector<SymmetryOperation> symmetry;
  std::vector<KPointBasis> bases;  ///< per irreducible k
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
  /// 1: spin-unpolarised; 2: collinear spin (QE nspin 2, ABINIT nsppol 2). The state's orbitals
  /// are then indexed by unit u = σ·n_k + k (DFTK's spin-major k-range): each irreducible k twice.
  std::size_t n_spin = 1;
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

  KohnShamBasis(const Crystal& c, double ecut) : crystal(c), ecut_hartree(ecut) {}

  /// (k, σ) units of the state: n_spin · n_k.
  std::size_t n_units() const { return n_spin * bases.size(); }
  std::size_t kpoint_of(std::size_t unit) const { return unit % bases.size(); }
  std::size_t spin_of(std::size_t unit) const { return unit / bases.size(); }
  /// Electrons one band of one unit holds: 2 unpolarised, 1 per spin channel.
  double max_occupation() const { return n_spin == 1 ? 2.0 : 1.0; }
};

}  // namespace fw::dft
