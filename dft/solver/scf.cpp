/// \file scf.cpp
/// \brief The self-consistent field loop (Kohn–Sham, Martin "Electronic Structure" ch. 9).
#include "dft/solver/scf.hpp"

#include <omp.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "dft/mixing/pulay_kerker.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/parallel/kpoint_distribution.hpp"
#include "dft/parallel/scalapack_eigensolver.hpp"
#include "dft/solver/checkpoint.hpp"
#include "dft/solver/davidson.hpp"
#include "dft/solver/hamiltonian.hpp"
#include "dft/solver/memory_estimate.hpp"
#include "dft/solver/scf_checks.hpp"
#include "dft/solver/scf_context.hpp"
#include "dft/terms/ewald.hpp"
#include "dft/terms/hartree.hpp"

extern "C" void openblas_set_num_threads(int);

namespace fw::dft {
namespace {

std::string format(const char* fmt, auto... args) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, fmt, args...);
  return buffer;
}

/// Zeroes the box coefficients outside the sphere |G| <= g_max and on even-size Nyquist planes.
void band_limit(std::vector<Complex>& f, const ScfContext& ctx, double g_max) {
  for (std::size_t i = 0; i < f.size(); ++i)
    if (dot(ctx.box_g[i], ctx.box_g[i]) > g_max * g_max) f[i] = 0.0;
}

void zero_nyquist(std::vector<Complex>& f, const FftGrid& grid) {
  for (int i0 = 0; i0 < grid.n[0]; ++i0)
    for (int i1 = 0; i1 < grid.n[1]; ++i1)
      for (int i2 = 0; i2 < grid.n[2]; ++i2)
        if ((grid.n[0] % 2 == 0 && i0 == grid.n[0] / 2) ||
            (grid.n[1] % 2 == 0 && i1 == grid.n[1] / 2) ||
            (grid.n[2] % 2 == 0 && i2 == grid.n[2] / 2))
          f[grid.index(i0, i1, i2)] = 0.0;
}

std::vector<double> to_real(const std::vector<Complex>& g, const FftPlans& plans) {
  FftBuffer work(g.size());
  std::copy(g.begin(), g.end(), work.data());
  plans.to_real_space(work.data());
  std::vector<double> r(g.size());
  for (std::size_t i = 0; i < g.size(); ++i) r[i] = work[i].real();
  return r;
}

std::vector<Complex> to_reciprocal(const std::vector<double>& r, const FftPlans& plans) {
  FftBuffer work(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) work[i] = r[i];
  plans.to_reciprocal_space(work.data());
  std::vector<Complex> g(r.size());
  const double inv_n = 1.0 / static_cast<double>(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) g[i] = work[i] * inv_n;
  return g;
}

