/// \file scf.cpp
/// \brief The self-consistent field loop (Kohn–Sham, Martin "Electronic Structure" ch. 9).
#include "dft/solver/scf.hpp"

#include <omp.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "core/printf_format.hpp"
#include "dft/basis/grid_operators.hpp"
#include "dft/mixing/kerker.hpp"
#include "dft/mixing/ldos.hpp"
#include "dft/mixing/pulay.hpp"
#include "dft/mixing/spin_block.hpp"
#include "dft/parallel/scalapack_eigensolver.hpp"
#include "dft/solver/band_step.hpp"
#include "dft/solver/checkpoint.hpp"
#include "dft/solver/kohn_sham_terms.hpp"
#include "dft/solver/orbital_densities.hpp"
#include "dft/solver/scf_checks.hpp"
#include "dft/solver/scf_setup.hpp"
#include "dft/solver/warm_start.hpp"

extern "C" void openblas_set_num_threads(int);

namespace fw::dft {

ScfResult run_scf(const Crystal& crystal, const ScfSettings& settings,
                  std::optional<ScfState> start) {
  const auto t_start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
  };
  const Communicator& world = Communicator::world();
  auto log = [&](const std::string& line) {
    if (settings.log && world.is_root()) settings.log(line);
  };
  openblas_set_num_threads(1);
  // Threads per rank: as asked, else the cores of this node shared among its ranks.
  int threads = settings.threads;
  if (threads <= 0)
    threads = world.size() > 1
                  ? std::max(1, std::min(omp_get_num_procs(),
                                         static_cast<int>(std::thread::hardware_concurrency()) /
                                             std::max(1, world.ranks_on_node())))
                  : omp_get_max_threads();
  omp_set_num_threads(threads);

  ScfResult result;
  result.mpi_ranks = world.size();
  result.threads_per_rank = threads;
  result.output_rank = world.is_root();
  KohnShamBasis ks(crystal, settings.ecut_hartree);
  ks.world = &world;
  ks.threads = threads;
  setup_basis(ks, settings, result.warnings, log);
  for (const auto& w : result.warnings) log("warning: " + w);
  // Ranks sharing k-points (more ranks than k-points) share their subspace problems.
  const Communicator group = world.split(ks.distribution.group, world.rank());
  if (group.size() != ks.distribution.band_ranks || group.rank() != ks.distribution.band_rank)
    throw std::logic_error("the k-point group communicator disagrees with the distribution");
  ks.band_group = &group;
  const ScalapackEigensolver scalapack(group,
                                       static_cast<std::size_t>(settings.scalapack_min_dimension));
  DenseEigensolvers dense;
  if (scalapack.distributed()) {
    dense.complex = [&](std::vector<Complex>& a, std::size_t n, std::vector<double>& w) {
      scalapack.heevd(a, n, w);
    };
    dense.real = [&](std::vector<double>& a, std::size_t n, std::vector<double>& w) {
      scalapack.syevd(a, n, w);
    };
  }
  const int k_threads = ks.k_threads;
  result.threads_per_kpoint = ks.threads_per_k;
  const double volume = crystal.volume_bohr3();
  const std::size_t n_k = ks.bases.size();
  const std::size_t n_grid = ks.grid.size();
  const EnergyTermList terms = make_kohn_sham_terms(ks);

  result.fft_grid = ks.grid;
  result.n_bands = static_cast<int>(ks.n_bands);
  result.n_symmetry_operations = static_cast<int>(ks.symmetry.size());
  result.xc_name = ks.xc->name();
  for (const auto& b : ks.bases) {
    result.kpoints.push_back(b.kpoint);
    result.n_plane_waves.push_back(b.size());
  }
  int real_gamma = 0;
  for (const auto& g : ks.gamma) real_gamma = real_gamma || g.has_value();
  result.real_wavefunctions_at_gamma = world.max(real_gamma) > 0;
  if (result.real_wavefunctions_at_gamma)
    log("real wavefunctions at Γ (istwfk 2): the eigensolver there works on real vectors");
  log(format("grid %dx%dx%d, %zu irreducible k-points, %zu bands, %zu symmetry operations, xc %s",
             ks.grid.n[0], ks.grid.n[1], ks.grid.n[2], n_k, ks.n_bands, ks.symmetry.size(),
             ks.xc->name().c_str()));
  log(format("parallel: %d MPI rank(s) x %d OpenMP thread(s) (%s); %d k-point group(s)%s%s",
             world.size(), threads,
             ks.k_threads > 1       ? "over k-points"
             : ks.threads_per_k > 1 ? "over each k-point's bands and FFTs"
                                    : "serial",
             ks.distribution.n_groups,
             ks.distribution.band_ranks > 1
                 ? format(", bands split over %d ranks", ks.distribution.band_ranks).c_str()
                 : "",
             scalapack.distributed()
                 ? format(", ScaLAPACK %dx%d grid for subspaces >= %d", scalapack.grid_rows(),
                          scalapack.grid_cols(), settings.scalapack_min_dimension)
                       .c_str()
                 : ""));

