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
#include "dft/kohn_sham/xc_functional.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "dft/solver/checkpoint.hpp"
#include "dft/solver/scf.hpp"
#include "dft/structure_adapter.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/batch_submit.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {
namespace {

struct ScfOptions {
  std::string structure;
  std::vector<std::string> psp;
  std::string json;
  std::unique_ptr<SettingsOptions<dft::ScfSettings>> settings;
  std::string scheduler;  ///< slurm | pbs: submit the run as a batch job instead
  vasp::BatchResources resources = single_task_resources();
};

std::map<std::string, dft::Pseudopotential> read_pseudos(const std::vector<std::string>& specs) {
  std::map<std::string, dft::Pseudopotential> out;
  for (const auto& spec :
       specs.empty() ? std::vector<std::string>{dft::kDefaultAuPseudopotential} : specs) {
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

/// Submits this same `scf` command as a batch job (tools/batch_submit.hpp); bad settings, a
/// missing structure or an unreadable pseudopotential fail here, not in the queue.
void submit_scf_job(const ScfOptions& o) {
  if (!std::filesystem::exists(o.structure))
    throw InputError("--structure", "file '" + o.structure + "' not found");
  read_pseudos(o.psp);
  o.settings->resolve();
  std::vector<std::string> args{"scf", "--structure", o.structure};
  for (const auto& p : o.psp) args.insert(args.end(), {"--psp", p});
  if (!o.json.empty()) args.insert(args.end(), {"--json", o.json});
  for (const auto& arg : o.settings->given_arguments()) args.push_back(arg);
  submit_facetweld_job("scf", args, o.scheduler, o.resources);
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
  dft::ScfSettings settings = o.settings->resolve();
  const double ecut = settings.ecut_hartree;
  settings.log = [](const std::string& line) { std::cout << line << std::endl; };

  const auto structure = slabs::read_structure(o.structure);
  const auto pseudos = read_pseudos(o.psp);
  for (const auto& [element, psp] : pseudos)
    if (psp.cutoff_hints.low_hartree && ecut < 0.5 * *psp.cutoff_hints.low_hartree)
      throw InputError("--ecut", "cut-off " + std::to_string(ecut) + " Ha is far below the " +
                                     psp.source_path + " hint (low " +
                                     std::to_string(*psp.cutoff_hints.low_hartree) + " Ha)");
  const auto crystal = dft::crystal_from_structure(structure, pseudos, o.structure);
  if (!o.json.empty() && dft::is_output_rank()) ensure_writable_destination(o.json, "--json");
  if (!settings.checkpoint_path.empty())
    dft::check_checkpoint_before_scf(settings.checkpoint_path, settings.restart);

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
  if (result.n_spin == 2) {
    std::snprintf(summary, sizeof summary,
                  "magnetisation: total %.4f muB, absolute %.4f muB per cell",
                  result.magnetization.total_muB, result.magnetization.absolute_muB);
    std::cout << summary << std::endl;
  }
  if (const auto& sigma = result.stress_hartree_per_bohr3) {
    const double gpa = units::kHartreePerBohr3InGPa;
    std::snprintf(
        summary, sizeof summary,
        "stress (GPa): xx %.4f yy %.4f zz %.4f yz %.4f xz %.4f xy %.4f, pressure %.4f GPa",
        (*sigma)[0][0] * gpa, (*sigma)[1][1] * gpa, (*sigma)[2][2] * gpa, (*sigma)[1][2] * gpa,
        (*sigma)[0][2] * gpa, (*sigma)[0][1] * gpa,
        -((*sigma)[0][0] + (*sigma)[1][1] + (*sigma)[2][2]) / 3.0 * gpa);
    std::cout << summary << std::endl;
  }

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
    if (!result.forces_hartree_per_bohr.empty())
      j["removed_mean_force_eV_per_A"] =
          norm(result.removed_mean_force_hartree_per_bohr) * ha / units::kBohrInAngstrom;
    if (const auto& sigma = result.stress_hartree_per_bohr3) {
      j["stress_GPa"] =
          vec3_rows({(*sigma)[0], (*sigma)[1], (*sigma)[2]}, units::kHartreePerBohr3InGPa);
      j["pressure_GPa"] =
          -((*sigma)[0][0] + (*sigma)[1][1] + (*sigma)[2][2]) / 3.0 * units::kHartreePerBohr3InGPa;
    }
    j["n_plane_waves"] = result.n_plane_waves;
    j["fft_grid"] = result.fft_grid.n;
    j["n_kpoints_irreducible"] = result.kpoints.size();
    nlohmann::json kp = nlohmann::json::array();
    for (const auto& k : result.kpoints)
      kp.push_back({{"frac", {k.frac.x, k.frac.y, k.frac.z}}, {"weight", k.weight}});
    j["kpoints"] = kp;
    j["spin_polarised"] = result.n_spin == 2;
    if (result.n_spin == 2) {
      j["total_magnetization_muB"] = result.magnetization.total_muB;
      j["absolute_magnetization_muB"] = result.magnetization.absolute_muB;
    }
    // Per spin channel when polarised (units σ·n_k + k: up, then down).
    const std::size_t n_k = result.kpoints.size();
    const char* eigenvalue_keys[] = {"eigenvalues_eV", "eigenvalues_up_eV", "eigenvalues_down_eV"};
    for (std::size_t sigma = 0; sigma < static_cast<std::size_t>(result.n_spin); ++sigma) {
      nlohmann::json rows = nlohmann::json::array();
      for (std::size_t k = 0; k < n_k; ++k) {
        nlohmann::json row = nlohmann::json::array();
        for (double v : result.eigenvalues_hartree[sigma * n_k + k]) row.push_back(v * ha);
        rows.push_back(row);
      }
      j[eigenvalue_keys[result.n_spin == 2 ? 1 + sigma : 0]] = rows;
    }
    j["n_bands"] = result.n_bands;
    j["n_symmetry_operations"] = result.n_symmetry_operations;
    j["n_atoms"] = crystal.n_atoms();
    j["wall_s"] = result.wall_s;
    j["mpi_ranks"] = result.mpi_ranks;
    j["threads_per_rank"] = result.threads_per_rank;
    j["threads_per_kpoint"] = result.threads_per_kpoint;
    j["real_wavefunctions_at_gamma"] = result.real_wavefunctions_at_gamma;
    j["starting_atomic_orbital_bands"] = result.atomic_orbital_bands;
    j["memory_estimate_per_rank_GiB"] = result.memory_estimate_bytes / (1024.0 * 1024.0 * 1024.0);
    j["warnings"] = result.warnings;
    nlohmann::json psps = nlohmann::json::object();
    for (const auto& [element, psp] : pseudos)
      psps[element] = {{"path", psp.source_path},
                       {"format", psp.format},
                       {"functional", psp.functional.name},
                       {"z_valence", psp.z_valence}};
    j["settings"] = dft::scf_settings_table().to_json(settings);
    j["settings"]["structure"] = o.structure;
    j["settings"]["pseudopotentials"] = psps;
    j["settings"]["xc_resolved"] = result.xc_name;
    j["settings"]["n_bands_resolved"] = result.n_bands;
    j["code_version"] = code_version();
    write_file_atomically(o.json, j.dump(2) + "\n");
    std::cout << "wrote " << o.json << std::endl;
  }
  if (!result.converged) {
    char detail[160];
    std::snprintf(detail, sizeof detail, "last |dE| %.2e Ha, density residual %.2e",
                  std::abs(result.last_energy_change_hartree), result.last_density_residual);
    throw InputError("--max-steps",
                     "SCF did not converge in " + std::to_string(settings.max_iterations) +
                         " steps (" + detail + "; raise --max-steps or lower --mixing-beta; " +
                         (o.json.empty() ? std::string("no --json given")
                                         : "the result was written with converged: false") +
                         ")");
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
      o->settings =
          std::make_unique<SettingsOptions<dft::ScfSettings>>(cmd, dft::scf_settings_table());
      cmd->add_option("--json", o->json, "Write the results as JSON (units in the key names)");
      cmd->add_option("--scheduler", o->scheduler,
                      "slurm | pbs: write the batch script here and submit this run");
      add_batch_resource_options(cmd, o->resources, "");
      cmd->callback([o] {
        if (o->scheduler.empty())
          run_scf_command(*o);
        else
          submit_scf_job(*o);
      });
    }};

}  // namespace
}  // namespace fw::cli
