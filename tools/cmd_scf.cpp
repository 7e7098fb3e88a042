/// \file cmd_scf.cpp
/// \brief `facetweld scf`: self-consistent plane-wave PBE/LDA energy and forces of a periodic
/// structure.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "core/version.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"
#include "dft/structure_adapter.hpp"
#include "dft/terms/xc.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

/// Default PBE Au pseudopotential installed by Debian's abinit-data (tools/setup.sh installs it).
constexpr const char* kDefaultAuPseudo = "/usr/share/abinit/psp/79_Au_oncv.psml";

struct ScfOptions {
  std::string structure;
  std::vector<std::string> psp;
  std::string xc;
  std::string ecut = "30Ha";
  std::string kpts = "1x1x1";
  std::string kshift = "0x0x0";
  std::string smearing = "fermi-dirac:0.01Ha";
  int n_bands = 0;
  double toldfe_hartree = 1e-8;
  int max_steps = 60;
  double mixing_beta = 0.7;
  std::string fft_grid;
  bool no_symmetry = false;
  bool no_forces = false;
  int threads = 0;
  std::string checkpoint;
  int checkpoint_every = 0;
  bool restart = false;
  std::string json;
};

std::array<int, 3> parse_triplet(const std::string& text, const std::string& option, int minimum) {
  std::array<int, 3> v{};
  char x1 = 0, x2 = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d%c", &v[0], &x1, &v[1], &x2, &v[2], &extra) != 5 ||
      (x1 != 'x' && x1 != 'X') || (x2 != 'x' && x2 != 'X') || v[0] < minimum || v[1] < minimum ||
      v[2] < minimum)
    throw InputError(
        option, "expected NxNxN with N >= " + std::to_string(minimum) + ", got '" + text + "'");
  return v;
}

std::map<std::string, dft::Pseudopotential> read_pseudos(const std::vector<std::string>& specs) {
  std::map<std::string, dft::Pseudopotential> out;
  for (const auto& spec : specs.empty() ? std::vector<std::string>{kDefaultAuPseudo} : specs) {
    const auto eq = spec.find('=');
    const std::string path = eq == std::string::npos ? spec : spec.substr(eq + 1);
    if (!std::filesystem::exists(path))
      throw InputError("--psp", "pseudopotential file '" + path + "' not found");
    auto psp = dft::read_pseudopotential(path);
    const std::string element = eq == std::string::npos ? psp.element : spec.substr(0, eq);
    if (element.empty())
      throw InputError(path, "file does not name its element; pass --psp Element=path");
    out[element] = std::move(psp);
  }
  return out;
}

nlohmann::json vec3_rows(const std::vector<Vec3>& v, double scale) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& x : v) rows.push_back({x.x * scale, x.y * scale, x.z * scale});
  return rows;
}

