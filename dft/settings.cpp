/// \file settings.cpp
/// \brief The dft settings tables: one entry per setting, with its unit, default and range.
#include "dft/settings.hpp"

#include "core/error.hpp"
#include "dft/kohn_sham/xc_functional.hpp"
#include "slabs/settings.hpp"

namespace fw::dft {

using settings::above;
using settings::above_at_most;
using settings::at_least;
using settings::between;
using settings::bind;
using settings::bind_custom;
using settings::Type;
using settings::Value;

namespace {

std::vector<settings::Binding<ScfSettings>> scf_bindings() {
  using S = ScfSettings;
  return {
      bind<S>(
          {.key = "ecut",
           .type = Type::Real,
           .unit = "Ha",
           .default_value = 30.0,
           .doc = "Plane-wave kinetic-energy cut-off",
           .range = between(2, 500)},
          [](auto& s) -> auto& { return s.ecut_hartree; }),
      bind<S>(
          {.key = "kpts",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{1, 1, 1},
           .doc = "Monkhorst-Pack k-point mesh",
           .range = between(1, 200)},
          [](auto& s) -> auto& { return s.kpoint_mesh; }),
      bind<S>(
          {.key = "kshift",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{0, 0, 0},
           .doc = "Mesh shift per axis: 0 (Γ-centred) or 1 (half step)",
           .range = between(0, 1)},
          [](auto& s) -> auto& { return s.kpoint_shift; }),
      bind_custom<S>(
          {.key = "smearing",
           .type = Type::Text,
           .default_value = std::string("fermi-dirac:0.01Ha"),
           .doc = "Occupation smearing KIND:WIDTH (fermi-dirac, gaussian, "
                  "methfessel-paxton, marzari-vanderbilt; width in Ha, Ry or eV)",
           .check = [](const Value& v) { parse_smearing(std::get<std::string>(v), ""); }},
          [](S& s, const Value& v) { s.smearing = parse_smearing(std::get<std::string>(v), ""); },
          [](const S& s) -> Value {
            char width[32];
            std::snprintf(width, sizeof width, "%.12g", s.smearing.width_hartree);
            return s.smearing.name() + ":" + width + "Ha";
          }),
      bind_custom<S>(
          {.key = "xc",
           .type = Type::Text,
           .default_value = std::string(),
           .doc = "Exchange-correlation functional: pbe, lda, pbesol, libxc names or "
                  "ids (empty: the pseudopotential's own)",
           .check =
               [](const Value& v) {
                 if (!std::get<std::string>(v).empty())
                   parse_xc_functional(std::get<std::string>(v), "");
               }},
          [](S& s, const Value& v) {
            const auto& text = std::get<std::string>(v);
            s.xc_text = text;
            s.xc_libxc_ids = text.empty() ? std::vector<int>{} : parse_xc_functional(text, "");
          },
          [](const S& s) -> Value { return s.xc_text; }),
      bind<S>(
          {.key = "nbands",
           .type = Type::Integer,
           .default_value = 0LL,
           .doc = "Number of bands (0: N_el/2 + max(4, 10%))",
           .range = between(0, 100000)},
          [](auto& s) -> auto& { return s.n_bands; }),
      bind<S>(
          {.key = "nspin",
           .type = Type::Integer,
           .default_value = 1LL,
           .doc = "Spin channels: 1 (unpolarised) or 2 (collinear spin, one Fermi level; ABINIT "
                  "nsppol 2, QE nspin 2; needs magmom)",
           .range = between(1, 2)},
          [](auto& s) -> auto& { return s.n_spin; }),
      bind_custom<S>(
          {.key = "magmom",
           .type = Type::Text,
           .default_value = std::string(),
           .doc = "Starting magnetic moment per atom of each species with nspin 2, "
                  "ELEMENT=MUB[,...] (e.g. Ni=0.6; ABINIT spinat, QE starting_magnetization)",
           .check = [](const Value& v) { parse_starting_moments(std::get<std::string>(v), ""); }},
          [](S& s, const Value& v) {
            s.starting_moments_text = std::get<std::string>(v);
            s.starting_moments = parse_starting_moments(s.starting_moments_text, "");
          },
          [](const S& s) -> Value { return s.starting_moments_text; }),
      bind<S>(
          {.key = "toldfe",
           .type = Type::Real,
           .unit = "Ha",
           .default_value = 1e-8,
           .doc = "Stop when the total energy changes less than this twice in a row",
           .range = above_at_most(0, 1)},
          [](auto& s) -> auto& { return s.energy_tolerance_hartree; }),
      bind<S>(
          {.key = "density_tolerance",
           .type = Type::Real,
           .default_value = 1e-5,
           .doc = "...and the density residual ∫|ρ_out − ρ_in| dr / N_el is below this",
           .range = above_at_most(0, 1)},
          [](auto& s) -> auto& { return s.density_tolerance; }),
      bind<S>(
          {.key = "max_steps",
           .type = Type::Integer,
           .default_value = 60LL,
           .doc = "Maximum number of SCF steps",
           .range = between(1, 10000)},
          [](auto& s) -> auto& { return s.max_iterations; }),
      bind<S>(
          {.key = "mixing_beta",
           .type = Type::Real,
           .default_value = 1.0,
           .doc = "Pulay density mixing step β (the preconditioned residual's weight)",
           .range = above_at_most(0, 1)},
          [](auto& s) -> auto& { return s.mixing_beta; }),
      bind<S>(
          {.key = "kerker_q0",
           .type = Type::Real,
           .unit = "1/bohr",
           .default_value = 1.0,
           .doc = "Kerker screening wave vector (Kerker, PRB 23, 3082 (1981))",
           .range = at_least(0)},
          [](auto& s) -> auto& { return s.kerker_q0_bohr_inv; }),
      bind<S>(
          {.key = "mixing_history",
           .type = Type::Integer,
           .default_value = 8LL,
           .doc = "Pulay (DIIS) history length",
           .range = between(1, 100)},
          [](auto& s) -> auto& { return s.mixing_history; }),
      bind<S>(
          {.key = "mixing_preconditioner",
           .type = Type::Choice,
           .default_value = std::string("ldos"),
           .doc =
               "Preconditioner of the density step: ldos (local density of states, Herbst & "
               "Levitt 2020; metals, slabs with vacuum) or kerker (homogeneous metal, kerker_q0)",
           .choices = {"ldos", "kerker"}},
          [](auto& s) -> auto& { return s.mixing_preconditioner; }),
      bind<S>(
          {.key = "starting_wavefunctions",
           .type = Type::Choice,
           .default_value = std::string("atomic"),
           .doc = "Start of the first SCF step: atomic (the pseudopotential files' pseudo-atomic "
                  "orbitals, PSML <pswf> or UPF <PP_CHI>, or where a file has none the bound "
                  "states of its pseudo-atom, solved; the other bands random) or random",
           .choices = {"atomic", "random"}},
          [](auto& s) -> auto& { return s.starting_wavefunctions; }),
      bind<S>(
          {.key = "symmetry",
           .type = Type::Boolean,
           .default_value = true,
           .doc = "Reduce k-points by the space group (spglib)"},
          [](auto& s) -> auto& { return s.use_symmetry; }),
      bind<S>(
          {.key = "time_reversal",
           .type = Type::Boolean,
           .default_value = true,
           .doc = "Use time-reversal symmetry (k ≡ −k)"},
          [](auto& s) -> auto& { return s.time_reversal; }),
      bind<S>(
          {.key = "real_gamma",
           .type = Type::Boolean,
           .default_value = true,
           .doc = "Real wavefunctions at the Γ point (ABINIT istwfk 2): half the eigensolver's "
                  "memory and a quarter of its arithmetic, the same energies"},
          [](auto& s) -> auto& { return s.real_gamma; }),
      bind_custom<S>(
          {.key = "fft_grid",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{0, 0, 0},
           .doc = "FFT grid override NxNxN (0x0x0: automatic from the cut-off)",
           .range = between(0, 4096),
           .check =
               [](const Value& v) {
                 const auto g = std::get<std::array<int, 3>>(v);
                 const bool automatic = g[0] == 0 && g[1] == 0 && g[2] == 0;
                 if (!automatic && (g[0] < 2 || g[1] < 2 || g[2] < 2))
                   throw std::invalid_argument("expected 0x0x0 (automatic) or N ≥ 2 on every axis");
               }},
          [](S& s, const Value& v) {
            const auto g = std::get<std::array<int, 3>>(v);
            if (g[0] == 0)
              s.fft_grid.reset();
            else
              s.fft_grid = g;
          },
          [](const S& s) -> Value {
            return s.fft_grid ? *s.fft_grid : std::array<int, 3>{0, 0, 0};
          }),
      bind<S>(
          {.key = "forces",
           .type = Type::Boolean,
           .default_value = true,
           .doc = "Compute the forces after the SCF"},
          [](auto& s) -> auto& { return s.compute_forces; }),
      bind<S>(
          {.key = "stress",
           .type = Type::Boolean,
           .default_value = false,
           .doc = "Compute the stress tensor after the SCF (at a fixed set of plane waves, "
                  "ABINIT's convention)"},
          [](auto& s) -> auto& { return s.compute_stress; }),
      bind<S>(
          {.key = "threads",
           .type = Type::Integer,
           .default_value = 0LL,
           .doc = "OpenMP threads per MPI rank (0: all cores; under mpirun/srun the node's "
                  "cores shared among its ranks)",
           .range = between(0, 4096)},
          [](auto& s) -> auto& { return s.threads; }),
      bind<S>(
          {.key = "scalapack_min_dimension",
           .type = Type::Integer,
           .default_value = 64LL,
           .doc = "With more MPI ranks than k-points: Davidson subspace matrices of this size or "
                  "more are diagonalised by ScaLAPACK across the ranks sharing a k-point",
           .range = between(1, 1000000)},
          [](auto& s) -> auto& { return s.scalapack_min_dimension; }),
      bind<S>(
          {.key = "checkpoint",
           .type = Type::Text,
           .default_value = std::string(),
           .doc = "Checkpoint file (density + wavefunctions, written atomically; empty: none)"},
          [](auto& s) -> auto& { return s.checkpoint_path; }),
      bind<S>(
          {.key = "checkpoint_every",
           .type = Type::Integer,
           .default_value = 0LL,
           .doc = "Also write the checkpoint every N SCF steps (0: only at the end)",
           .range = between(0, 100000)},
          [](auto& s) -> auto& { return s.checkpoint_every; }),
      bind<S>(
          {.key = "restart",
           .type = Type::Boolean,
           .default_value = false,
           .doc = "Continue from the checkpoint when it exists"},
          [](auto& s) -> auto& { return s.restart; }),
  };
}

void check_scf_consistency(const ScfSettings& s, const std::string& source) {
  if (s.restart && s.checkpoint_path.empty())
    throw InputError(source, "'restart' needs a 'checkpoint' file");
}

}  // namespace

const settings::Table<ScfSettings>& scf_settings_table() {
  static const settings::Table<ScfSettings> table("scf", "Self-consistent field (plane-wave DFT)",
                                                  scf_bindings(), check_scf_consistency);
  return table;
}

ScfSettings default_scf_settings() {
  return scf_settings_table().defaults();
}

namespace {

std::vector<settings::Binding<DftFacetSettings>> facet_bindings() {
  using S = DftFacetSettings;
  std::vector<settings::Binding<S>> own{
      bind<S>(
          {.key = "pseudopotential",
           .type = Type::Text,
           .default_value = std::string(kDefaultAuPseudopotential),
           .doc = "Pseudopotential file (psp8, PSML, UPF, HGH); edis and run default to the "
                  "element's PBE file (Au: Debian abinit-data's ONCVPSP; Ag, Al, Cu, Ni too; "
                  "docs/elements.md)",
           .cli_name = "psp"},
          [](auto& s) -> auto& { return s.pseudopotential; }),
      bind<S>(
          slabs::facet_method_spec(), [](auto& s) -> auto& { return s.method; }),
      bind<S>(
          {.key = "layers",
           .type = Type::Integer,
           .default_value = 5LL,
           .doc = "Atomic planes in the slab",
           .range = between(slabs::kSlabMethodMinLayers, slabs::kSlabMethodMaxLayers)},
          [](auto& s) -> auto& { return s.layers; }),
      bind<S>(
          {.key = "vacuum",
           .type = Type::Real,
           .unit = "Å",
           .default_value = 10.0,
           .doc = "Gap between the outermost planes across the periodic boundary",
           .range = above_at_most(0, 1000)},
          [](auto& s) -> auto& { return s.vacuum_A; }),
      bind<S>(
          {.key = "kpts",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{6, 6, 1},
           .doc = "Slab k-point mesh n×m×1 (Γ-centred) on the 1×1 surface cell",
           .range = between(1, 200)},
          [](auto& s) -> auto& { return s.kpts; }),
      bind<S>(
          {.key = "kpts_bulk",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{0, 0, 0},
           .doc = "Mesh of the N-layer oriented bulk reference, same n×m as the slab (0x0x0: "
                  "kz at the in-plane k density)",
           .range = between(0, 200)},
          [](auto& s) -> auto& { return s.kpts_bulk; }),
      bind<S>(
          {.key = "kdensity",
           .type = Type::Real,
           .unit = "1/Å",
           .default_value = 0.0,
           .doc = "If > 0: both meshes from this density, points per Å⁻¹ of |b| (no 2π); "
                  "replaces kpts and kpts_bulk",
           .range = between(0, 1000)},
          [](auto& s) -> auto& { return s.kdensity_per_A; }),
      bind<S>(
          {.key = "bulk_cell",
           .type = Type::Choice,
           .default_value = std::string("primitive"),
           .doc = "Bulk reference computed in the 1-layer cell with the folded mesh (primitive) "
                  "or in the N-layer cell (supercell); same k-points, same energy",
           .choices = {"primitive", "supercell"}},
          [](auto& s) -> auto& { return s.bulk_cell; }),
      bind<S>(
          {.key = "cut_cells",
           .type = Type::Integer,
           .default_value = 2LL,
           .doc = "method cut-crystal: n of the n×n×n conventional-cell cube (4n³ atoms), Γ only",
           .range = between(2, 60)},
          [](auto& s) -> auto& { return s.cut_cells; }),
      bind<S>(
          {.key = "cut_vacuum",
           .type = Type::Real,
           .unit = "Å",
           .default_value = 10.0,
           .doc = "method cut-crystal: vacuum between the crystal and its periodic images",
           .range = above_at_most(0, 1000)},
          [](auto& s) -> auto& { return s.cut_vacuum_A; }),
      bind<S>(
          {.key = "lattice_constant",
           .type = Type::Choice,
           .default_value = std::string("auto"),
           .doc = "eos: the functional's own a0 from an E(V) fit of the bulk, computed first; "
                  "crystal: --a as given; auto: eos for a relaxed or converged study unless --a "
                  "is given, crystal otherwise",
           .choices = {"auto", "eos", "crystal"}},
          [](auto& s) -> auto& { return s.lattice_constant; }),
      bind<S>(
          {.key = "eos_ecut",
           .type = Type::Real,
           .unit = "Ha",
           .default_value = 40.0,
           .doc = "Cut-off of the E(V) points of the lattice-constant fit",
           .range = above_at_most(0, 1000)},
          [](auto& s) -> auto& { return s.eos.ecut_hartree; }),
      bind<S>(
          {.key = "eos_kpts",
           .type = Type::Triplet,
           .default_value = std::array<int, 3>{12, 12, 12},
           .doc = "Γ-centred k-mesh of the one-atom cell of the E(V) fit",
           .range = between(1, 200)},
          [](auto& s) -> auto& { return s.eos.kpts; }),
      bind<S>(
          {.key = "eos_points",
           .type = Type::Integer,
           .default_value = 7LL,
           .doc = "Lattice constants sampled by the E(V) fit (third-order Birch-Murnaghan)",
           .range = between(5, 50)},
          [](auto& s) -> auto& { return s.eos.points; }),
      bind<S>(
          {.key = "eos_spread",
           .type = Type::Real,
           .default_value = 0.02,
           .doc = "The E(V) samples span a·(1 ± eos_spread) around --a (re-centred when a0 "
                  "lies near an edge)",
           .range = between(0.002, 0.2)},
          [](auto& s) -> auto& { return s.eos.spread; }),
      bind<S>(
          {.key = "converge",
           .type = Type::Boolean,
           .default_value = false,
           .doc = "Converge E_dis: cut-off, vacuum, in-plane k and smearing on the starting "
                  "slab, then layers, each until E_dis moves less than its share of "
                  "converge_tolerance; with relax, the relaxation energy is added"},
          [](auto& s) -> auto& { return s.converge; }),
      bind<S>(
          {.key = "converge_tolerance",
           .type = Type::Real,
           .unit = "eV/Å²",
           .default_value = 0.002,
           .doc = "Target error bar of a converged E_dis: each of the 5 axes (6 with relax) stops "
                  "when one step moves E_dis less than this over the square root of their number",
           .range = above_at_most(0, 1)},
          [](auto& s) -> auto& { return s.convergence.tolerance_eV_per_A2; }),
      bind<S>(
          {.key = "converge_max_points",
           .type = Type::Integer,
           .default_value = 5LL,
           .doc = "Most points per axis of the series, the starting one included",
           .range = between(2, 50)},
          [](auto& s) -> auto& { return s.convergence.max_points; }),
      bind<S>(
          {.key = "converge_layers_step",
           .type = Type::Integer,
           .default_value = 2LL,
           .doc = "Layers added per step of the series (5, 7, 9, …)",
           .range = between(1, 20)},
          [](auto& s) -> auto& { return s.convergence.layers_step; }),
      bind<S>(
          {.key = "converge_vacuum_step",
           .type = Type::Real,
           .unit = "Å",
           .default_value = 4.0,
           .doc = "Vacuum added per step of the series",
           .range = above_at_most(0, 100)},
          [](auto& s) -> auto& { return s.convergence.vacuum_step_A; }),
      bind<S>(
          {.key = "converge_ecut_step",
           .type = Type::Real,
           .unit = "Ha",
           .default_value = 5.0,
           .doc = "Cut-off added per step of the series",
           .range = above_at_most(0, 100)},
          [](auto& s) -> auto& { return s.convergence.ecut_step_hartree; }),
      bind<S>(
          {.key = "converge_kpts_step",
           .type = Type::Integer,
           .default_value = 2LL,
           .doc = "Added to both in-plane k-mesh numbers per step of the series",
           .range = between(1, 20)},
          [](auto& s) -> auto& { return s.convergence.kpts_step; }),
      bind<S>(
          {.key = "converge_smearing_factor",
           .type = Type::Real,
           .default_value = 0.7,
           .doc = "The smearing width is multiplied by this per step of the series, the in-plane "
                  "k by its inverse (E_dis from F and from E(σ→0) meet as it shrinks)",
           .range = between(0.1, 0.9)},
          [](auto& s) -> auto& { return s.convergence.smearing_factor; }),
      bind<S>(
          {.key = "relax",
           .type = Type::Boolean,
           .default_value = false,
           .doc = "Also relax the slab with the solver's forces (BFGS); the bulk reference stays "
                  "unrelaxed"},
          [](auto& s) -> auto& { return s.relax; }),
      bind<S>(
          {.key = "relax_mode",
           .type = Type::Choice,
           .default_value = std::string("symmetric"),
           .doc = "symmetric: every plane moves along the normal, forces antisymmetrised about "
                  "the centre plane (both faces relax alike); fixed-middle: the central "
                  "relax_fixed_layers planes stay at bulk positions, the others move freely",
           .choices = {"symmetric", "fixed-middle"}},
          [](auto& s) -> auto& { return s.relaxation.mode; }),
      bind<S>(
          {.key = "relax_fixed_layers",
           .type = Type::Integer,
           .default_value = 1LL,
           .doc = "fixed-middle: central planes held at bulk positions (layers − this must be "
                  "even)",
           .range = between(1, slabs::kSlabMethodMaxLayers - 2)},
          [](auto& s) -> auto& { return s.relaxation.fixed_layers; }),
      bind<S>(
          {.key = "fmax",
           .type = Type::Real,
           .unit = "eV/Å",
           .default_value = 0.01,
           .doc = "Relaxation: stop when every force on a moving atom is below this",
           .range = above_at_most(0, 10)},
          [](auto& s) -> auto& { return s.relaxation.fmax_eV_per_A; }),
      bind<S>(
          {.key = "relax_max_steps",
           .type = Type::Integer,
           .default_value = 30LL,
           .doc = "Relaxation: most ionic (BFGS) steps",
           .range = between(1, 1000)},
          [](auto& s) -> auto& { return s.relaxation.max_steps; }),
      bind<S>(
          {.key = "relax_max_step",
           .type = Type::Real,
           .unit = "Å",
           .default_value = 0.2,
           .doc = "Relaxation: no atom moves further than this in one BFGS step",
           .range = above_at_most(0, 2)},
          [](auto& s) -> auto& { return s.relaxation.max_step_A; }),
      bind<S>(
          {.key = "relax_warm_start",
           .type = Type::Boolean,
           .default_value = true,
           .doc = "Relaxation: each ionic step's SCF starts from the previous step's "
                  "wavefunctions and density (atomic densities moved along, QE's "
                  "pot_extrapolation 'atomic')"},
          [](auto& s) -> auto& { return s.relaxation.warm_start; }),
  };
  auto lifted = settings::lift<S>(
      scf_settings_table(), [](auto& s) -> auto& { return s.scf; },
      {"ecut", "smearing", "xc", "toldfe", "density_tolerance", "max_steps", "mixing_beta",
       "kerker_q0", "mixing_history", "mixing_preconditioner", "starting_wavefunctions", "symmetry",
       "time_reversal", "real_gamma", "threads"});
  // Every ScfSettings field a facet run uses must be bound here: Table::defaults() starts from a
  // value-initialised struct, so an unbound field would be 0 (no Kerker preconditioning, no
  // Pulay history, no symmetry). nbands and fft_grid stay automatic (0 / none) per cell.
  // A facet scan is a quick, meV-level comparison: a lower cut-off and looser tolerances than
  // the SCF defaults (which aim at 0.1 meV/atom agreement with ABINIT on bulk cells).
  for (auto& b : lifted) {
    if (b.spec.key == "ecut") b.spec.default_value = 20.0;
    if (b.spec.key == "toldfe") b.spec.default_value = 1e-6;
    if (b.spec.key == "density_tolerance") b.spec.default_value = 1e-4;
  }
  return settings::join(std::move(own), lifted);
}

void check_facet_consistency(const DftFacetSettings& s, const std::string& source) {
  check_scf_consistency(s.scf, source);
  // kdensity replaces both meshes: a mesh set beside it would be silently ignored. (A mesh given
  // at its default value cannot be told apart here; the command line checks what was given.)
  const auto default_kpts =
      std::get<std::array<int, 3>>(facet_settings_table().find("kpts")->spec.default_value);
  const auto& bulk = s.kpts_bulk;
  if (s.kdensity_per_A > 0 &&
      (s.kpts != default_kpts || bulk[0] != 0 || bulk[1] != 0 || bulk[2] != 0))
    throw settings::ConsistencyError(source, {"kdensity", "kpts", "kpts_bulk"},
                                     "kdensity replaces kpts and kpts_bulk (both meshes from the "
                                     "density): give kdensity or the meshes, not both");
  if (s.kpts[2] != 1)
    throw InputError(source, "'kpts' of a slab must be n×m×1 (the vacuum axis has one k-point)");
  const auto& b = s.kpts_bulk;
  const bool automatic = b[0] == 0 && b[1] == 0 && b[2] == 0;
  if (!automatic && (b[0] == 0 || b[1] == 0 || b[2] == 0))
    throw InputError(source, "'kpts_bulk' must be 0x0x0 (automatic) or have every entry ≥ 1");
  if (!automatic && (b[0] != s.kpts[0] || b[1] != s.kpts[1]))
    throw InputError(source, "'kpts_bulk' must use the slab's in-plane mesh (" +
                                 std::to_string(s.kpts[0]) + "x" + std::to_string(s.kpts[1]) +
                                 "x…) so that k-point errors cancel");
  if (s.method == "cut-crystal" && s.relax)
    throw InputError(source, "'relax' is for the slab method: the cut crystal is unrelaxed");
  if (s.method == "cut-crystal" && s.converge)
    throw InputError(source, "'converge' is a series of slabs: not with method cut-crystal");
}

}  // namespace

void check_relaxation_layers(const DftFacetSettings& s, const std::string& source) {
  if (s.relax && s.relaxation.mode == "fixed-middle" &&
      (s.relaxation.fixed_layers >= s.layers || (s.layers - s.relaxation.fixed_layers) % 2 != 0))
    throw InputError(source, "'relax_fixed_layers' (" + std::to_string(s.relaxation.fixed_layers) +
                                 ") must leave an even, non-zero number of the " +
                                 std::to_string(s.layers) + " layers free (as many per face)");
}

const settings::Table<DftFacetSettings>& facet_settings_table() {
  static const settings::Table<DftFacetSettings> table(
      "dft", "Native PBE facet energies E_dis (slab or cut-crystal method)", facet_bindings(),
      check_facet_consistency);
  return table;
}

}  // namespace fw::dft
