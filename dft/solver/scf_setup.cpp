/// \file scf_setup.cpp
/// \brief What the SCF builds once per geometry, and its starting point.
#include "dft/solver/scf_setup.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "dft/basis/grid_operators.hpp"
#include "dft/kohn_sham/atomic_columns.hpp"
#include "dft/parallel/exception_guard.hpp"
#include "dft/pseudo/pseudo_atom.hpp"
#include "dft/solver/checkpoint.hpp"
#include "dft/solver/davidson.hpp"
#include "dft/solver/memory_estimate.hpp"
#include "dft/solver/scf_checks.hpp"

namespace fw::dft {
namespace {

/// The starting orbitals of a file that carries none, solved from its pseudopotential
/// (dft/pseudo/pseudo_atom); where that fails the species starts random, as before.
void add_solved_orbitals(const Pseudopotential& psp, double q_max, SpeciesFormFactors& ff,
                         std::vector<double>& energies,
                         const std::function<void(const std::string&)>& log) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<AtomicOrbital> orbitals;
  try {
    orbitals = starting_orbitals(solve_pseudo_atom(psp));
  } catch (const std::exception& e) {
    log("pseudo-atomic orbitals of " + psp.source_path + " could not be solved (" + e.what() +
        "); random start");
    return;
  }
  std::string summary;
  for (const AtomicOrbital& orbital : orbitals) {
    ff.orbitals.push_back(
        OrbitalFormFactor{orbital.l, RadialTransform(psp, orbital.r_phi, 1, orbital.l, q_max)});
    energies.push_back(orbital.energy_hartree.value_or(0.0));
    summary += format("%s%s %.4f", summary.empty() ? "" : ", ", orbital.label.c_str(),
                      orbital.energy_hartree.value_or(0.0));
  }
  const double ms =
      1e3 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  log(format("pseudo-atomic orbitals solved from the pseudopotential (%s %s: %s Ha; %.0f ms)",
             psp.element.c_str(), psp.source_path.c_str(), summary.c_str(), ms));
}

}  // namespace

