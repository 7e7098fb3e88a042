/// \file vasprun.hpp
/// \brief Streaming vasprun.xml reader: memory stays bounded for multi-GB MD files.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/vec3.hpp"
#include "slabs/structure.hpp"
#include "vasp_io/parse_result.hpp"
#include "vasp_io/vasprun_dos.hpp"

namespace fw::vasp {

/// One <calculation> block (an ionic step).
struct VasprunIonicStep {
  /// From the step's final <energy> block. VASP 5.x writes E(σ→0) under the tag "e_wo_entrp"
  /// and −TS under "e_0_energy"; this reader detects that and stores the physical quantities.
  StepEnergies energies;
  int electronic_steps = 0;  ///< <scstep> blocks
  std::vector<Vec3> forces_eV_per_A;
  std::optional<Mat3> stress_kbar;
  /// Filled only with VasprunOptions::keep_step_structures (memory grows with the steps).
  std::optional<slabs::Structure> structure;
  /// The same structure's positions as VASP printed them (fractional), with its `structure`.
  std::vector<Vec3> positions_fractional;
};

/// Kohn–Sham eigenvalues and occupations of the last <eigenvalues> block, [spin][k][band].
struct VasprunEigenvalues {
  int nspin = 0, nkpoints = 0, nbands = 0;
  std::vector<double> energies_eV;  ///< flat: ((spin * nkpoints) + k) * nbands + band
  std::vector<double> occupations;
  double energy(int spin, int k, int band) const {
    return energies_eV[(static_cast<std::size_t>(spin) * nkpoints + k) * nbands + band];
  }
  double occupation(int spin, int k, int band) const {
    return occupations[(static_cast<std::size_t>(spin) * nkpoints + k) * nbands + band];
  }
};

/// Highest occupied / lowest unoccupied state (occupation threshold 1e-8, as pymatgen).
struct BandEdges {
  double vbm_eV = 0.0, cbm_eV = 0.0, gap_eV = 0.0;
  bool direct = false;
  /// A band is partly occupied at the Fermi level (some k below, some above, or a fractional
  /// occupation): the system is a metal and the true gap is 0, whatever vbm/cbm say.
  bool metallic = false;
};

struct Vasprun {
  std::string source;
  std::string vasp_version;  ///< <generator> version, e.g. "5.4.4.18Apr17-6-g9f103f2a35"
  nlohmann::json incar = nlohmann::json::object();       ///< typed as VASP wrote them
  nlohmann::json parameters = nlohmann::json::object();  ///< every <parameters> tag, flattened
  std::vector<std::string> atomic_symbols;               ///< one per atom, in POSCAR order
  std::vector<std::string> potcar_symbols;               ///< e.g. "PAW_PBE Fe 06Sep2000"
  std::string kpoints_style;                             ///< Gamma, Monkhorst-Pack, explicit, ...
  std::optional<std::array<int, 3>> kpoints_divisions;
  std::vector<Vec3> kpoints_reciprocal;  ///< the actual (irreducible) k-points, fractional
  std::vector<double> kpoint_weights;
  std::optional<slabs::Structure> initial_structure;
  std::optional<slabs::Structure> final_structure;
  std::vector<VasprunIonicStep> ionic_steps;
  std::optional<double> efermi_eV;  ///< from <dos>; absent in files without a DOS block
  std::optional<VasprunEigenvalues> eigenvalues;
  std::optional<int> total_dos_points;  ///< NEDOS of the total DOS block
  std::optional<VasprunDos> dos;        ///< the last <dos> block, with VasprunOptions::keep_dos
  std::vector<std::string> warnings;    ///< e.g. Fortran overflow ("*****") in a value
  Completeness completeness;

  /// Last step's E(σ→0), the energy pymatgen calls final_energy.
  std::optional<double> final_energy_eV() const;
  /// The last ionic step's SCF stopped before NELM iterations (pymatgen's definition).
  bool converged_electronic() const;
  /// Relaxation ended before NSW steps (or NSW <= 1). nullopt for molecular dynamics
  /// (IBRION = 0), where ionic convergence has no meaning (pymatgen says false).
  std::optional<bool> converged_ionic() const;
  /// Spin-polarised (ISPIN = 2) and DFT+U with a non-zero U, from <parameters>/<incar>.
  bool is_spin() const;
  bool is_hubbard() const;
  std::optional<BandEdges> band_edges() const;
};

struct VasprunOptions {
  bool keep_step_structures = false;
  /// When false (the default) only the last step keeps its forces, so memory stays bounded
  /// for long MD runs; on_ionic_step still sees every step's forces.
  bool keep_all_forces = false;
  bool keep_eigenvalues = true;
  /// Total and projected DOS arrays; when false, the projected DOS is skipped unparsed.
  bool keep_dos = true;
  /// Called as each ionic step ends (index from 0): stream MD trajectories without keeping them.
  std::function<void(std::size_t index, const VasprunIonicStep& step,
                     const slabs::Structure& structure)>
      on_ionic_step;
};

/// Reads vasprun.xml, plain or gzip-compressed (by content), in fixed-size chunks. Throws
/// InputError for an empty file or one that is not vasprun XML; a file cut short (a running or
/// killed job) returns the completed steps with `completeness.complete == false`.
Vasprun read_vasprun(const std::filesystem::path& path, const VasprunOptions& options = {});
/// Same, from a buffer in memory.
Vasprun parse_vasprun(std::string_view xml, const std::string& source,
                      const VasprunOptions& options = {});

nlohmann::json to_json(const Vasprun& vasprun);

}  // namespace fw::vasp