void setup(ScfContext& ctx, std::vector<std::string>& warnings,
           const std::function<void(const std::string&)>& log) {
  const Crystal& crystal = ctx.crystal;
  const ScfSettings& s = ctx.settings;
  check_scalar_settings(s);
  ctx.n_electrons = crystal.n_valence_electrons();
  const double half = 0.5 * ctx.n_electrons;
  ctx.n_bands = s.n_bands > 0
                    ? static_cast<std::size_t>(s.n_bands)
                    : static_cast<std::size_t>(std::ceil(half + std::max(4.0, 0.2 * half)));
  check_band_count(ctx.n_bands, ctx.n_electrons, s.n_bands > 0);
  const auto minimum = minimum_fft_grid(crystal.cell_bohr, s.ecut_hartree);
  if (s.fft_grid)
    check_fft_grid(*s.fft_grid, minimum, choose_fft_grid(crystal.cell_bohr, s.ecut_hartree));
  ctx.grid = s.fft_grid ? FftGrid{*s.fft_grid} : choose_fft_grid(crystal.cell_bohr, s.ecut_hartree);

  // Memory, first with a lower bound on the irreducible k-points (each orbit holds at most
  // 2·|point group| points), before the mesh, the grid buffers or the bases are allocated.
  MemoryInputs memory;
  memory.ecut_hartree = s.ecut_hartree;
  memory.grid = ctx.grid;
  memory.full_mesh_points = 1.0;
  for (int n : s.kpoint_mesh) memory.full_mesh_points *= n;
  memory.irreducible_kpoints = std::max(1.0, std::floor(memory.full_mesh_points / 96.0));
  memory.n_bands = ctx.n_bands;
  memory.mixing_history = s.mixing_history;
  memory.ranks = ctx.world->size();
  memory.threads = ctx.threads;
  const double available = available_memory_bytes(ctx.world->ranks_on_node());
  check_memory_fits(estimate_memory(crystal, memory), memory, available, s.fft_grid.has_value());
  if (memory.full_mesh_points > 2.0e9)
    throw InputError("--kpts", "a mesh of more than 2·10^9 k-points cannot be reduced");

  // Only operations that also keep the k-mesh: the density is symmetrised with the same group the
  // mesh is reduced by (a tilted cell's rotations may not keep an n×n×m mesh).
  ctx.symmetry = mesh_preserving_symmetry(
      grid_compatible_symmetry(crystal, ctx.grid, s.use_symmetry), s.kpoint_mesh, s.kpoint_shift);
  const auto kpoints =
      irreducible_monkhorst_pack(s.kpoint_mesh, s.kpoint_shift, ctx.symmetry, s.time_reversal);
  memory.irreducible_kpoints = static_cast<double>(kpoints.size());
  memory.ranks = std::min<int>(ctx.world->size(), static_cast<int>(kpoints.size()));
  const MemoryEstimate estimate = estimate_memory(crystal, memory);
  check_memory_fits(estimate, memory, available, s.fft_grid.has_value());
  ctx.memory_estimate_bytes = estimate.total_bytes();
  log(estimate.summary(available));

  ctx.plans = std::make_unique<FftPlans>(ctx.grid);
  ctx.box_g = box_g_vectors(crystal, ctx.grid);
  for (const auto& k : kpoints)
    ctx.bases.push_back(make_kpoint_basis(crystal, ctx.grid, k, s.ecut_hartree));
  check_plane_waves_hold_bands(ctx.bases, ctx.n_bands);
  std::vector<std::size_t> cost;
  for (const auto& b : ctx.bases) cost.push_back(b.size());
  ctx.distribution = distribute_kpoints(cost, ctx.world->size(), ctx.world->rank());

  std::vector<int> xc_ids = s.xc_libxc_ids;
  if (xc_ids.empty()) xc_ids = crystal.species.front().functional.libxc_ids;
  ctx.xc = std::make_unique<XcFunctional>(xc_ids);
  for (const auto& psp : crystal.species)
    if (psp.functional.libxc_ids != xc_ids)
      warnings.push_back("pseudopotential " + psp.source_path + " was generated with " +
                         psp.functional.name + " but the run uses " + ctx.xc->name());

  double k_max = 0.0;
  for (const auto& b : ctx.bases) k_max = std::max(k_max, norm(b.k_cart));
  const double q_density = max_box_g(crystal, ctx.grid) + 0.1;
  const double q_projector = std::sqrt(2.0 * s.ecut_hartree) + k_max + 0.1;
  for (const auto& psp : crystal.species)
    ctx.form_factors.push_back(make_form_factors(psp, q_density, q_projector));
  // Projector tables only where this rank works.
  ctx.projectors.resize(ctx.bases.size());
  for (std::size_t k = 0; k < ctx.bases.size(); ++k)
    if (ctx.distribution.computes(k))
      ctx.projectors[k] = make_kpoint_projectors(crystal, ctx.bases[k], ctx.form_factors);

  ctx.v_local_g =
      structure_factor_sum(crystal, ctx.grid, ctx.form_factors, RadialQuantity::kLocalPotential);
  zero_nyquist(ctx.v_local_g, ctx.grid);
  // The G = 0 term (Σ ε_atm/Ω) enters only the psp_core energy; like ABINIT, the Hamiltonian omits
  // it, so eigenvalues and the Fermi level share ABINIT's reference.
  ctx.v_local_g[0] = 0.0;
  ctx.v_local_r = to_real(ctx.v_local_g, *ctx.plans);
  bool any_core = false;
  for (const auto& f : ctx.form_factors) any_core = any_core || f.has_core;
  if (any_core) {
    ctx.rho_core_g =
        structure_factor_sum(crystal, ctx.grid, ctx.form_factors, RadialQuantity::kCoreDensity);
    zero_nyquist(ctx.rho_core_g, ctx.grid);
    ctx.rho_core_r = to_real(ctx.rho_core_g, *ctx.plans);
  }
}

