/// \file scf.hpp
/// \brief The self-consistent Kohn–Sham loop: settings, result and the driver.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dft/basis/fft_grid.hpp"
#include "dft/basis/kpoints.hpp"
#include "dft/crystal.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"
#include "dft/solver/smearing.hpp"
#include "dft/solver/spin.hpp"
#include "dft/terms/energy_table.hpp"

namespace fw::dft {

/// Defaults, units and ranges of every field: dft/settings.cpp (`default_scf_settings()`).
struct ScfSettings {
  double ecut_hartree{};
  std::array<int, 3> kpoint_mesh{};
  std::array<int, 3> kpoint_shift{};  ///< 1 = half-step shift along that axis
  Smearing smearing;
  std::string xc_text;            ///< as the user named it; empty: the pseudopotential's functional
  std::vector<int> xc_libxc_ids;  ///< parsed from xc_text
  int n_bands{};                  ///< 0: N_el/2 + max(4, 0.2·N_el/2), per spin channel
  /// 1: spin-unpolarised; 2: collinear spin (ABINIT nsppol 2, QE nspin 2), one Fermi level for
  /// both channels (fixed electron count, free moment). A default here, not {}: tables that do
  /// not bind it (the facet study's) leave it unpolarised.
  int n_spin = 1;
  /// Starting moments per species with n_spin 2 ("Ni=0.6"; ABINIT spinat, QE
  /// starting_magnetization), as given; parsed in starting_moments.
  std::string starting_moments_text;
  std::vector<StartingMoment> starting_moments;
  double energy_tolerance_hartree{};  ///< stop when |ΔE| < this twice in a row (ABINIT toldfe)
  double density_tolerance{};         ///< and ∫|ρ_out − ρ_in| dr / N_el below this
  int max_iterations{};
  double mixing_beta{};
  double kerker_q0_bohr_inv{};
  int mixing_history{};
  /// Preconditioner of the Pulay step: "ldos" (Herbst–Levitt) or "kerker" (uses kerker_q0).
  std::string mixing_preconditioner;
  /// "atomic": the files' pseudo-atomic orbitals (where every file has them) + random; "random".
  std::string starting_wavefunctions;
  bool use_symmetry{};
  bool time_reversal{};
  /// Real wavefunctions at the Γ point (ABINIT's istwfk 2): the eigensolver on real vectors.
  bool real_gamma{};
  std::optional<std::array<int, 3>> fft_grid;  ///< override the automatic grid
  bool compute_forces{};
  bool compute_stress{};  ///< the stress tensor after the SCF (dft/solver/kohn_sham_terms)
  int threads{};  ///< OpenMP threads per rank (0: the runtime's default; under MPI the node's
                  ///< cores shared among its ranks)
  /// With more MPI ranks than k-points, ranks share a k-point and solve its subspace problems of
  /// this dimension or more with ScaLAPACK (smaller ones with LAPACK on each rank).
  int scalapack_min_dimension{};
  std::string checkpoint_path;  ///< empty: no checkpoint
  int checkpoint_every{};       ///< also every N SCF steps (0: only at the end)
  bool restart{};               ///< start from checkpoint_path when it exists
  /// Return the converged state (ScfResult::final_state) to start the next geometry from.
  bool keep_final_state{};
  /// One line per SCF step (and a header); null for silent runs.
  std::function<void(const std::string&)> log;
};

/// The converged state of one SCF, to start the SCF of the same cell with moved atoms (an ionic
/// step) from: its wavefunctions, and its density extrapolated the "atomic" way (QE's
/// pot_extrapolation = 'atomic'): ρ_start = ρ − ρ_atomic(positions) + ρ_atomic(new positions).
/// Used only where the run has the same cell, cut-off, k-points, plane waves per k, bands and FFT
/// grid; otherwise ignored (a log line says why). Under MPI each rank keeps its own k-points'
/// wavefunctions; a rank-count change shows as a mismatch and starts cold.
struct ScfState {
  Mat3 cell_bohr;
  double ecut_hartree = 0.0;
  FftGrid grid;
  std::size_t n_bands = 0;
  std::vector<Vec3> kpoints_frac;          ///< the irreducible k-points
  std::vector<std::size_t> n_plane_waves;  ///< per k
  std::vector<Vec3> positions_frac;        ///< the atoms kohn_sham.rho_g belongs to
  /// The SCF's final state: ψ per k (npw x n_bands; empty where another rank works), ε, f, εF and
  /// the last output density (box order).
  KohnShamState kohn_sham;
};

struct ScfResult {
  EnergyTerms energies;
  double free_energy_hartree = 0.0;
  double energy_zero_smearing_hartree = 0.0;
  double fermi_hartree = 0.0;
  bool converged = false;
  int iterations = 0;
  std::vector<Vec3> forces_hartree_per_bohr;  ///< empty when not computed; they sum to zero
  Vec3 removed_mean_force_hartree_per_bohr;   ///< the net force per atom taken out of them
  /// σ_ij = (1/Ω) ∂F/∂ε_ij at a fixed set of plane waves (ABINIT's convention; pressure
  /// −Tr σ/3); empty when not computed.
  std::optional<Mat3> stress_hartree_per_bohr3;
  std::vector<KPoint> kpoints;
  /// Per unit (σ·n_k + k: the irreducible k-points, spin up then spin down when polarised), per
  /// band.
  std::vector<std::vector<double>> eigenvalues_hartree;
  int n_spin = 1;
  /// With n_spin 2: ∫(ρ↑ − ρ↓) and ∫|ρ↑ − ρ↓| of the final output density (μB per cell).
  MagneticMoments magnetization;
  std::vector<std::size_t> n_plane_waves;  ///< per irreducible k
  FftGrid fft_grid;
  int n_bands = 0;
  int n_symmetry_operations = 0;
  std::string xc_name;
  std::vector<std::string> warnings;
  double wall_s = 0.0;
  double last_energy_change_hartree = 0.0;  ///< ΔE of the last step
  double last_density_residual = 0.0;       ///< ∫|ρ_out − ρ_in| / N_el of the last step
  int mpi_ranks = 1;                        ///< ranks that ran the SCF (1 without MPI)
  int threads_per_rank = 1;                 ///< OpenMP threads of each rank
  bool real_wavefunctions_at_gamma = false;
  int atomic_orbital_bands = 0;  ///< bands that started from pseudo-atomic orbitals (0: random)
                                 ///< ///< the Γ point's eigensolver ran on real vectors
  int threads_per_kpoint = 1;    ///< of them, sharing one k-point's bands and FFTs (few k-points)
  bool output_rank = true;       ///< this process prints and writes files (MPI rank 0)
  double memory_estimate_bytes = 0.0;  ///< per rank, estimated before the SCF
  bool warm_started = false;  ///< started from a given ScfState (not atomic orbitals/density)
  /// With settings.keep_final_state: the state to start the next geometry from.
  std::shared_ptr<ScfState> final_state;
};

/// Runs the SCF to convergence (or max_iterations; then converged = false) and computes forces.
/// Under mpirun/srun the ranks share the k-points (collective: every rank calls it with the same
/// input and gets the same result; only rank 0 logs and writes the checkpoint). Throws
/// fw::InputError for settings that cannot work (too few bands, an FFT grid below the cut-off
/// sphere, a run that does not fit in memory, a corrupt checkpoint), naming the option.
/// `start`: the state of an earlier geometry of the same cell (ScfState), used where it fits
/// (a checkpoint found with settings.restart still takes precedence).
ScfResult run_scf(const Crystal& crystal, const ScfSettings& settings,
                  std::optional<ScfState> start = std::nullopt);

}  // namespace fw::dft