  const bool spin = ks.n_spin == 2;
  result.n_spin = static_cast<int>(ks.n_spin);
  if (spin && start) {
    log("starting state ignored (a spin-polarised run does not carry one yet): cold start");
    start.reset();
  }
  KohnShamState state;
  if (start) {
    result.warm_started = warm_start(ks, std::move(*start), state, log);
    start.reset();  // an unused state's memory goes before the SCF needs its own
  }
  if (!result.warm_started) {
    state.rho_g = initial_density(ks);
    if (spin) {
      const auto moments =
          starting_moment_per_species(crystal, settings.starting_moments, "--magmom");
      state.magnetization_g = initial_magnetization(ks, moments);
      log(format("collinear spin: starting moment %.4f muB per cell",
                 state.magnetization_g[0].real() * volume));
    }
    result.atomic_orbital_bands = static_cast<int>(
        starting_wavefunctions(ks, settings.starting_wavefunctions == "atomic", state));
    log(result.atomic_orbital_bands > 0
            ? format("starting wavefunctions: %d pseudo-atomic orbitals + %zu random bands",
                     result.atomic_orbital_bands,
                     ks.n_bands - static_cast<std::size_t>(result.atomic_orbital_bands))
        : settings.starting_wavefunctions == "atomic"
            ? "starting wavefunctions: random (a pseudopotential file carries no pseudo-atomic "
              "orbitals)"
            : "starting wavefunctions: random");
  }
  int first_iteration = 1;
  if (settings.restart && !settings.checkpoint_path.empty() &&
      checkpoint_exists(settings.checkpoint_path)) {
    result.warm_started = false;  // the checkpoint, if any, is the better start
    first_iteration = read_checkpoint(settings.checkpoint_path, ks, state) + 1;
    check_checkpoint_values(settings.checkpoint_path, state.psi, state.rho_g);
    drop_foreign_wavefunctions(ks, state);
    log(format("restarted from %s after step %d", settings.checkpoint_path.c_str(),
               first_iteration - 1));
  }
  state.eigenvalues.assign(ks.n_units(), std::vector<double>(ks.n_bands, 0.0));
  state.occupations.assign(ks.n_units(), std::vector<double>(ks.n_bands, 0.0));