void run_scf_command(const ScfOptions& o) {
  // Under mpirun/srun every rank runs this; rank 0 alone prints and writes (errors are collective,
  // the same on every rank).
  if (!dft::is_output_rank()) {
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
  }
  const double ecut = dft::parse_energy_hartree(o.ecut, "--ecut");
  if (!(ecut >= 2.0)) throw InputError("--ecut", "cut-off energy must be at least 2 Ha");
  const auto mesh = parse_triplet(o.kpts, "--kpts", 1);
  const auto shift = parse_triplet(o.kshift, "--kshift", 0);
  for (int s : shift)
    if (s > 1) throw InputError("--kshift", "shifts are 0 (Γ-centred) or 1 (half step)");
  dft::ScfSettings settings;
  settings.ecut_hartree = ecut;
  settings.kpoint_mesh = mesh;
  settings.kpoint_shift = shift;
  settings.smearing = dft::parse_smearing(o.smearing, "--smearing");
  if (!o.xc.empty()) settings.xc_libxc_ids = dft::parse_xc_functional(o.xc, "--xc");
  settings.n_bands = o.n_bands;
  if (!(o.toldfe_hartree > 0.0)) throw InputError("--toldfe", "tolerance must be positive");
  settings.energy_tolerance_hartree = o.toldfe_hartree;
  if (o.max_steps < 1) throw InputError("--max-steps", "need at least one SCF step");
  settings.max_iterations = o.max_steps;
  if (!(o.mixing_beta > 0.0 && o.mixing_beta <= 1.0))
    throw InputError("--mixing-beta", "expected 0 < beta <= 1");
  settings.mixing_beta = o.mixing_beta;
  if (!o.fft_grid.empty()) settings.fft_grid = parse_triplet(o.fft_grid, "--fft-grid", 2);
  settings.use_symmetry = !o.no_symmetry;
  settings.compute_forces = !o.no_forces;
  settings.threads = o.threads;
  settings.checkpoint_path = o.checkpoint;
  settings.checkpoint_every = o.checkpoint_every;
  settings.restart = o.restart;
  if (o.restart && o.checkpoint.empty()) throw InputError("--restart", "needs --checkpoint FILE");
  settings.log = [](const std::string& line) { std::cout << line << std::endl; };

  const auto structure = slabs::read_structure(o.structure);
  const auto pseudos = read_pseudos(o.psp);
  for (const auto& [element, psp] : pseudos)
    if (psp.cutoff_hints.low_hartree && ecut < 0.5 * *psp.cutoff_hints.low_hartree)
      throw InputError("--ecut", "cut-off " + o.ecut + " is far below the " + psp.source_path +
                                     " hint (low " + std::to_string(*psp.cutoff_hints.low_hartree) +
                                     " Ha)");
  const auto crystal = dft::crystal_from_structure(structure, pseudos, o.structure);
  if (!o.json.empty() && dft::is_output_rank()) ensure_writable_destination(o.json, "--json");

  const auto result = dft::run_scf(crystal, settings);
  const double ha = units::kHartreeInEV;
  const double n_atoms = static_cast<double>(crystal.n_atoms());
  char summary[256];
  std::snprintf(summary, sizeof summary,
                "%s: free energy %.8f Ha = %.6f eV (%.6f eV/atom), E(σ→0) %.6f eV, fermi %.6f eV",
                result.converged ? "converged" : "NOT converged", result.free_energy_hartree,
                result.free_energy_hartree * ha, result.free_energy_hartree * ha / n_atoms,
                result.energy_zero_smearing_hartree * ha, result.fermi_hartree * ha);
  std::cout << summary << std::endl;

  if (!o.json.empty() && result.output_rank) {
    nlohmann::json j;
    const auto& e = result.energies;
    j["energy_eV"] = result.energy_zero_smearing_hartree * ha;
    j["free_energy_eV"] = result.free_energy_hartree * ha;
    j["internal_energy_eV"] = e.internal() * ha;
    j["energy_per_atom_eV"] = result.energy_zero_smearing_hartree * ha / n_atoms;
    j["free_energy_per_atom_eV"] = result.free_energy_hartree * ha / n_atoms;
    j["free_energy_Ha"] = result.free_energy_hartree;
    j["energy_terms_Ha"] = {{"kinetic", e.kinetic},
                            {"hartree", e.hartree},
                            {"xc", e.xc},
                            {"ewald", e.ewald},
                            {"psp_core", e.psp_core},
                            {"local_psp", e.local},
                            {"non_local_psp", e.nonlocal},
                            {"minus_kT_entropy", e.minus_kt_entropy},
                            {"internal", e.internal()},
                            {"free_energy", e.free()}};
    j["fermi_eV"] = result.fermi_hartree * ha;
    j["converged"] = result.converged;
    j["scf_iterations"] = result.iterations;
    j["forces_eV_per_A"] = vec3_rows(result.forces_hartree_per_bohr, ha / units::kBohrInAngstrom);
    j["n_plane_waves"] = result.n_plane_waves;
    j["fft_grid"] = result.fft_grid.n;
    j["n_kpoints_irreducible"] = result.kpoints.size();
    nlohmann::json kp = nlohmann::json::array();
    for (const auto& k : result.kpoints)
      kp.push_back({{"frac", {k.frac.x, k.frac.y, k.frac.z}}, {"weight", k.weight}});
    j["kpoints"] = kp;
    j["eigenvalues_eV"] = result.eigenvalues_hartree;
    for (auto& row : j["eigenvalues_eV"])
      for (auto& v : row) v = v.get<double>() * ha;
    j["n_bands"] = result.n_bands;
    j["n_symmetry_operations"] = result.n_symmetry_operations;
    j["n_atoms"] = crystal.n_atoms();
    j["wall_s"] = result.wall_s;
    j["mpi_ranks"] = result.mpi_ranks;
    j["threads_per_rank"] = result.threads_per_rank;
    j["memory_estimate_per_rank_GiB"] = result.memory_estimate_bytes / (1024.0 * 1024.0 * 1024.0);
    j["warnings"] = result.warnings;
    nlohmann::json psps = nlohmann::json::object();
    for (const auto& [element, psp] : pseudos)
      psps[element] = {{"path", psp.source_path},
                       {"format", psp.format},
                       {"functional", psp.functional.name},
                       {"z_valence", psp.z_valence}};
    j["settings"] = {{"structure", o.structure},
                     {"pseudopotentials", psps},
                     {"xc", result.xc_name},
                     {"ecut_Ha", ecut},
                     {"ecut_eV", ecut * ha},
                     {"kpoint_mesh", mesh},
                     {"kpoint_shift", shift},
                     {"smearing", settings.smearing.name()},
                     {"smearing_width_eV", settings.smearing.width_hartree * ha},
                     {"n_bands", result.n_bands},
                     {"toldfe_Ha", settings.energy_tolerance_hartree},
                     {"max_steps", settings.max_iterations},
                     {"mixing_beta", settings.mixing_beta},
                     {"symmetry", settings.use_symmetry}};
    j["code_version"] = code_version();
    write_file_atomically(o.json, j.dump(2) + "\n");
    std::cout << "wrote " << o.json << std::endl;
  }
  if (!result.converged) {
    char detail[160];
    std::snprintf(detail, sizeof detail, "last |dE| %.2e Ha, density residual %.2e",
                  std::abs(result.last_energy_change_hartree), result.last_density_residual);
    throw InputError("--max-steps", "SCF did not converge in " + std::to_string(o.max_steps) +
                                        " steps (" + detail + ")" +
                                        (o.json.empty() ? std::string()
                                                        : "; " + o.json + " written with converged: false") +
                                        "; raise --max-steps or lower --mixing-beta");
  }
}