void setup_basis(KohnShamBasis& ks, const ScfSettings& s, std::vector<std::string>& warnings,
                 const std::function<void(const std::string&)>& log) {
  const Crystal& crystal = ks.crystal;
  check_scalar_settings(s);
  ks.n_spin = s.n_spin == 2 ? 2 : 1;
  ks.n_electrons = crystal.n_valence_electrons();
  const double half = 0.5 * ks.n_electrons;
  ks.n_bands = s.n_bands > 0
                   ? static_cast<std::size_t>(s.n_bands)
                   : static_cast<std::size_t>(std::ceil(half + std::max(4.0, 0.2 * half)));
  check_band_count(ks.n_bands, ks.n_electrons, s.n_bands > 0);
  const auto minimum = minimum_fft_grid(crystal.cell_bohr, s.ecut_hartree);
  if (s.fft_grid)
    check_fft_grid(*s.fft_grid, minimum, choose_fft_grid(crystal.cell_bohr, s.ecut_hartree));
  ks.grid = s.fft_grid ? FftGrid{*s.fft_grid} : choose_fft_grid(crystal.cell_bohr, s.ecut_hartree);

  // Memory, first with a lower bound on the irreducible k-points (each orbit holds at most
  // 2·|point group| points), before the mesh, the grid buffers or the bases are allocated.
  MemoryInputs memory;
  memory.ecut_hartree = s.ecut_hartree;
  memory.grid = ks.grid;
  memory.full_mesh_points = 1.0;
  for (int n : s.kpoint_mesh) memory.full_mesh_points *= n;
  // Each spin channel holds its own wavefunctions: a polarised run counts every k twice.
  const double spin_channels = static_cast<double>(ks.n_spin);
  memory.irreducible_kpoints =
      spin_channels * std::max(1.0, std::floor(memory.full_mesh_points / 96.0));
  memory.n_bands = ks.n_bands;
  memory.mixing_history = s.mixing_history;
  memory.ranks = ks.world->size();
  memory.threads = ks.threads;
  memory.real_gamma_only = s.real_gamma && memory.full_mesh_points == 1.0 &&
                           s.kpoint_shift == std::array<int, 3>{0, 0, 0};
  const MemoryLimit available = memory_per_rank(ks.world->ranks_on_node());
  check_memory_fits(estimate_memory(crystal, memory), memory, available, s.fft_grid.has_value());
  if (memory.full_mesh_points > 2.0e9)
    throw InputError("--kpts", "a mesh of more than 2·10^9 k-points cannot be reduced");

  // Only operations that also keep the k-mesh: the density is symmetrised with the same group the
  // mesh is reduced by (a tilted cell's rotations may not keep an n×n×m mesh).
  ks.symmetry = mesh_preserving_symmetry(grid_compatible_symmetry(crystal, ks.grid, s.use_symmetry),
                                         s.kpoint_mesh, s.kpoint_shift);
  const auto kpoints =
      irreducible_monkhorst_pack(s.kpoint_mesh, s.kpoint_shift, ks.symmetry, s.time_reversal);
  memory.irreducible_kpoints = spin_channels * static_cast<double>(kpoints.size());
  const MemoryEstimate estimate = estimate_memory(crystal, memory);
  check_memory_fits(estimate, memory, available, s.fft_grid.has_value());
  ks.memory_estimate_bytes = estimate.total_bytes();
  log(estimate.summary(available.bytes));

  ks.box_g = box_g_vectors(crystal, ks.grid);
  for (const auto& k : kpoints)
    ks.bases.push_back(make_kpoint_basis(crystal, ks.grid, k, s.ecut_hartree));
  check_plane_waves_hold_bands(ks.bases, ks.n_bands);
  std::vector<std::size_t> cost;
  for (const auto& b : ks.bases) cost.push_back(b.size());
  ks.distribution = distribute_kpoints(cost, ks.world->size(), ks.world->rank());
  const bool threads_over_k = ks.distribution.band_ranks == 1 &&
                              ks.distribution.n_computed() >= static_cast<std::size_t>(ks.threads);
  ks.k_threads = threads_over_k ? ks.threads : 1;
  ks.threads_per_k = threads_over_k ? 1 : ks.threads;
  ks.plans = std::make_unique<FftPlans>(ks.grid, ks.threads_per_k);

  std::vector<int> xc_ids = s.xc_libxc_ids;
  if (xc_ids.empty()) xc_ids = crystal.species.front().functional.libxc_ids;
  ks.xc = std::make_unique<XcFunctional>(xc_ids);
  for (const auto& psp : crystal.species)
    if (psp.functional.libxc_ids != xc_ids)
      warnings.push_back("pseudopotential " + psp.source_path + " was generated with " +
                         psp.functional.name + " but the run uses " + ks.xc->name());

  double k_max = 0.0;
  for (const auto& b : ks.bases) k_max = std::max(k_max, norm(b.k_cart));
  const double q_density = max_box_g(crystal, ks.grid) + 0.1;
  const double q_projector = std::sqrt(2.0 * s.ecut_hartree) + k_max + 0.1;
  for (const auto& psp : crystal.species) {
    ks.form_factors.push_back(make_form_factors(psp, q_density, q_projector));
    auto& energies = ks.orbital_energies_hartree.emplace_back();
    for (const auto& orbital : psp.orbitals)
      energies.push_back(orbital.energy_hartree.value_or(0.0));
    if (psp.orbitals.empty() && s.starting_wavefunctions == "atomic")
      add_solved_orbitals(psp, q_projector, ks.form_factors.back(), energies, log);
  }
  // Projector tables only where this rank works.
  ks.projectors.resize(ks.bases.size());
  for (std::size_t k = 0; k < ks.bases.size(); ++k)
    if (ks.distribution.computes(k))
      ks.projectors[k] = make_kpoint_projectors(crystal, ks.bases[k], ks.form_factors);
  ks.gamma.resize(ks.bases.size());
  for (std::size_t k = 0; k < ks.bases.size(); ++k)
    if (s.real_gamma && ks.distribution.computes(k) && is_gamma_point(ks.bases[k]))
      ks.gamma[k] = make_gamma_real_basis(ks.bases[k], ks.projectors[k]);

  ks.v_local_g =
      structure_factor_sum(crystal, ks.grid, ks.form_factors, RadialQuantity::kLocalPotential);
  zero_nyquist(ks.v_local_g, ks.grid);
  // The G = 0 term (Σ ε_atm/Ω) enters only the psp_core energy; like ABINIT, the Hamiltonian omits
  // it, so eigenvalues and the Fermi level share ABINIT's reference.
  ks.v_local_g[0] = 0.0;
  ks.v_local_r = to_real(ks.v_local_g, *ks.plans);
  bool any_core = false;
  for (const auto& f : ks.form_factors) any_core = any_core || f.has_core;
  if (any_core) {
    ks.rho_core_g =
        structure_factor_sum(crystal, ks.grid, ks.form_factors, RadialQuantity::kCoreDensity);
    zero_nyquist(ks.rho_core_g, ks.grid);
    ks.rho_core_r = to_real(ks.rho_core_g, *ks.plans);
  }
}