  PulayMixer mixer(settings.mixing_beta, static_cast<std::size_t>(settings.mixing_history));
  const bool ldos_mixing = settings.mixing_preconditioner == "ldos";
  const double ldos_width = ldos_broadening_hartree(settings.smearing.width_hartree);
  const double g_density = 2.0 * std::sqrt(2.0 * settings.ecut_hartree);
  double previous_energy = 0.0, residual = 1.0;
  int small_steps = 0;
  std::vector<Complex> rho_out, magnetization_out;
  MagneticMoments moments;
  log(spin ? "  step        free energy (Ha)         dE (Ha)    d_rho (e)   fermi (Ha)   time (s)"
             "   M (muB)  |M| (muB)"
           : "  step        free energy (Ha)         dE (Ha)    d_rho (e)   fermi (Ha)   time (s)");
  for (int step = first_iteration; step <= settings.max_iterations; ++step) {
    const std::vector<std::vector<double>> v_eff =
        spin ? spin_potentials(terms, make_density_state(ks, state.rho_g, state.magnetization_g),
                               n_grid)
             : std::vector<std::vector<double>>{
                   effective_potential(terms, make_density_state(ks, state.rho_g), n_grid)};
    // Davidson at this rank's k-points, threads over k-points.
    // A cold start's first bands need only be rough; restarted and warm-started ones are close.
    const bool first = step == first_iteration && !settings.restart && !result.warm_started;
    const int max_davidson = first ? 12 : 4;
    const double tolerance = first ? 1e-2 : std::clamp(0.1 * residual / ks.n_electrons, 1e-9, 1e-3);
    solve_bands(ks, state, v_eff, max_davidson, tolerance, k_threads, dense);
    const double minus_ts = occupy(ks, settings.smearing, state);

    // Output density (and the LDOS at the Fermi level for the mixer), then the Kohn–Sham
    // functional at the new orbitals and the output density.
    OrbitalDensities out = orbital_densities(ks, state, ldos_mixing ? ldos_width : 0.0);
    rho_out = to_reciprocal(out.rho_r, *ks.plans);
    band_limit(rho_out, ks.box_g, g_density);
    if (spin) {
      magnetization_out = to_reciprocal(out.magnetization_r, *ks.plans);
      band_limit(magnetization_out, ks.box_g, g_density);
    }
    EnergyTerms e =
        evaluate_energies(terms, state, make_density_state(ks, rho_out, magnetization_out));
    e.minus_kt_entropy = minus_ts;
    const double energy = e.free();
    if (!std::isfinite(energy))
      throw std::runtime_error(format("the SCF energy is not finite at step %d", step));
    const auto rho_in_r = to_real(state.rho_g, *ks.plans);
    const auto rho_out_r = to_real(rho_out, *ks.plans);
    residual = 0.0;
    for (std::size_t i = 0; i < n_grid; ++i) residual += std::abs(rho_out_r[i] - rho_in_r[i]);
    if (spin) {  // and the magnetisation's: ∫|Δρ↑| + |Δρ↓| ≤ ∫|Δρ| + |Δm|
      const auto m_in_r = to_real(state.magnetization_g, *ks.plans);
      const auto m_out_r = to_real(magnetization_out, *ks.plans);
      for (std::size_t i = 0; i < n_grid; ++i) residual += std::abs(m_out_r[i] - m_in_r[i]);
    }
    residual *= volume / static_cast<double>(n_grid);
    const double delta = step == first_iteration ? energy : energy - previous_energy;
    previous_energy = energy;
    if (spin) {
      moments = magnetic_moments(to_real(magnetization_out, *ks.plans), volume);
      log(format("  %4d  %22.12f  %14.4e  %11.3e  %11.6f  %9.2f  %8.4f  %9.4f", step, energy, delta,
                 residual, state.fermi_hartree, elapsed(), moments.total_muB,
                 moments.absolute_muB));
    } else {
      log(format("  %4d  %22.12f  %14.4e  %11.3e  %11.6f  %9.2f", step, energy, delta, residual,
                 state.fermi_hartree, elapsed()));
    }
    result.energies = e;
    result.iterations = step;
    result.last_energy_change_hartree = delta;
    result.last_density_residual = residual / ks.n_electrons;
    small_steps = (step > first_iteration && std::abs(delta) < settings.energy_tolerance_hartree)
                      ? small_steps + 1
                      : 0;
    const bool done = small_steps >= 2 && residual / ks.n_electrons < settings.density_tolerance;
    if (!settings.checkpoint_path.empty() &&
        (done || step == settings.max_iterations ||
         (settings.checkpoint_every > 0 && step % settings.checkpoint_every == 0)))
      write_scf_checkpoint(ks, state, settings.checkpoint_path, done ? rho_out : state.rho_g, step);
    if (done) {
      result.converged = true;
      break;
    }
    std::unique_ptr<DensityPreconditioner> preconditioner;
    if (ldos_mixing)
      preconditioner = std::make_unique<LdosPreconditioner>(std::move(out.ldos_r), ks.box_g,
                                                            *ks.plans, volume, g_density);
    else
      preconditioner =
          std::make_unique<KerkerPreconditioner>(settings.kerker_q0_bohr_inv, ks.box_g);
    if (spin)
      split_spin_density(mixer.mix(stack_spin_density(state.rho_g, state.magnetization_g),
                                   stack_spin_density(rho_out, magnetization_out),
                                   SpinBlockPreconditioner(*preconditioner)),
                         state.rho_g, state.magnetization_g);
    else
      state.rho_g = mixer.mix(state.rho_g, rho_out, *preconditioner);
  }
  if (!result.converged)
    result.warnings.push_back("SCF did not converge in " + std::to_string(settings.max_iterations) +
                              " steps");

  result.free_energy_hartree = result.energies.free();
  result.energy_zero_smearing_hartree =
      settings.smearing.extrapolate_half()
          ? result.energies.internal() + 0.5 * result.energies.minus_kt_entropy
          : result.free_energy_hartree;
  result.fermi_hartree = state.fermi_hartree;
  result.eigenvalues_hartree = state.eigenvalues;
  result.magnetization = moments;
  // From here on the state's density is the last output density, where forces, stress and the
  // next geometry's start are taken.
  state.rho_g = std::move(rho_out);
  state.magnetization_g = std::move(magnetization_out);
  const DensityState rho_final = make_density_state(ks, state.rho_g, state.magnetization_g);
  if (settings.compute_forces) {
    result.forces_hartree_per_bohr = compute_forces(ks, terms, state, rho_final);
    result.removed_mean_force_hartree_per_bohr = remove_mean_force(result.forces_hartree_per_bohr);
    log(format("forces: removed a net force of %.3e Ha/bohr per atom (a periodic cell has none)",
               norm(result.removed_mean_force_hartree_per_bohr)));
  }
  if (settings.compute_stress)
    result.stress_hartree_per_bohr3 = compute_stress(ks, terms, state, rho_final);
  result.memory_estimate_bytes = ks.memory_estimate_bytes;
  if (settings.keep_final_state && !spin)
    result.final_state = std::make_shared<ScfState>(take_final_state(ks, std::move(state)));
  result.wall_s = elapsed();
  return result;
}

}  // namespace fw::dft