const RegisterCommand kRegistered{
    "scf", [](CLI::App& root) {
      auto o = std::make_shared<ScfOptions>();
      CLI::App* cmd = root.add_subcommand(
          "scf", "Self-consistent plane-wave DFT (norm-conserving, PBE/LDA) energy and forces");
      cmd->add_option("--structure", o->structure, "Structure file (POSCAR/CONTCAR, extxyz)")
          ->required();
      cmd->add_option(
          "--psp", o->psp,
          "Pseudopotential file (psp8, PSML, UPF, HGH), or Element=path; repeat per species "
          "(default: Debian abinit-data's PBE 79_Au_oncv.psml)");
      cmd->add_option("--xc", o->xc,
                      "Functional: pbe, lda, pz, pbesol, libxc names/ids (default: the file's)");
      cmd->add_option("--ecut", o->ecut, "Plane-wave cut-off with unit Ha, Ry or eV")
          ->capture_default_str();
      cmd->add_option("--kpts", o->kpts, "Monkhorst-Pack mesh NxNxN")->capture_default_str();
      cmd->add_option("--kshift", o->kshift, "Mesh shift per axis, 0 (Γ-centred) or 1 (half step)")
          ->capture_default_str();
      cmd->add_option(
             "--smearing", o->smearing,
             "fermi-dirac|gaussian|methfessel-paxton|marzari-vanderbilt:WIDTH (Ha, Ry, eV)")
          ->capture_default_str();
      cmd->add_option("--nbands", o->n_bands, "Number of bands (0: automatic)")
          ->capture_default_str();
      cmd->add_option("--toldfe", o->toldfe_hartree, "Stop when |ΔE| < this (Ha) twice in a row")
          ->capture_default_str();
      cmd->add_option("--max-steps", o->max_steps, "Maximum SCF steps")->capture_default_str();
      cmd->add_option("--mixing-beta", o->mixing_beta, "Pulay-Kerker mixing parameter")
          ->capture_default_str();
      cmd->add_option("--fft-grid", o->fft_grid, "Override the FFT grid, NxNxN");
      cmd->add_flag("--no-symmetry", o->no_symmetry,
                    "Do not use the space group (time reversal only)");
      cmd->add_flag("--no-forces", o->no_forces, "Skip the forces");
      cmd->add_option("--threads", o->threads, "OpenMP threads over k-points (0: all cores)")
          ->capture_default_str();
      cmd->add_option("--checkpoint", o->checkpoint,
                      "Checkpoint file (density + wavefunctions, written atomically)");
      cmd->add_option("--checkpoint-every", o->checkpoint_every,
                      "Also write the checkpoint every N SCF steps");
      cmd->add_flag("--restart", o->restart, "Continue from --checkpoint when it exists");
      cmd->add_option("--json", o->json, "Write the results as JSON (units in the key names)");
      cmd->callback([o] { run_scf_command(*o); });
    }};

}  // namespace
}  // namespace fw::cli