std::vector<Complex> initial_density(const KohnShamBasis& ks) {
  return atomic_density(ks, ks.crystal);
}

namespace {

/// The superposition of the atoms' valence densities (Gaussians of the right charge where a file
/// has none), band-limited, not normalised.
std::vector<Complex> superposed_atomic_density(const KohnShamBasis& ks, const Crystal& crystal) {
  auto rho =
      structure_factor_sum(crystal, ks.grid, ks.form_factors, RadialQuantity::kValenceDensity);
  const double volume = crystal.volume_bohr3();
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto& f = ks.form_factors[static_cast<std::size_t>(crystal.species_of_atom[a])];
    if (f.has_valence) continue;
    const Vec3 tau = crystal.position_bohr(a);
    for (std::size_t i = 0; i < ks.box_g.size(); ++i)
      rho[i] += f.z_valence / volume * std::exp(-0.25 * dot(ks.box_g[i], ks.box_g[i])) *
                std::polar(1.0, -dot(ks.box_g[i], tau));
  }
  band_limit(rho, ks.box_g, 2.0 * std::sqrt(2.0 * ks.ecut_hartree));
  zero_nyquist(rho, ks.grid);
  return rho;
}

}  // namespace

std::vector<Complex> atomic_density(const KohnShamBasis& ks, const Crystal& crystal) {
  auto rho = superposed_atomic_density(ks, crystal);
  const double charge = rho[0].real() * crystal.volume_bohr3();
  for (auto& v : rho) v *= ks.n_electrons / charge;
  return rho;
}

std::vector<Complex> initial_magnetization(const KohnShamBasis& ks,
                                           const std::vector<double>& moment_per_species_muB) {
  const Crystal& crystal = ks.crystal;
  std::vector<Complex> m(ks.box_g.size(), Complex(0.0));
  for (std::size_t s = 0; s < crystal.species.size(); ++s) {
    if (moment_per_species_muB[s] == 0.0) continue;
    Crystal atoms_of_species = crystal;
    atoms_of_species.positions_frac.clear();
    atoms_of_species.species_of_atom.clear();
    for (std::size_t a = 0; a < crystal.n_atoms(); ++a)
      if (static_cast<std::size_t>(crystal.species_of_atom[a]) == s) {
        atoms_of_species.positions_frac.push_back(crystal.positions_frac[a]);
        atoms_of_species.species_of_atom.push_back(crystal.species_of_atom[a]);
      }
    if (atoms_of_species.n_atoms() == 0) continue;
    const auto rho = superposed_atomic_density(ks, atoms_of_species);
    const double charge = rho[0].real() * crystal.volume_bohr3();
    const double scale =
        moment_per_species_muB[s] * static_cast<double>(atoms_of_species.n_atoms()) / charge;
    for (std::size_t i = 0; i < m.size(); ++i) m[i] += scale * rho[i];
  }
  return m;
}