/// Superposition of atomic valence densities (Gaussians of the right charge where the file has
/// none).
std::vector<Complex> initial_density(const ScfContext& ctx) {
  const Crystal& crystal = ctx.crystal;
  auto rho =
      structure_factor_sum(crystal, ctx.grid, ctx.form_factors, RadialQuantity::kValenceDensity);
  const double volume = crystal.volume_bohr3();
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& f = ctx.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])];
    if (f.has_valence) continue;
    const Vec3 tau = crystal.position_bohr(a);
    for (std::size_t i = 0; i < ctx.box_g.size(); ++i)
      rho[i] += f.z_valence / volume * std::exp(-0.25 * dot(ctx.box_g[i], ctx.box_g[i])) *
                std::polar(1.0, -dot(ctx.box_g[i], tau));
  }
  band_limit(rho, ctx, 2.0 * std::sqrt(2.0 * ctx.settings.ecut_hartree));
  zero_nyquist(rho, ctx.grid);
  const double charge = rho[0].real() * volume;
  for (auto& v : rho) v *= ctx.n_electrons / charge;
  return rho;
}

/// One random sequence over all k-points (the same start whatever the number of ranks); a rank
/// keeps the k-points it works on.
void random_wavefunctions(ScfContext& ctx) {
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> uniform(-0.5, 0.5);
  ctx.psi.resize(ctx.bases.size());
  for (std::size_t k = 0; k < ctx.bases.size(); ++k) {
    const auto& b = ctx.bases[k];
    if (!ctx.distribution.computes(k)) {
      rng.discard(2 * b.size() * ctx.n_bands);
      continue;
    }
    auto& psi = ctx.psi[k];
    psi.resize(b.size() * ctx.n_bands);
    for (std::size_t n = 0; n < ctx.n_bands; ++n)
      for (std::size_t g = 0; g < b.size(); ++g)
        psi[n * b.size() + g] = Complex(uniform(rng), uniform(rng)) / (1.0 + b.kinetic_hartree[g]);
    orthonormalize(psi, b.size(), ctx.n_bands);
  }
}

/// Frees the wavefunctions of k-points another rank works on (kept only for a checkpoint).
void drop_foreign_wavefunctions(ScfContext& ctx) {
  for (std::size_t k = 0; k < ctx.psi.size(); ++k)
    if (!ctx.distribution.computes(k)) std::vector<Complex>().swap(ctx.psi[k]);
}

void checkpoint(ScfContext& ctx, const std::vector<Complex>& rho_g, int step) {
  std::vector<std::size_t> sizes;
  for (const auto& b : ctx.bases) sizes.push_back(b.size() * ctx.n_bands);
  gather_wavefunctions_to_root(ctx.psi, sizes, ctx.distribution, *ctx.world);
  ExceptionGuard guard;
  if (ctx.world->is_root())
    guard.run([&] { write_checkpoint(ctx.settings.checkpoint_path, ctx, rho_g, step); });
  ctx.world->rethrow_any(guard);
  drop_foreign_wavefunctions(ctx);
}

struct PotentialResult {
  std::vector<double> v_eff_r, v_xc_r;
  double e_hartree = 0.0, e_xc = 0.0;
};

PotentialResult effective_potential(const ScfContext& ctx, const std::vector<Complex>& rho_g) {
  PotentialResult out;
  std::vector<Complex> v_h_g;
  out.e_hartree = hartree(rho_g, ctx.box_g, ctx.crystal.volume_bohr3(), v_h_g);
  std::vector<double> rho_total = to_real(rho_g, *ctx.plans);
  for (std::size_t i = 0; i < ctx.rho_core_r.size(); ++i) rho_total[i] += ctx.rho_core_r[i];
  out.e_xc =
      ctx.xc->evaluate(rho_total, ctx.box_g, *ctx.plans, ctx.crystal.volume_bohr3(), out.v_xc_r);
  const auto v_h_r = to_real(v_h_g, *ctx.plans);
  out.v_eff_r.resize(v_h_r.size());
  for (std::size_t i = 0; i < v_h_r.size(); ++i)
    out.v_eff_r[i] = ctx.v_local_r[i] + v_h_r[i] + out.v_xc_r[i];
  return out;
}

}  // namespace