namespace {

/// Pseudo-atomic orbitals of every atom in the first columns of psi (npw x n_bands): lowest
/// orbital energy first over the whole cell (atoms in order within an energy), as many as fit.
/// Returns the columns filled: 0 when a species' file has no orbitals.
std::size_t place_atomic_orbitals(const KohnShamBasis& ks, const KPointBasis& basis,
                                  std::vector<Complex>& psi) {
  const Crystal& crystal = ks.crystal;
  for (const auto& f : ks.form_factors)
    if (f.orbitals.empty()) return 0;
  struct Entry {
    double energy;
    std::size_t atom, orbital;
  };
  std::vector<Entry> entries;
  for (std::size_t a = 0; a < crystal.n_atoms(); ++a) {
    const auto species = static_cast<std::size_t>(crystal.species_of_atom[a]);
    const auto& energies = ks.orbital_energies_hartree[species];
    for (std::size_t o = 0; o < energies.size(); ++o) entries.push_back({energies[o], a, o});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& x, const Entry& y) { return x.energy < y.energy; });
  std::size_t column = 0;
  for (const Entry& e : entries) {
    const auto& f = ks.form_factors[static_cast<std::size_t>(crystal.species_of_atom[e.atom])];
    const OrbitalFormFactor& orbital = f.orbitals[e.orbital];
    for (int m = 0; m < 2 * orbital.l + 1 && column < ks.n_bands; ++m, ++column)
      atomic_column(orbital.table, orbital.l, m, basis, crystal.position_bohr(e.atom),
                    crystal.volume_bohr3(), psi.data() + column * basis.size());
  }
  return column;
}

}  // namespace

std::size_t starting_wavefunctions(const KohnShamBasis& ks, bool atomic, KohnShamState& state) {
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> uniform(-0.5, 0.5);
  std::size_t atomic_columns = 0;
  state.psi.resize(ks.bases.size());
  for (std::size_t k = 0; k < ks.bases.size(); ++k) {
    const auto& b = ks.bases[k];
    if (!ks.distribution.computes(k)) {
      rng.discard(2 * b.size() * ks.n_bands);
      continue;
    }
    auto& psi = state.psi[k];
    psi.resize(b.size() * ks.n_bands);
    for (std::size_t n = 0; n < ks.n_bands; ++n)
      for (std::size_t g = 0; g < b.size(); ++g)
        psi[n * b.size() + g] = Complex(uniform(rng), uniform(rng)) / (1.0 + b.kinetic_hartree[g]);
    std::vector<Complex> random;
    if (atomic) random = psi;
    atomic_columns = atomic ? place_atomic_orbitals(ks, b, psi) : 0;
    if (!orthonormalize(psi, b.size(), ks.n_bands) && atomic_columns > 0) {
      psi = std::move(random);  // the orbitals were dependent (atoms on top of atoms)
      atomic_columns = 0;
      orthonormalize(psi, b.size(), ks.n_bands);
    }
  }
  // Both spin channels start from the same orbitals; the starting magnetisation splits them.
  const std::size_t n_k = ks.bases.size();
  state.psi.resize(ks.n_units());
  for (std::size_t u = n_k; u < ks.n_units(); ++u) state.psi[u] = state.psi[ks.kpoint_of(u)];
  return static_cast<std::size_t>(ks.world->max(static_cast<int>(atomic_columns)));
}

void drop_foreign_wavefunctions(const KohnShamBasis& ks, KohnShamState& state) {
  for (std::size_t u = 0; u < state.psi.size(); ++u)
    if (!ks.distribution.computes(ks.kpoint_of(u))) std::vector<Complex>().swap(state.psi[u]);
}

void write_scf_checkpoint(const KohnShamBasis& ks, KohnShamState& state, const std::string& path,
                          const std::vector<Complex>& rho_g, int step) {
  std::vector<std::size_t> sizes;
  for (const auto& b : ks.bases) sizes.push_back(b.size() * ks.n_bands);
  gather_wavefunctions_to_root(state.psi, sizes, ks.distribution, *ks.world);
  ExceptionGuard guard;
  if (ks.world->is_root()) guard.run([&] { write_checkpoint(path, ks, state.psi, rho_g, step); });
  ks.world->rethrow_any(guard);
  drop_foreign_wavefunctions(ks, state);
}

}  // namespace fw::dft