ScfResult run_scf(const Crystal& crystal, const ScfSettings& settings) {
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
  ScfContext ctx(crystal, settings);
  ctx.world = &world;
  ctx.threads = threads;
  setup(ctx, result.warnings, log);
  for (const auto& w : result.warnings) log("warning: " + w);
  // Ranks sharing k-points (more ranks than k-points) share their subspace problems.
  const Communicator group = world.split(ctx.distribution.group, world.rank());
  const ScalapackEigensolver scalapack(group,
                                       static_cast<std::size_t>(settings.scalapack_min_dimension));
  DenseEigensolver dense = nullptr;
  if (scalapack.distributed())
    dense = [&](std::vector<Complex>& a, std::size_t n, std::vector<double>& w) {
      scalapack.heevd(a, n, w);
    };
  // MPI calls in the eigensolver must come from the main thread: a shared k-point runs its loop
  // on one thread.
  const int k_threads = scalapack.distributed() ? 1 : threads;
  const double volume = crystal.volume_bohr3();
  const std::size_t n_k = ctx.bases.size();
  const std::size_t n_grid = ctx.grid.size();
  const double ewald_energy = ewald(crystal).energy_hartree;
  double epsatm_sum = 0.0;
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a)
    epsatm_sum += ctx.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])].epsatm;
  const double psp_core = epsatm_sum * ctx.n_electrons / volume;

  result.fft_grid = ctx.grid;
  result.n_bands = static_cast<int>(ctx.n_bands);
  result.n_symmetry_operations = static_cast<int>(ctx.symmetry.size());
  result.xc_name = ctx.xc->name();
  for (const auto& b : ctx.bases) {
    result.kpoints.push_back(b.kpoint);
    result.n_plane_waves.push_back(b.size());
  }
  log(format("grid %dx%dx%d, %zu irreducible k-points, %zu bands, %zu symmetry operations, xc %s",
             ctx.grid.n[0], ctx.grid.n[1], ctx.grid.n[2], n_k, ctx.n_bands, ctx.symmetry.size(),
             ctx.xc->name().c_str()));
  log(format("parallel: %d MPI rank(s) x %d OpenMP thread(s); %d k-point group(s)%s", world.size(),
             threads, ctx.distribution.n_groups,
             scalapack.distributed()
                 ? format(", ScaLAPACK %dx%d grid for subspaces >= %d", scalapack.grid_rows(),
                          scalapack.grid_cols(), settings.scalapack_min_dimension)
                       .c_str()
                 : ""));

  std::vector<Complex> rho_in = initial_density(ctx);
  random_wavefunctions(ctx);
  int first_iteration = 1;
  if (settings.restart && !settings.checkpoint_path.empty() &&
      checkpoint_exists(settings.checkpoint_path)) {
    first_iteration = read_checkpoint(settings.checkpoint_path, ctx, rho_in) + 1;
    check_checkpoint_values(settings.checkpoint_path, ctx.psi, rho_in);
    drop_foreign_wavefunctions(ctx);
    log(format("restarted from %s after step %d", settings.checkpoint_path.c_str(),
               first_iteration - 1));
  }
  ctx.eigenvalues.assign(n_k, std::vector<double>(ctx.n_bands, 0.0));
  ctx.occupations.assign(n_k, std::vector<double>(ctx.n_bands, 0.0));
  std::vector<std::size_t> my_k;
  for (std::size_t k = 0; k < n_k; ++k)
    if (ctx.distribution.computes(k)) my_k.push_back(k);
  const std::size_t n_my_k = my_k.size();

  PulayKerkerMixer mixer(settings.mixing_beta, settings.kerker_q0_bohr_inv,
                         static_cast<std::size_t>(settings.mixing_history));
  const double g_density = 2.0 * std::sqrt(2.0 * settings.ecut_hartree);
  double previous_energy = 0.0, residual = 1.0;
  int small_steps = 0;
  std::vector<Complex> rho_out;
  log("  step        free energy (Ha)         dE (Ha)    d_rho (e)   fermi (Ha)   time (s)");
  for (int step = first_iteration; step <= settings.max_iterations; ++step) {
    const PotentialResult pot = effective_potential(ctx, rho_in);
    // Davidson at this rank's k-points, threads over k-points.
    const bool first = step == first_iteration && !settings.restart;
    const int max_davidson = first ? 12 : 4;
    const double tolerance =
        first ? 1e-2 : std::clamp(0.1 * residual / ctx.n_electrons, 1e-9, 1e-3);
    ExceptionGuard guard;
#pragma omp parallel num_threads(k_threads)
    {
      FftBuffer work(n_grid);
#pragma omp for schedule(dynamic)
      for (std::size_t i = 0; i < n_my_k; ++i)
        guard.run([&] {
          const std::size_t k = my_k[i];
          KPointHamiltonian h(ctx.bases[k], ctx.projectors[k], pot.v_eff_r, *ctx.plans);
          auto apply = [&](const Complex* x, Complex* y, std::size_t n) { h.apply(x, y, n, work); };
          davidson(apply, ctx.bases[k].kinetic_hartree, ctx.n_bands, ctx.psi[k], ctx.eigenvalues[k],
                   max_davidson, tolerance, dense);
        });
    }
    world.rethrow_any(guard);
    // Every rank needs every eigenvalue for the Fermi level: each k-point counted once.
    {
      std::vector<double> all(n_k * ctx.n_bands, 0.0);
      for (std::size_t k = 0; k < n_k; ++k)
        if (ctx.distribution.contributes(k))
          std::copy(ctx.eigenvalues[k].begin(), ctx.eigenvalues[k].end(),
                    all.begin() + static_cast<long>(k * ctx.n_bands));
      world.sum(all.data(), all.size());
      for (std::size_t k = 0; k < n_k; ++k)
        std::copy(all.begin() + static_cast<long>(k * ctx.n_bands),
                  all.begin() + static_cast<long>((k + 1) * ctx.n_bands),
                  ctx.eigenvalues[k].begin());
    }
    std::vector<double> weights;
    for (const auto& b : ctx.bases) weights.push_back(b.kpoint.weight);
    ctx.fermi = find_fermi_level(ctx.eigenvalues, weights, ctx.n_electrons, settings.smearing);
    double minus_ts = 0.0;
    for (std::size_t k = 0; k < n_k; ++k)
      for (std::size_t n = 0; n < ctx.n_bands; ++n) {
        const double x = (ctx.fermi - ctx.eigenvalues[k][n]) / settings.smearing.width_hartree;
        ctx.occupations[k][n] = 2.0 * settings.smearing.occupation(x);
        minus_ts +=
            weights[k] * 2.0 * settings.smearing.width_hartree * settings.smearing.entropy_term(x);
      }

    // Output density, kinetic and nonlocal energies.
    std::vector<double> rho_r(n_grid, 0.0);
    double e_kinetic = 0.0, e_nonlocal = 0.0;
#pragma omp parallel num_threads(k_threads)
    {
      FftBuffer work(n_grid);
      std::vector<double> rho_local(n_grid, 0.0);
      double kin_local = 0.0, nl_local = 0.0;
#pragma omp for schedule(dynamic)
      for (std::size_t i = 0; i < n_my_k; ++i)
        guard.run([&] {
          const std::size_t k = my_k[i];
          if (!ctx.distribution.contributes(k)) return;
          const auto& basis = ctx.bases[k];
          const std::size_t npw = basis.size();
          std::vector<Complex> projections, hx(npw * ctx.n_bands, 0.0);
          apply_nonlocal(ctx.projectors[k], npw, ctx.n_bands, ctx.psi[k].data(), hx.data(),
                         &projections);
          for (std::size_t n = 0; n < ctx.n_bands; ++n) {
            const double wf = basis.kpoint.weight * ctx.occupations[k][n];
            if (wf < 1e-14) continue;
            const Complex* c = ctx.psi[k].data() + n * npw;
            double kin = 0.0;
            Complex nl = 0.0;
            for (std::size_t g = 0; g < npw; ++g) {
              kin += basis.kinetic_hartree[g] * std::norm(c[g]);
              nl += std::conj(c[g]) * hx[n * npw + g];
            }
            kin_local += wf * kin;
            nl_local += wf * nl.real();
            std::fill(work.data(), work.data() + n_grid, Complex(0.0));
            for (std::size_t g = 0; g < npw; ++g) work[basis.fft_index[g]] = c[g];
            ctx.plans->to_real_space(work.data(), basis.fft_support);
            for (std::size_t j = 0; j < n_grid; ++j)
              rho_local[j] += wf / volume * std::norm(work[j]);
          }
        });
#pragma omp critical
      {
        for (std::size_t j = 0; j < n_grid; ++j) rho_r[j] += rho_local[j];
        e_kinetic += kin_local;
        e_nonlocal += nl_local;
      }
    }
    world.rethrow_any(guard);
    world.sum(rho_r.data(), n_grid);
    e_kinetic = world.sum(e_kinetic);
    e_nonlocal = world.sum(e_nonlocal);
    symmetrize_density(rho_r, ctx.grid, ctx.symmetry);
    rho_out = to_reciprocal(rho_r, *ctx.plans);
    band_limit(rho_out, ctx, g_density);

    // Energy of the output density (Kohn–Sham functional at the new orbitals).
    const PotentialResult pot_out = effective_potential(ctx, rho_out);
    EnergyTerms e;
    e.kinetic = e_kinetic;
    e.nonlocal = e_nonlocal;
    e.hartree = pot_out.e_hartree;
    e.xc = pot_out.e_xc;
    e.ewald = ewald_energy;
    e.psp_core = psp_core;
    for (std::size_t i = 1; i < n_grid; ++i)
      e.local += volume * (ctx.v_local_g[i] * std::conj(rho_out[i])).real();
    e.minus_kt_entropy = minus_ts;
    const double energy = e.free();
    if (!std::isfinite(energy))
      throw std::runtime_error(format("the SCF energy is not finite at step %d", step));
    const auto rho_in_r = to_real(rho_in, *ctx.plans);
    const auto rho_out_r = to_real(rho_out, *ctx.plans);
    residual = 0.0;
    for (std::size_t i = 0; i < n_grid; ++i) residual += std::abs(rho_out_r[i] - rho_in_r[i]);
    residual *= volume / static_cast<double>(n_grid);
    const double delta = step == first_iteration ? energy : energy - previous_energy;
    previous_energy = energy;
    log(format("  %4d  %22.12f  %14.4e  %11.3e  %11.6f  %9.2f", step, energy, delta, residual,
               ctx.fermi, elapsed()));
    result.energies = e;
    result.iterations = step;
    result.last_energy_change_hartree = delta;
    result.last_density_residual = residual / ctx.n_electrons;
    small_steps = (step > first_iteration && std::abs(delta) < settings.energy_tolerance_hartree)
                      ? small_steps + 1
                      : 0;
    const bool done = small_steps >= 2 && residual / ctx.n_electrons < settings.density_tolerance;
    if (!settings.checkpoint_path.empty() &&
        (done || step == settings.max_iterations ||
         (settings.checkpoint_every > 0 && step % settings.checkpoint_every == 0)))
      checkpoint(ctx, done ? rho_out : rho_in, step);
    if (done) {
      result.converged = true;
      break;
    }
    rho_in = mixer.mix(rho_in, rho_out, ctx.box_g);
  }
  if (!result.converged)
    result.warnings.push_back("SCF did not converge in " + std::to_string(settings.max_iterations) +
                              " steps");

  result.free_energy_hartree = result.energies.free();
  result.energy_zero_smearing_hartree =
      settings.smearing.extrapolate_half()
          ? result.energies.internal() + 0.5 * result.energies.minus_kt_entropy
          : result.free_energy_hartree;
  result.fermi_hartree = ctx.fermi;
  result.eigenvalues_hartree = ctx.eigenvalues;
  if (settings.compute_forces) {
    const PotentialResult pot_out = effective_potential(ctx, rho_out);
    result.forces_hartree_per_bohr = compute_forces(ctx, rho_out, pot_out.v_xc_r);
  }
  result.memory_estimate_bytes = ctx.memory_estimate_bytes;
  result.wall_s = elapsed();
  return result;
}

}  // namespace fw::dft
